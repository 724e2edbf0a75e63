import { bigint, date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey, versioned } from '../../platform/db/columns.ts';

/** 重点提案: a proposal recommended, shortlisted and approved for supervision by leaders. */
export const keyProposals = pgTable(
  'key_proposals',
  {
    ...tenantKey(),
    proposalId: uuid().notNull(),
    sessionId: uuid().notNull(),
    /** staff | party | committee */
    recommenderKind: text().notNull(),
    recommenderName: text().notNull(),
    reason: text().notNull(),
    /** recommended | shortlisted | approved | declined (key proposal workflow) */
    state: text().notNull().default('recommended'),
    supervisorIds: uuid().array().notNull().default([]),
    declineReason: text(),
    recommendedBy: uuid().notNull(),
    approvedAt: instant(),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('key_proposals_proposal').on(table.orgId, table.proposalId),
    index('key_proposals_session').on(table.orgId, table.sessionId, table.state),
  ],
);

/** 督办活动: an on-site visit, meeting or inspection of a key proposal, with notes and photos. */
export const supervisionActivities = pgTable(
  'supervision_activities',
  {
    ...tenantKey(),
    keyProposalId: uuid().notNull(),
    proposalId: uuid().notNull(),
    kind: text().notNull(),
    happenedOn: date().notNull(),
    notes: text().notNull(),
    photoIds: uuid().array().notNull().default([]),
    recordedBy: uuid().notNull(),
    recordedByName: text().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('supervision_activities_key').on(table.orgId, table.keyProposalId),
  ],
);

/** A photo of supervision, stored in the file store (image types only). */
export const supervisionPhotos = pgTable(
  'supervision_photos',
  {
    ...tenantKey(),
    keyProposalId: uuid().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    storageKey: text().notNull(),
    uploadedBy: uuid().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('supervision_photos_key').on(table.orgId, table.keyProposalId),
  ],
);

/** 领导批示: a leader's instruction on any proposal, as recorded by the office or the leader. */
export const leaderInstructions = pgTable(
  'leader_instructions',
  {
    ...tenantKey(),
    proposalId: uuid().notNull(),
    leaderName: text().notNull(),
    instructedOn: date().notNull(),
    text: text().notNull(),
    recordedBy: uuid().notNull(),
    recordedByName: text().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('leader_instructions_proposal').on(table.orgId, table.proposalId),
  ],
);
