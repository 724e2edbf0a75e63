import { bigint, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant, newId } from '../db/columns.ts';

/**
 * A domain event: who did what to which record, when, with what result. The events of a tenant form an
 * append-only chain: each row's hash covers its content and the previous row's hash.
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
    previousHash: text().notNull(),
    hash: text().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('events_chain').on(table.orgId, table.sequence),
    index('events_subject').on(table.orgId, table.subjectType, table.subjectId),
    index('events_type_time').on(table.orgId, table.type, table.occurredAt),
    index('events_actor').on(table.orgId, table.actorId, table.occurredAt),
  ],
);

/** The head of each tenant's chain; locked FOR UPDATE to append, so the chain stays linear under concurrency. */
export const eventChainHeads = pgTable('event_chain_heads', {
  orgId: uuid().primaryKey(),
  lastSequence: bigint({ mode: 'number' }).notNull().default(0),
  lastHash: text().notNull(),
});
