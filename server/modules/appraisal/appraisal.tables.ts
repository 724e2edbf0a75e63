import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey, versioned } from '../../platform/db/columns.ts';

/** 民主评议: an appraisal of units' handling, with its score form and the units in it. */
export const appraisals = pgTable(
  'appraisals',
  {
    ...tenantKey(),
    title: text().notNull(),
    sessionId: uuid().notNull(),
    /** key | all */
    scope: text().notNull(),
    minScores: integer().notNull(),
    criteria: jsonb().$type<{ key: string; name: string; max: number }[]>().notNull(),
    /** The units scored, fixed when the appraisal opens. */
    unitIds: uuid().array().notNull().default([]),
    /** draft | open | closed | published (appraisal workflow) */
    state: text().notNull().default('draft'),
    createdBy: uuid().notNull(),
    openedAt: instant(),
    closedAt: instant(),
    publishedAt: instant(),
    ...versioned(),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.id] }), index('appraisals_session').on(table.orgId, table.sessionId)],
);

/** One standing committee member's scores for one unit in an appraisal; re-scoring replaces it while open. */
export const appraisalScores = pgTable(
  'appraisal_scores',
  {
    ...tenantKey(),
    appraisalId: uuid().notNull(),
    unitId: uuid().notNull(),
    memberId: uuid().notNull(),
    scores: jsonb().$type<Record<string, number>>().notNull(),
    total: integer().notNull(),
    comment: text(),
    submittedAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('appraisal_scores_once').on(table.orgId, table.appraisalId, table.unitId, table.memberId),
  ],
);
