import { createHash, createHmac } from 'node:crypto';

export type HashAlgorithm = 'sha256' | 'sm3';

/** The audit chain's keyed hashing: the algorithm of new events and the key kept outside the database. */
export type AuditHashing = { algorithm: HashAlgorithm; key: string };

/** Hex digest of text with SHA-256 (default) or SM3 (national standard). */
export function digest(algorithm: HashAlgorithm, text: string): string {
  return createHash(algorithm).update(text, 'utf8').digest('hex');
}

/** Hex HMAC of text under a key, with SHA-256 (HMAC-SHA256) or SM3 (SM3-HMAC). */
export function keyedDigest(algorithm: HashAlgorithm, key: string, text: string): string {
  return createHmac(algorithm, key).update(text, 'utf8').digest('hex');
}

const fingerprints = new Map<string, string>();

/**
 * A public fingerprint of a key (16 hex digits of an HMAC of a fixed text): stored beside what the key signed, so
 * that a server holding another key says "cannot verify" instead of "tampered". It reveals nothing of the key.
 */
export function keyFingerprint(key: string): string {
  let fingerprint = fingerprints.get(key);
  if (!fingerprint) {
    fingerprint = createHmac('sha256', key).update('cppcc-audit-key-fingerprint', 'utf8').digest('hex').slice(0, 16);
    fingerprints.set(key, fingerprint);
  }
  return fingerprint;
}

/** Keyed hash for looking up an encrypted value (mobile, ID number) without decrypting every row. */
export function blindIndex(secret: string, value: string): string {
  return createHmac('sha256', `${secret}:blind-index`).update(value.trim().toUpperCase(), 'utf8').digest('hex');
}

/** Serialises a value with sorted keys, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}
