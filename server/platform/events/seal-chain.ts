import { sql } from 'drizzle-orm';
import type { AuditHashing } from '../crypto/hashing.ts';
import type { Executor } from '../db/database.ts';
import { appendCheckpoint, type Checkpoint, readCheckpoints, signCheckpoint } from './checkpoints.ts';
import { LEGACY_HASH_VERSION } from './event-hash.ts';
import { type ChainVerificationResult, trustCheckpoints, verifyChain } from './verify-chain.ts';

/** What sealing a chain found, and the checkpoints it appended. */
export type SealOutcome = { orgId: string; result: ChainVerificationResult; written: Checkpoint[] };

/**
 * Checks a committee's chain from the newest checkpoint in the folder (from the first event when there is none)
 * and, when intact, appends a signed checkpoint of its head. The first time a folder sees a chain with unkeyed
 * v0.2.0 rows it also seals the last of them (`legacy`), so rewriting the chain in the old format is detected
 * from then on. A broken chain gets no checkpoint: sealing never vouches for a tampered chain.
 */
export async function sealChain(
  executor: Executor,
  orgId: string,
  hashing: AuditHashing,
  directory: string,
  now: Date,
): Promise<SealOutcome> {
  const lines = await readCheckpoints(directory, orgId);
  const judged = trustCheckpoints(lines, orgId, hashing.key);
  const latest = judged.ok
    ? judged.trusted.reduce<Checkpoint | null>(
        (newest, item) => (newest && newest.sequence >= item.sequence ? newest : item),
        null,
      )
    : null;
  const result = await verifyChain(executor, orgId, hashing, {
    checkpoints: lines,
    from: latest ?? undefined,
    acceptUnsealedLegacy: lines.length === 0,
  });
  const written: Checkpoint[] = [];
  if (!result.valid) return { orgId, result, written };
  const { head, legacyHead } = result;
  if (lines.length === 0 && legacyHead && legacyHead.sequence < head.sequence) {
    written.push(signCheckpoint(hashing, { orgId, ...legacyHead, legacy: true, writtenAt: now }));
  }
  if (head.sequence > (latest?.sequence ?? 0)) {
    written.push(signCheckpoint(hashing, { orgId, ...head, legacy: legacyHead?.sequence === head.sequence, writtenAt: now }));
  }
  for (const checkpoint of written) await appendCheckpoint(directory, checkpoint);
  return { orgId, result, written };
}

/** The committees whose chains hold unkeyed v0.2.0 rows (a partial index keeps this cheap). */
export async function committeesWithLegacyEvents(executor: Executor): Promise<string[]> {
  const result = await executor.execute<{ org_id: string }>(
    sql`select distinct org_id from events where hash_version = ${LEGACY_HASH_VERSION} order by org_id`,
  );
  return result.rows.map((row) => row.org_id);
}

/** Every committee that has a chain (the platform's own included). */
export async function committeesWithChains(executor: Executor): Promise<string[]> {
  const result = await executor.execute<{ org_id: string }>(
    sql`select org_id from event_chain_heads where last_sequence > 0 order by org_id`,
  );
  return result.rows.map((row) => row.org_id);
}

/** How many chains end in a row signed with another key than this one (a lost or replaced AUDIT_KEY). */
export async function chainsSignedWithOtherKey(executor: Executor, keyId: string): Promise<number> {
  const result = await executor.execute<{ count: number }>(sql`
    select count(*)::int as count from event_chain_heads h
    join events e on e.org_id = h.org_id and e.sequence = h.last_sequence
    where e.hash_key_id is not null and e.hash_key_id <> ${keyId}`);
  return result.rows[0]?.count ?? 0;
}
