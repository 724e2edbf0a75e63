import { createHash, createHmac } from 'node:crypto';

export type HashAlgorithm = 'sha256' | 'sm3';

/** Hex digest of text with SHA-256 (default) or SM3 (national standard). */
export function digest(algorithm: HashAlgorithm, text: string): string {
  return createHash(algorithm).update(text, 'utf8').digest('hex');
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
