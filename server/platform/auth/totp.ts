import { generate, generateSecret, generateURI, verify } from 'otplib';

/** The issuer authenticator apps show beside the account. */
const TOTP_ISSUER = '数字政协';
/** Codes one 30-second step early or late are accepted, for phones whose clocks drift. */
const TOLERANCE_SECONDS = 30;

/** A new random TOTP secret (20 bytes, Base32), as authenticator apps expect. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app scans from a QR code. */
export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountLabel, secret });
}

/** Length of one TOTP time step. */
const STEP_SECONDS = 30;

/**
 * The time step whose code this is — the current step, or one before or after — or null when it matches none.
 * Callers accept a step only if it is later than the last one accepted for the account, so a code works once.
 */
export async function matchTotpStep(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  try {
    const result = await verify({ secret, token: code, epoch, epochTolerance: TOLERANCE_SECONDS });
    if (!result.valid) return null;
    for (const offset of [0, -1, 1]) {
      const step = Math.floor(epoch / STEP_SECONDS) + offset;
      if ((await generate({ secret, epoch: step * STEP_SECONDS })) === code) return step;
    }
    return null;
  } catch {
    return null;
  }
}

/** The code of the secret at an instant (tests play the authenticator app with it). */
export function totpCodeAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
