import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey } from '../../platform/db/columns.ts';
import { bytea } from '../../platform/db/custom-types.ts';

/**
 * 历史数据: a past item a committee imported (title, body, category, handling units) so that routing suggestions
 * work from the first day; filed proposals with their categories and assignments add to it without a copy.
 */
export const routingHistory = pgTable(
  'routing_history',
  {
    ...tenantKey(),
    title: text().notNull().default(''),
    body: text().notNull().default(''),
    categoryId: uuid(),
    unitIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** The import this row came with (one upload = one id), for undoing an import. */
    importId: uuid().notNull(),
    importedAt: instant().notNull().defaultNow(),
    /** When the item was handed in, when the file says (else the import time counts). */
    occurredAt: instant(),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.id] }), index('routing_history_import').on(table.orgId, table.importId)],
);

/** A trained routing model of a tenant: one per target (category, unit), replaced whole by each training. */
export const routingModels = pgTable(
  'routing_models',
  {
    orgId: uuid().notNull(),
    /** category or unit */
    target: text().notNull(),
    trainedAt: instant().notNull().defaultNow(),
    exampleCount: integer().notNull(),
    /** The labels (category or unit ids) and features, and how it was trained and scored. */
    summary: jsonb().notNull(),
    /** The weights, serialized by the routing module. */
    weights: bytea().notNull(),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.target] })],
);
