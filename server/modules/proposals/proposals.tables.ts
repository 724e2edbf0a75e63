import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey, versioned } from '../../platform/db/columns.ts';

/** 提案: a proposal, from draft to assignment. The text is immutable once submitted (later material is a supplement). */
export const proposals = pgTable(
  'proposals',
  {
    ...tenantKey(),
    sessionId: uuid().notNull(),
    /** plenary | interim, from the session's proposal window when submitted */
    kind: text().notNull(),
    /** 案由 */
    title: text().notNull(),
    /** 情况分析 */
    background: text().notNull().default(''),
    /** 建议 */
    suggestions: text().notNull().default(''),
    /** Dictionary entry of kind proposal_category. */
    categoryId: uuid(),
    keywords: text().array().notNull().default(sql`'{}'::text[]`),
    agreesToPublish: boolean().notNull().default(true),
    publicationRefusalReason: text(),
    /** member | collective */
    authorType: text().notNull(),
    /** The lead proposer (第一提案人) of a member's proposal. */
    leadMemberId: uuid(),
    /** The collective author: a dictionary entry (party, sector, group, committee) or only a name. */
    collectiveAuthorId: uuid(),
    collectiveAuthorName: text(),
    createdBy: uuid().notNull(),
    /** Workflow state (proposals.workflow.ts). */
    state: text().notNull().default('draft'),
    /** 提案号, given when filed; unique per session. */
    number: text(),
    submittedAt: instant(),
    /** Last day (committee time zone) co-signers may answer. */
    coSigningDeadline: date(),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('proposals_number_unique').on(table.orgId, table.sessionId, table.number),
    index('proposals_session_state').on(table.orgId, table.sessionId, table.state),
    index('proposals_lead_member').on(table.orgId, table.leadMemberId),
    index('proposals_created_by').on(table.orgId, table.createdBy),
  ],
);

/** 联名人: one invitation of a member to co-sign a proposal, and the answer. */
export const proposalCoSigners = pgTable(
  'proposal_co_signers',
  {
    ...tenantKey(),
    proposalId: uuid().notNull(),
    memberId: uuid().notNull(),
    /** invited | accepted | declined | cancelled */
    state: text().notNull().default('invited'),
    invitedAt: instant().notNull().defaultNow(),
    respondedAt: instant(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('proposal_co_signers_member_unique').on(table.orgId, table.proposalId, table.memberId),
    index('proposal_co_signers_member').on(table.orgId, table.memberId),
    foreignKey({ columns: [table.orgId, table.proposalId], foreignColumns: [proposals.orgId, proposals.id] }),
  ],
);

/** 补充材料: text appended to a submitted proposal; append-only, shown as a supplement. */
export const proposalSupplements = pgTable(
  'proposal_supplements',
  {
    ...tenantKey(),
    proposalId: uuid().notNull(),
    text: text().notNull(),
    authorId: uuid().notNull(),
    authorName: text().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('proposal_supplements_proposal').on(table.orgId, table.proposalId),
    foreignKey({ columns: [table.orgId, table.proposalId], foreignColumns: [proposals.orgId, proposals.id] }),
  ],
);
