import { eq, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../auth/actor.ts';
import { type AuditHashing, keyFingerprint } from '../crypto/hashing.ts';
import { newId } from '../db/columns.ts';
import type { Transaction } from '../db/database.ts';
import { CURRENT_HASH_VERSION, eventHash } from './event-hash.ts';
import { eventChainHeads, events } from './events.tables.ts';

/** The chain of events that belong to no committee (e.g. a failed login with an unknown username). */
export const PLATFORM_ORG_ID = '00000000-0000-0000-0000-000000000000';
/** The previous-hash of the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** What happened, as an action or a route describes it. */
export type EventInput = {
  orgId: string;
  type: string;
  summary: string;
  actor?: Pick<Actor, 'userId' | 'displayName'> | null;
  subjectType?: string;
  subjectId?: string;
  before?: unknown;
  after?: unknown;
  result?: 'success' | 'failure';
  context?: RequestContext;
};

/**
 * Appends an event to its committee's chain inside the caller's transaction, so the change and its record
 * commit or fail together. The chain head row is locked FOR UPDATE, which keeps the chain linear when
 * several requests (or app nodes) write at once. The hash is an HMAC over every column under the audit key
 * (`config.auditHash`), which the database never sees.
 */
export async function recordEvent(
  transaction: Transaction,
  hashing: AuditHashing,
  input: EventInput,
): Promise<{ id: string; sequence: number }> {
  if (!hashing.key) throw new Error('recordEvent needs the audit key (config.auditHash)');
  await transaction
    .insert(eventChainHeads)
    .values({ orgId: input.orgId, lastSequence: 0, lastHash: GENESIS_HASH })
    .onConflictDoNothing();
  const [head] = await transaction.select().from(eventChainHeads).where(eq(eventChainHeads.orgId, input.orgId)).for('update');
  const now = await transaction.execute<{ now: string }>(sql`select clock_timestamp()::text as now`);
  const row = {
    orgId: input.orgId,
    id: newId(),
    sequence: head.lastSequence + 1,
    occurredAt: new Date(now.rows[0].now).toISOString(),
    actorId: input.actor?.userId ?? null,
    actorName: input.actor?.displayName ?? null,
    type: input.type,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    summary: input.summary,
    before: input.before === undefined ? null : JSON.parse(JSON.stringify(input.before)),
    after: input.after === undefined ? null : JSON.parse(JSON.stringify(input.after)),
    result: input.result ?? 'success',
    ip: input.context?.ip ?? null,
    requestId: input.context?.requestId ?? null,
    hashAlgorithm: hashing.algorithm,
    hashVersion: CURRENT_HASH_VERSION,
    hashKeyId: keyFingerprint(hashing.key),
    previousHash: head.lastHash,
  };
  const hash = eventHash(row, hashing.key);
  await transaction.insert(events).values({ ...row, hash });
  await transaction
    .update(eventChainHeads)
    .set({ lastSequence: row.sequence, lastHash: hash })
    .where(eq(eventChainHeads.orgId, input.orgId));
  return { id: row.id, sequence: row.sequence };
}
