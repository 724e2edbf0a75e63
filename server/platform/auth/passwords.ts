import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes). */
const ARGON2_OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The argon2id hash of a password, in PHC string form. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** True when the password matches the stored hash; a malformed hash never matches. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the time of one password check against a throwaway hash and answers false, so a login with an
 * unknown username takes as long as one with a wrong password and does not reveal which accounts exist.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hash(randomBytes(16).toString('base64url'), ARGON2_OPTIONS);
  await verifyPassword(await decoyHash, password);
  return false;
}

let commonPasswords: Promise<Set<string>> | undefined;

/** The common-password list (about 49,000 leaked and guessable passwords), lower-cased, loaded once on first use. */
function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set((dictionary['passwords-common'] as string[]).map((entry) => entry.toLowerCase())),
  );
  return commonPasswords;
}

/**
 * True when the password is on the list of common passwords of the zxcvbn-ts project, compared without regard to
 * case and after Unicode normalisation (full-width ｐａｓｓｗｏｒｄ is password), so Password1 and P@ssw0rd count too.
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await loadCommonPasswords()).has(password.normalize('NFKC').toLowerCase());
}
