import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
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
    filedAt: instant(),
    /** Number in the session's sequence as an integer (the text `number` is its display form), for sorting. */
    sequence: integer(),
    /**
     * The office's last review decision: { action, reason, reasonCodeId, reasonCodeName, convertedTo, consent,
     * decidedAt, decidedBy }. The full history is in the event log.
     */
    decision: jsonb(),
    /** The filed proposal this one was merged into (并案). */
    mergedIntoId: uuid(),
    /** opinion_report | letter, when converted (转). */
    convertedTo: text(),
    /** sole | parallel | lead, once assigned. */
    assignmentMode: text(),
    assignedAt: instant(),
    /** When the last replying unit's reply of the current round went out (state replied). */
    repliedAt: instant(),
    /** Last day (committee time zone) proposers may rate the replies; the proposal closes after it. */
    ratingDueOn: date(),
    /** How many times a dissatisfied rating reopened handling (二次办理). */
    rehandlingCount: integer().notNull().default(0),
    closedAt: instant(),
    /** 涉密: never public, whatever else is decided. */
    isSecret: boolean().notNull().default(false),
    /** The office's publication decision after the reply (published, partly_published, not_published). */
    publicationDecision: text(),
    publicationDecidedAt: instant(),
    /** The state a proposal was in when its session was archived (archiving freezes every proposal). */
    stateBeforeArchive: text(),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('proposals_number_unique').on(table.orgId, table.sessionId, table.number),
    index('proposals_session_state').on(table.orgId, table.sessionId, table.state),
    index('proposals_lead_member').on(table.orgId, table.leadMemberId),
    index('proposals_created_by').on(table.orgId, table.createdBy),
    index('proposals_merged_into').on(table.orgId, table.mergedIntoId),
    /** The list sorted by number within a session stops after one page (bench at 100k: 48 ms → 0.2 ms). */
    index('proposals_session_sequence').on(table.orgId, table.sessionId, table.sequence, table.id),
    index('proposals_submitted_at').on(table.orgId, table.state, table.submittedAt),
    /**
     * Every column the statistics read of a session's proposals, so their base rows come from an index-only scan
     * instead of the wide rows' heap (bench at 100k proposals: see docs/benchmarks.md).
     */
    index('proposals_statistics').on(
      table.orgId,
      table.sessionId,
      table.id,
      table.state,
      table.stateBeforeArchive,
      table.filedAt,
      table.assignedAt,
      table.repliedAt,
      table.categoryId,
      table.leadMemberId,
      table.authorType,
    ),
  ],
);

/** The last number given to a filed proposal of a session; locked FOR UPDATE so numbers are unique and gapless. */
export const proposalNumberCounters = pgTable(
  'proposal_number_counters',
  {
    orgId: uuid().notNull(),
    sessionId: uuid().notNull(),
    lastNumber: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.sessionId] })],
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

/** 交办批次: assignments confirmed together at an assignment meeting (交办会), with the notice's 文号. */
export const assignmentBatches = pgTable(
  'assignment_batches',
  {
    ...tenantKey(),
    sessionId: uuid().notNull(),
    title: text().notNull(),
    documentNumber: text(),
    confirmedAt: instant().notNull().defaultNow(),
    confirmedBy: uuid().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('assignment_batches_session').on(table.orgId, table.sessionId),
  ],
);

/** The default handling units of a proposal category (a table the office maintains), in preference order. */
export const categoryDefaultUnits = pgTable(
  'category_default_units',
  {
    orgId: uuid().notNull(),
    categoryId: uuid().notNull(),
    unitId: uuid().notNull(),
    sortOrder: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.categoryId, table.unitId] })],
);
