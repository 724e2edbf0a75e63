import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { type HashAlgorithm, keyFingerprint } from '../crypto/hashing.ts';
import type { Executor } from '../db/database.ts';
import { type Checkpoint, type CheckpointLine, checkpointSignatureValid } from './checkpoints.ts';
import { CURRENT_HASH_VERSION, eventHash, type HashedEventRow, LEGACY_HASH_VERSION, legacyEventHash } from './event-hash.ts';
import { eventChainHeads, events } from './events.tables.ts';
import { GENESIS_HASH } from './record-event.ts';

/** Why a chain failed verification, or could not be verified. */
export type ChainBreakReason =
  | 'hash_mismatch'
  | 'previous_hash_mismatch'
  | 'sequence_gap'
  | 'head_mismatch'
  | 'legacy_format'
  | 'checkpoint_mismatch'
  | 'checkpoint_truncated'
  | 'checkpoint_invalid'
  | 'key_missing'
  | 'key_mismatch';

/** valid: intact; broken: tampered, with where; unverifiable: this server lacks the key the chain was signed with. */
export type ChainStatus = 'valid' | 'broken' | 'unverifiable';

/** A position in a chain and the hash of the row there. */
export type ChainPosition = { sequence: number; hash: string };

/** The outcome of recomputing a committee's chain. */
export type ChainVerificationResult = {
  status: ChainStatus;
  /** True only when the status is valid. */
  valid: boolean;
  /** Events checked before the first break (all of them when valid). */
  checked: number;
  firstBrokenSequence: number | null;
  reason: ChainBreakReason | null;
  /** The last event verified: the chain's head when valid; sequence 0 and the genesis hash for an empty chain. */
  head: ChainPosition;
  /** The last row of the unkeyed v0.2.0 format that was walked, if any (sealed at the first start after upgrading). */
  legacyHead: ChainPosition | null;
  /** How many signed checkpoints the chain was compared with, and the newest of them. */
  checkpoints: number;
  latestCheckpoint: Checkpoint | null;
};

/** What verification needs of the configuration: the algorithm of new rows does not matter, the key does. */
export type VerificationKey = { key: string | null };

/** Options of a verification. */
export type VerifyChainOptions = {
  /** The lines of the committee's checkpoint file: the chain must contain each one, at its sequence. */
  checkpoints?: readonly CheckpointLine[];
  /** Start at this trusted checkpoint instead of the first event (the check before appending the next checkpoint). */
  from?: Checkpoint;
  /** Accept unkeyed rows that no checkpoint sealed: only when a folder seals a chain for the first time. */
  acceptUnsealedLegacy?: boolean;
};

const BATCH_SIZE = 1000;
const algorithms: readonly string[] = ['sha256', 'sm3'] satisfies HashAlgorithm[];

/**
 * Recomputes a committee's chain in sequence order, 1,000 rows at a time, and reports the first problem:
 * - a row whose columns no longer match its hash: unkeyed rows (v0.2.0) with the old formula, every later row
 *   with the keyed HMAC over every column, which nobody without the key can recompute;
 * - a row that does not point at its predecessor's hash, a missing or repeated sequence number, a head that
 *   disagrees with the last row;
 * - an unkeyed row after a keyed one, or beyond the legacy head that a checkpoint sealed (a chain rewritten in
 *   the old format to avoid the key);
 * - a checkpoint (signed, kept outside the database) whose sequence holds another hash, or lies beyond the end.
 * Without the key, or with another key than the one that signed the rows, the answer is "unverifiable", never valid.
 */
export async function verifyChain(
  executor: Executor,
  orgId: string,
  verification: VerificationKey,
  options: VerifyChainOptions = {},
): Promise<ChainVerificationResult> {
  let checked = 0;
  let head: ChainPosition = { sequence: 0, hash: GENESIS_HASH };
  let legacyHead: ChainPosition | null = null;
  let trusted: Checkpoint[] = [];
  const finish = (status: ChainStatus, reason: ChainBreakReason | null, sequence: number | null): ChainVerificationResult => ({
    status,
    valid: status === 'valid',
    checked,
    firstBrokenSequence: sequence,
    reason,
    head,
    legacyHead,
    checkpoints: trusted.length,
    latestCheckpoint: trusted.reduce<Checkpoint | null>(
      (latest, checkpoint) => (latest && latest.sequence >= checkpoint.sequence ? latest : checkpoint),
      null,
    ),
  });

  const key = verification.key;
  if (!key) return finish('unverifiable', 'key_missing', null);
  const keyId = keyFingerprint(key);

  const judged = trustCheckpoints(options.checkpoints ?? [], orgId, key);
  if (!judged.ok) return finish(judged.status, judged.reason, judged.sequence);
  trusted = options.from ? [...judged.trusted, options.from] : judged.trusted;
  const sealed = new Map<number, string[]>();
  for (const checkpoint of trusted)
    sealed.set(checkpoint.sequence, [...(sealed.get(checkpoint.sequence) ?? []), checkpoint.hash]);
  // Reduced rather than spread into Math.max: a file of many years holds tens of thousands of lines.
  const highest = (items: Checkpoint[]) => items.reduce((most, checkpoint) => Math.max(most, checkpoint.sequence), 0);
  const legacyLimit = options.acceptUnsealedLegacy
    ? Number.POSITIVE_INFINITY
    : highest(trusted.filter((checkpoint) => checkpoint.legacy));
  const lastSealed = highest(trusted);

  let expectedSequence = options.from?.sequence ?? 1;
  // Starting at a checkpoint, its row's own predecessor is not read: the checkpoint vouches for the row's hash.
  let previousHash: string | null = options.from ? null : GENESIS_HASH;
  let keyedSeen = options.from ? !options.from.legacy : false;

  for (;;) {
    const rows = await readRows(executor, orgId, expectedSequence);
    for (const row of rows) {
      if (row.sequence > expectedSequence) return finish('broken', 'sequence_gap', expectedSequence);
      // A repeated sequence is a fork: a second row claims the same place in the chain.
      if (row.sequence < expectedSequence) return finish('broken', 'previous_hash_mismatch', row.sequence);
      if (previousHash !== null && row.previousHash !== previousHash) {
        return finish('broken', 'previous_hash_mismatch', row.sequence);
      }
      if (!algorithms.includes(row.hashAlgorithm)) return finish('broken', 'hash_mismatch', row.sequence);
      if (row.hashVersion === LEGACY_HASH_VERSION) {
        if (legacyEventHash(row) !== row.hash) return finish('broken', 'hash_mismatch', row.sequence);
        if (keyedSeen || row.sequence > legacyLimit) return finish('broken', 'legacy_format', row.sequence);
        legacyHead = { sequence: row.sequence, hash: row.hash };
      } else if (row.hashVersion === CURRENT_HASH_VERSION) {
        if (row.hashKeyId !== keyId) return finish('unverifiable', 'key_mismatch', row.sequence);
        if (eventHash(row, key) !== row.hash) return finish('broken', 'hash_mismatch', row.sequence);
        keyedSeen = true;
      } else {
        return finish('broken', 'hash_mismatch', row.sequence);
      }
      if (sealed.get(row.sequence)?.some((hash) => hash !== row.hash)) {
        return finish('broken', 'checkpoint_mismatch', row.sequence);
      }
      previousHash = row.hash;
      head = { sequence: row.sequence, hash: row.hash };
      expectedSequence += 1;
      checked += 1;
    }
    if (rows.length < BATCH_SIZE) break;
  }

  // The database ends before a checkpoint: its newest rows were removed (and the head moved back to hide it).
  if (lastSealed > head.sequence) return finish('broken', 'checkpoint_truncated', head.sequence + 1);
  const [stored] = await executor
    .select({ lastSequence: eventChainHeads.lastSequence, lastHash: eventChainHeads.lastHash })
    .from(eventChainHeads)
    .where(eq(eventChainHeads.orgId, orgId));
  const lastSequence = stored?.lastSequence ?? 0;
  const lastHash = stored?.lastHash ?? GENESIS_HASH;
  if (lastSequence !== head.sequence || lastHash !== head.hash) {
    // The head is ahead when the newest rows were deleted: the first missing one is where the chain breaks.
    return finish('broken', 'head_mismatch', lastSequence > head.sequence ? head.sequence + 1 : Math.max(lastSequence, 1));
  }
  return finish('valid', null, null);
}

/**
 * The checkpoints of a file that this key signed for this committee; a line that is damaged, another committee's
 * or badly signed is a break, a line signed with another key makes the chain unverifiable here.
 */
export function trustCheckpoints(
  lines: readonly CheckpointLine[],
  orgId: string,
  key: string,
): { ok: true; trusted: Checkpoint[] } | { ok: false; status: ChainStatus; reason: ChainBreakReason; sequence: number | null } {
  const trusted: Checkpoint[] = [];
  const keyId = keyFingerprint(key);
  for (const { checkpoint } of lines) {
    if (!checkpoint || checkpoint.orgId !== orgId) {
      return { ok: false, status: 'broken', reason: 'checkpoint_invalid', sequence: checkpoint?.sequence ?? null };
    }
    if (checkpoint.keyId !== keyId) return { ok: false, status: 'unverifiable', reason: 'key_mismatch', sequence: null };
    if (!checkpointSignatureValid(checkpoint, key)) {
      return { ok: false, status: 'broken', reason: 'checkpoint_invalid', sequence: checkpoint.sequence };
    }
    trusted.push(checkpoint);
  }
  return { ok: true, trusted };
}

/** Up to BATCH_SIZE rows from a sequence on, every column the hashes cover, the instant in one fixed form. */
async function readRows(executor: Executor, orgId: string, fromSequence: number): Promise<(HashedEventRow & { hash: string })[]> {
  return executor
    .select({
      orgId: events.orgId,
      id: events.id,
      sequence: events.sequence,
      // Read the instant in one fixed form to the microsecond, whatever the session's time zone.
      occurredAt: sql<string>`to_char(${events.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      actorId: events.actorId,
      actorName: events.actorName,
      type: events.type,
      subjectType: events.subjectType,
      subjectId: events.subjectId,
      summary: events.summary,
      before: events.before,
      after: events.after,
      result: events.result,
      ip: events.ip,
      requestId: events.requestId,
      hashAlgorithm: events.hashAlgorithm,
      hashVersion: events.hashVersion,
      hashKeyId: events.hashKeyId,
      previousHash: events.previousHash,
      hash: events.hash,
    })
    .from(events)
    .where(and(eq(events.orgId, orgId), gte(events.sequence, fromSequence)))
    .orderBy(asc(events.sequence))
    .limit(BATCH_SIZE);
}
