import { canonicalJson, digest, type HashAlgorithm, keyedDigest } from '../crypto/hashing.ts';

/** The hash version of every event written now: an HMAC over every column. */
export const CURRENT_HASH_VERSION = 2;
/** The unkeyed format of v0.2.0, still verified for the rows written before the upgrade. */
export const LEGACY_HASH_VERSION = 1;

/** Every column of an event row that a hash may cover, as the database stores it. */
export type HashedEventRow = {
  orgId: string;
  id: string;
  sequence: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  type: string;
  subjectType: string | null;
  subjectId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  result: string;
  ip: string | null;
  requestId: string | null;
  hashAlgorithm: string;
  hashVersion: number;
  hashKeyId: string | null;
  previousHash: string;
};

/** Version 1 (v0.2.0): the fields it covered, unkeyed. Kept unchanged so the rows of that release still verify. */
export function legacyHashedContent(row: HashedEventRow): string {
  return canonicalJson({
    orgId: row.orgId,
    id: row.id,
    sequence: row.sequence,
    occurredAt: new Date(row.occurredAt).toISOString(),
    actorId: row.actorId,
    type: row.type,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    summary: row.summary,
    before: row.before ?? null,
    after: row.after ?? null,
    result: row.result,
    previousHash: row.previousHash,
  });
}

/**
 * An instant as UTC ISO text with exactly six fraction digits (the database keeps microseconds): the stored form
 * `…T08:00:00.123Z` and the read-back form `…T08:00:00.123000Z` agree, and a shift of one microsecond shows.
 */
export function microsecondInstant(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z$/.exec(value);
  if (match) return `${match[1]}.${(match[2] ?? '').padEnd(6, '0')}Z`;
  return `${new Date(value).toISOString().slice(0, 23)}000Z`;
}

/**
 * Version 2: every column of the row except the hash itself, in one canonical form (sorted keys, the instant in
 * UTC to the microsecond, absent values as null). The algorithm, version and key fingerprint are covered too, so none of
 * them can be switched to make a forged row pass.
 */
export function hashedContent(row: HashedEventRow): string {
  return canonicalJson({
    orgId: row.orgId,
    id: row.id,
    sequence: row.sequence,
    occurredAt: microsecondInstant(row.occurredAt),
    actorId: row.actorId,
    actorName: row.actorName,
    type: row.type,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    summary: row.summary,
    before: row.before ?? null,
    after: row.after ?? null,
    result: row.result,
    ip: row.ip,
    requestId: row.requestId,
    hashAlgorithm: row.hashAlgorithm,
    hashVersion: row.hashVersion,
    hashKeyId: row.hashKeyId,
    previousHash: row.previousHash,
  });
}

/** The unkeyed hash of a version 1 row. */
export function legacyEventHash(row: HashedEventRow): string {
  return digest(row.hashAlgorithm as HashAlgorithm, legacyHashedContent(row));
}

/** The keyed hash (HMAC-SHA256 or SM3-HMAC, as the row names) of a version 2 row. */
export function eventHash(row: HashedEventRow, key: string): string {
  return keyedDigest(row.hashAlgorithm as HashAlgorithm, key, hashedContent(row));
}
