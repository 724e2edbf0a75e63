import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { digest, type HashAlgorithm } from '../crypto/hashing.ts';
import type { Executor } from '../db/database.ts';
import { eventChainHeads, events } from './events.tables.ts';
import { GENESIS_HASH, hashedContent } from './record-event.ts';

/** Why a chain failed verification. */
export type ChainBreakReason = 'hash_mismatch' | 'previous_hash_mismatch' | 'sequence_gap' | 'head_mismatch';

/** The outcome of recomputing a committee's chain. */
export type ChainVerificationResult = {
  valid: boolean;
  /** Events checked before the first break (all of them when valid). */
  checked: number;
  firstBrokenSequence: number | null;
  reason: ChainBreakReason | null;
};

const BATCH_SIZE = 1000;

/**
 * Recomputes every hash of a committee's chain in sequence order, 1,000 rows at a time, and reports the first
 * broken link: a row whose content no longer matches its hash (tampered), a row that does not point at its
 * predecessor's hash (replaced or forked), a missing sequence number (deleted), or a head that disagrees with
 * the last row (the newest rows deleted).
 */
export async function verifyChain(executor: Executor, orgId: string): Promise<ChainVerificationResult> {
  let expectedSequence = 1;
  let previousHash = GENESIS_HASH;
  let checked = 0;
  const broken = (sequence: number, reason: ChainBreakReason): ChainVerificationResult => ({
    valid: false,
    checked,
    firstBrokenSequence: sequence,
    reason,
  });

  for (;;) {
    const rows = await executor
      .select({
        orgId: events.orgId,
        id: events.id,
        sequence: events.sequence,
        // Read the instant in one fixed form, whatever the session's time zone.
        occurredAt: sql<string>`to_char(${events.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        actorId: events.actorId,
        type: events.type,
        subjectType: events.subjectType,
        subjectId: events.subjectId,
        summary: events.summary,
        before: events.before,
        after: events.after,
        result: events.result,
        hashAlgorithm: events.hashAlgorithm,
        previousHash: events.previousHash,
        hash: events.hash,
      })
      .from(events)
      .where(and(eq(events.orgId, orgId), gt(events.sequence, expectedSequence - 1)))
      .orderBy(asc(events.sequence))
      .limit(BATCH_SIZE);

    for (const row of rows) {
      if (row.sequence > expectedSequence) return broken(expectedSequence, 'sequence_gap');
      // A repeated sequence is a fork: a second row claims the same place in the chain.
      if (row.sequence < expectedSequence) return broken(row.sequence, 'previous_hash_mismatch');
      if (row.previousHash !== previousHash) return broken(row.sequence, 'previous_hash_mismatch');
      const recomputed = digest(row.hashAlgorithm as HashAlgorithm, hashedContent(row));
      if (recomputed !== row.hash) return broken(row.sequence, 'hash_mismatch');
      previousHash = row.hash;
      expectedSequence += 1;
      checked += 1;
    }
    if (rows.length < BATCH_SIZE) break;
  }

  const [head] = await executor
    .select({ lastSequence: eventChainHeads.lastSequence, lastHash: eventChainHeads.lastHash })
    .from(eventChainHeads)
    .where(eq(eventChainHeads.orgId, orgId));
  const lastSequence = head?.lastSequence ?? 0;
  const lastHash = head?.lastHash ?? GENESIS_HASH;
  if (lastSequence !== checked || lastHash !== previousHash) {
    // The head is ahead when the newest rows were deleted: the first missing one is where the chain breaks.
    return broken(lastSequence > checked ? checked + 1 : Math.max(lastSequence, 1), 'head_mismatch');
  }
  return { valid: true, checked, firstBrokenSequence: null, reason: null };
}
