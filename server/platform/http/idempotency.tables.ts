import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../db/columns.ts';

/** The first response to a request that carried an Idempotency-Key, replayed to retries of it. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: uuid().notNull(),
    userId: uuid().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    /** null while the first request is still running */
    statusCode: integer(),
    responseBody: jsonb(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.userId, table.key] })],
);
