import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey } from '../../platform/db/columns.ts';

/** 表彰: an excellent proposal or a model handling unit of a year. */
export const awards = pgTable(
  'awards',
  {
    ...tenantKey(),
    year: integer().notNull(),
    /** excellent_proposal | model_unit */
    kind: text().notNull(),
    proposalId: uuid(),
    unitId: uuid(),
    citation: text(),
    awardedBy: uuid().notNull(),
    awardedAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('awards_year').on(table.orgId, table.year, table.kind),
    uniqueIndex('awards_once').on(table.orgId, table.year, table.kind, sql`coalesce(proposal_id, unit_id)`),
  ],
);
