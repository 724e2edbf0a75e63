import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey } from '../db/columns.ts';

/**
 * A file import that runs in the background (a job): who uploaded what, how far it got and how it ended. The
 * uploaded file waits in the file store under `imports/<org>/<id>` until the import ends.
 */
export const importRuns = pgTable(
  'import_runs',
  {
    ...tenantKey(),
    /** members | units | routing_history */
    kind: text().notNull(),
    fileName: text().notNull(),
    /** The uploader: the only one who may follow the import, and the actor of what it writes. */
    createdBy: uuid().notNull(),
    createdByName: text().notNull(),
    /** queued | running | done | failed */
    state: text().notNull().default('queued'),
    /** reading | writing while running */
    phase: text(),
    percent: integer().notNull().default(0),
    rowsRead: integer().notNull().default(0),
    imported: integer().notNull().default(0),
    errorCount: integer().notNull().default(0),
    /** Up to 500 row errors ({row, column, field, message}) of a failed import. */
    errors: jsonb().notNull().default([]),
    detail: text(),
    /** Where the upload came from, for the events the import writes. */
    requestIp: text(),
    requestId: text(),
    createdAt: instant().notNull().defaultNow(),
    finishedAt: instant(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('import_runs_uploader').on(table.orgId, table.createdBy, table.createdAt),
  ],
);
