import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PublicReply } from '../../../contracts/publication.ts';
import { instant, tenantKey } from '../../platform/db/columns.ts';
import { proposals } from '../proposals/proposals.tables.ts';

/**
 * 公开: the public copy of a published proposal and its replies, redacted, as the portal shows it. The record
 * itself never leaves the staff side; withdrawing the publication deletes this copy.
 */
export const publications = pgTable(
  'publications',
  {
    ...tenantKey(),
    proposalId: uuid().notNull(),
    sessionId: uuid().notNull(),
    /** published | partly_published */
    mode: text().notNull(),
    number: text(),
    sequence: integer(),
    title: text().notNull(),
    proposerNames: text().array().notNull(),
    categoryId: uuid(),
    categoryName: text(),
    background: text().notNull(),
    suggestions: text().notNull(),
    replies: jsonb().$type<PublicReply[]>().notNull(),
    unitNames: text().array().notNull(),
    publishedBy: uuid().notNull(),
    publishedAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('publications_proposal').on(table.orgId, table.proposalId),
    index('publications_session').on(table.orgId, table.sessionId, table.sequence),
    index('publications_recent').on(table.orgId, table.publishedAt),
    foreignKey({ columns: [table.orgId, table.proposalId], foreignColumns: [proposals.orgId, proposals.id] }),
  ],
);
