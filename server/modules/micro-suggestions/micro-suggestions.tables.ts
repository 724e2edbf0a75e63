import { sql } from 'drizzle-orm';
import { bigint, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey, versioned } from '../../platform/db/columns.ts';

/**
 * 微建议: a member's short suggestion on a local problem, from draft to resolution. The text is frozen once
 * submitted. A unit's handling (assignment, replies, ratings, extensions, reminders) lives in the handling engine's
 * tables under the same id (handled_items kind micro_suggestion).
 */
export const microSuggestions = pgTable(
  'micro_suggestions',
  {
    ...tenantKey(),
    /** 微建议编号 (e.g. 2026-0012), given on submission; unique and gapless per committee and year. */
    number: text(),
    /** The year and place in that year's sequence, for sorting. */
    year: integer(),
    sequence: integer(),
    title: text().notNull(),
    /** The street or community, as free text. */
    place: text().notNull().default(''),
    problem: text().notNull().default(''),
    suggestion: text().notNull().default(''),
    /** The lead member (the writer, or the first member present at a station visit). */
    leadMemberId: uuid().notNull(),
    /** Every raising member, lead first. */
    memberIds: uuid().array().notNull(),
    createdBy: uuid().notNull(),
    /** member | station_visit */
    source: text().notNull().default('member'),
    stationId: uuid(),
    visitId: uuid(),
    /** Dictionary entry of kind proposal_category (领域), from the routing model or the office's choice. */
    categoryId: uuid(),
    /** Workflow state (micro-suggestions.workflow.ts). */
    state: text().notNull().default('draft'),
    submittedAt: instant(),
    acceptedAt: instant(),
    /** The office's last decision: { action, reason, decidedAt, decidedBy, decidedByName }; history is in the event log. */
    decision: jsonb(),
    mergedIntoId: uuid(),
    convertedProposalId: uuid(),
    /** unit | member, once accepted and handed on. */
    handlingMode: text(),
    transferredAt: instant(),
    repliedAt: instant(),
    /** Last day (committee time zone) the members may rate the reply; it resolves unrated after it. */
    ratingDueOn: date(),
    rehandlingCount: integer().notNull().default(0),
    resolvedAt: instant(),
    /** satisfied | basically_satisfied | dissatisfied | unrated | member_reported */
    resolution: text(),
    /** 委员领办: the member's report of the result. */
    memberReport: text(),
    memberReportedAt: instant(),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('micro_suggestions_state').on(table.orgId, table.state, table.submittedAt),
    index('micro_suggestions_submitted').on(table.orgId, table.submittedAt, table.id),
    index('micro_suggestions_lead').on(table.orgId, table.leadMemberId),
    index('micro_suggestions_members').using('gin', table.memberIds),
    index('micro_suggestions_merged_into').on(table.orgId, table.mergedIntoId),
    index('micro_suggestions_visit').on(table.orgId, table.visitId),
  ],
);

/** The last number given to a micro-suggestion of a year; locked FOR UPDATE so numbers are unique and gapless. */
export const microSuggestionCounters = pgTable(
  'micro_suggestion_counters',
  {
    orgId: uuid().notNull(),
    year: integer().notNull(),
    lastNumber: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.year] })],
);

/**
 * 照片: a member's photo of the problem (kind problem, added while writing) or of their own result (kind result,
 * 委员领办). Images only, checked by their bytes; the bytes are in the file store under `storageKey`.
 */
export const microSuggestionPhotos = pgTable(
  'micro_suggestion_photos',
  {
    ...tenantKey(),
    microSuggestionId: uuid().notNull(),
    /** problem | result */
    kind: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: uuid().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('micro_suggestion_photos_item').on(table.orgId, table.microSuggestionId),
    foreignKey({
      columns: [table.orgId, table.microSuggestionId],
      foreignColumns: [microSuggestions.orgId, microSuggestions.id],
    }),
  ],
);

/**
 * 公开: the public, redacted copy of a resolved micro-suggestion the office published (the portal reads only this),
 * with the photos it shows: before (the member's) and after (a reply's, or the member's result). Removed when the
 * office withdraws the publication.
 */
export const microSuggestionPublications = pgTable(
  'micro_suggestion_publications',
  {
    orgId: uuid().notNull(),
    /** The micro-suggestion's id. */
    id: uuid().notNull(),
    number: text(),
    title: text().notNull(),
    place: text().notNull(),
    problem: text().notNull(),
    suggestion: text().notNull(),
    /** The unit's last reply, or the member's report of the result. */
    reply: text().notNull(),
    memberNames: text().array().notNull().default(sql`'{}'::text[]`),
    unitName: text(),
    /** unit | member */
    handlingMode: text().notNull(),
    /** Photo ids (micro_suggestion_photos or reply_attachments) shown before and after. */
    beforePhotoIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    afterPhotoIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    submittedOn: date().notNull(),
    resolvedOn: date().notNull(),
    publishedAt: instant().notNull(),
    publishedBy: uuid().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('micro_suggestion_publications_recent').on(table.orgId, table.publishedAt.desc(), table.id.desc()),
    foreignKey({ columns: [table.orgId, table.id], foreignColumns: [microSuggestions.orgId, microSuggestions.id] }),
  ],
);
