import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant, newId } from '../db/columns.ts';

/**
 * A domain event: who did what to which record, when, with what result. The events of a tenant form an
 * append-only chain: each row's hash covers its content and the previous row's hash. Since hash version 2 the
 * hash is an HMAC under a key kept outside the database, over every column (see event-hash.ts).
 */
export const events = pgTable(
  'events',
  {
    orgId: uuid().notNull(),
    id: uuid().notNull().$defaultFn(newId),
    /** Position in the tenant's chain, from 1, gapless. */
    sequence: bigint({ mode: 'number' }).notNull(),
    occurredAt: instant().notNull(),
    actorId: uuid(),
    actorName: text(),
    /** e.g. user.created, auth.login_failed, member.imported */
    type: text().notNull(),
    subjectType: text(),
    subjectId: text(),
    summary: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    /** success | failure */
    result: text().notNull().default('success'),
    ip: text(),
    requestId: text(),
    hashAlgorithm: text().notNull(),
    /** 1: v0.2.0's unkeyed digest of some columns (rows written before the upgrade); 2: keyed HMAC of every column. */
    hashVersion: integer().notNull().default(1),
    /** Fingerprint of the HMAC key (version 2), so another key reads as "cannot verify", not as tampering. */
    hashKeyId: text(),
    previousHash: text().notNull(),
    hash: text().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('events_chain').on(table.orgId, table.sequence),
    index('events_subject').on(table.orgId, table.subjectType, table.subjectId),
    index('events_type_time').on(table.orgId, table.type, table.occurredAt),
    index('events_actor').on(table.orgId, table.actorId, table.occurredAt),
    // The rows of the unkeyed format: found at start-up to seal them with a checkpoint; never grows after the upgrade.
    index('events_legacy').on(table.orgId, table.sequence).where(sql`hash_version = 1`),
  ],
);

/** The head of each tenant's chain; locked FOR UPDATE to append, so the chain stays linear under concurrency. */
export const eventChainHeads = pgTable('event_chain_heads', {
  orgId: uuid().primaryKey(),
  lastSequence: bigint({ mode: 'number' }).notNull().default(0),
  lastHash: text().notNull(),
});
