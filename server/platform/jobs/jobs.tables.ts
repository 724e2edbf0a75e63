import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, newId } from '../db/columns.ts';

/** Background work, enqueued in the same transaction as the change that needs it and claimed with SKIP LOCKED. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey().$defaultFn(newId),
    orgId: uuid(),
    type: text().notNull(),
    payload: jsonb().notNull().default({}),
    /** queued | running | done | failed */
    state: text().notNull().default('queued'),
    runAt: instant().notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    lockedUntil: instant(),
    lockedBy: text(),
    lastError: text(),
    /** A job with the same key is enqueued at most once (e.g. one reminder per item per rule). */
    dedupeKey: text(),
    createdAt: instant().notNull().defaultNow(),
    finishedAt: instant(),
  },
  (table) => [index('jobs_due').on(table.state, table.runAt), uniqueIndex('jobs_dedupe_unique').on(table.dedupeKey)],
);
