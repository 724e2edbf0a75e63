import { bigint, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey } from '../../platform/db/columns.ts';

/** 归档: a session closed and frozen, and the package (ZIP) of its records, written by a job. */
export const sessionArchives = pgTable(
  'session_archives',
  {
    ...tenantKey(),
    sessionId: uuid().notNull(),
    /** building | ready | failed */
    state: text().notNull().default('building'),
    proposalCount: integer().notNull(),
    fileCount: integer(),
    size: bigint({ mode: 'number' }),
    sha256: text(),
    storageKey: text(),
    error: text(),
    archivedBy: uuid().notNull(),
    archivedByName: text().notNull(),
    archivedAt: instant().notNull().defaultNow(),
    readyAt: instant(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('session_archives_session').on(table.orgId, table.sessionId),
    index('session_archives_state').on(table.state),
  ],
);
