import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../platform/db/columns.ts';
import { tsvector } from '../../platform/db/custom-types.ts';

/**
 * One searchable text item of a tenant (a proposal, an imported past item, later micro-suggestions and opinion
 * reports): its jieba-segmented words in `words` (GIN), the fields the lists filter on, and the plain text that
 * snippets are cut from. Written in the same transaction as the change to the item; `id` is the item's id.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    orgId: uuid().notNull(),
    id: uuid().notNull(),
    /** proposal, history (an imported past item), … */
    itemType: text().notNull(),
    sessionId: uuid(),
    state: text(),
    categoryId: uuid(),
    unitIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** The human number (提案第0001号), when it has one. */
    number: text(),
    title: text().notNull(),
    /** Body, replies and other text, for snippets. */
    body: text().notNull().default(''),
    /** True when the public portal may show it (published, not secret). */
    published: boolean().notNull().default(false),
    /** The date lists sort by: handed in (or created, for a draft or an imported item). */
    occurredAt: instant().notNull(),
    words: tsvector().notNull(),
    updatedAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('search_documents_words').using('gin', table.words),
    index('search_documents_recent').on(table.orgId, table.occurredAt.desc(), table.id.desc()),
    /** The walk for a common term within one session (a session's items are not the tenant's newest for long). */
    index('search_documents_session_recent').on(table.orgId, table.sessionId, table.occurredAt.desc(), table.id.desc()),
  ],
);
