import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant, tenantKey, versioned } from '../../platform/db/columns.ts';
import { handledItems, itemAssignments } from './handled-items.tables.ts';

/** 面商记录: a unit's contact with the proposers (visit, meeting, phone) before it replies. */
export const handlingContacts = pgTable(
  'handling_contacts',
  {
    ...tenantKey(),
    assignmentId: uuid().notNull(),
    itemId: uuid().notNull(),
    unitId: uuid().notNull(),
    /** visit | meeting | phone | other */
    method: text().notNull(),
    contactedOn: date().notNull(),
    people: text().notNull(),
    summary: text().notNull(),
    recordedBy: uuid().notNull(),
    recordedByName: text().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('handling_contacts_assignment').on(table.orgId, table.assignmentId),
    index('handling_contacts_item').on(table.orgId, table.itemId),
    foreignKey({
      columns: [table.orgId, table.assignmentId],
      foreignColumns: [itemAssignments.orgId, itemAssignments.id],
    }),
  ],
);

/** 会办意见: a co-handling unit's opinion to the lead unit; one per co-handler assignment. */
export const coHandlerOpinions = pgTable(
  'co_handler_opinions',
  {
    ...tenantKey(),
    assignmentId: uuid().notNull(),
    itemId: uuid().notNull(),
    unitId: uuid().notNull(),
    text: text().notNull(),
    late: boolean().notNull().default(false),
    sentBy: uuid().notNull(),
    sentByName: text().notNull(),
    sentAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('co_handler_opinions_assignment').on(table.orgId, table.assignmentId),
    index('co_handler_opinions_item').on(table.orgId, table.itemId),
    foreignKey({
      columns: [table.orgId, table.assignmentId],
      foreignColumns: [itemAssignments.orgId, itemAssignments.id],
    }),
  ],
);

/** 延期申请: a unit asks for a later due date before its deadline; the office approves or refuses. */
export const extensionRequests = pgTable(
  'extension_requests',
  {
    ...tenantKey(),
    assignmentId: uuid().notNull(),
    itemId: uuid().notNull(),
    unitId: uuid().notNull(),
    previousDueOn: date().notNull(),
    requestedDueOn: date().notNull(),
    reason: text().notNull(),
    /** requested | approved | refused (extension workflow) */
    state: text().notNull().default('requested'),
    requestedBy: uuid().notNull(),
    decidedBy: uuid(),
    decidedAt: instant(),
    decisionReason: text(),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('extension_requests_assignment').on(table.orgId, table.assignmentId),
    index('extension_requests_state').on(table.orgId, table.state),
    /** At most one open request per assignment. */
    uniqueIndex('extension_requests_open_unique').on(table.orgId, table.assignmentId).where(sql`state = 'requested'`),
    foreignKey({
      columns: [table.orgId, table.assignmentId],
      foreignColumns: [itemAssignments.orgId, itemAssignments.id],
    }),
  ],
);

/**
 * 答复: one unit's reply to an item in one round (round 2 after a dissatisfied rating reopened handling), or a
 * class-B follow-up report. Every round is kept; ratings never overwrite a reply.
 */
export const itemReplies = pgTable(
  'item_replies',
  {
    ...tenantKey(),
    itemId: uuid().notNull(),
    assignmentId: uuid().notNull(),
    unitId: uuid().notNull(),
    /** reply | follow_up */
    kind: text().notNull(),
    round: integer().notNull(),
    /** draft | pending_signoff | office_review | sent (reply workflow) */
    state: text().notNull().default('draft'),
    text: text().notNull(),
    resultClass: text(),
    /** The class the unit gave when the office changed it on review. */
    unitResultClass: text(),
    contactPerson: text().notNull(),
    contactPhone: text().notNull(),
    followUpDueOn: date(),
    returnReason: text(),
    draftedBy: uuid().notNull(),
    draftedByName: text().notNull(),
    signedOffBy: uuid(),
    signedOffByName: text(),
    signedOffAt: instant(),
    releasedBy: uuid(),
    sentAt: instant(),
    /** The assignment's due date when the reply went out (on time: sent on or before it), for statistics. */
    dueOnAtSend: date(),
    /** A proposer's dissatisfied rating of this reply reopened handling: the unit owes a reply of the next round. */
    reopenedAt: instant(),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('item_replies_item').on(table.orgId, table.itemId),
    index('item_replies_assignment').on(table.orgId, table.assignmentId),
    /** One reply per assignment and round (follow-up reports are not limited). */
    uniqueIndex('item_replies_round_unique').on(table.orgId, table.assignmentId, table.round).where(sql`kind = 'reply'`),
    /**
     * Every column the statistics read of the replies, in item order, so they come from an index-only scan that
     * merge-joins a session's items (bench at 100k proposals: see docs/benchmarks.md).
     */
    index('item_replies_statistics').on(
      table.orgId,
      table.itemId,
      table.id,
      table.assignmentId,
      table.kind,
      table.state,
      table.round,
      table.sentAt,
      table.dueOnAtSend,
      table.reopenedAt,
      table.resultClass,
    ),
    foreignKey({ columns: [table.orgId, table.itemId], foreignColumns: [handledItems.orgId, handledItems.id] }),
  ],
);

/**
 * 答复附件: a file attached to a reply while the unit drafts it (a scanned signed letter, a plan, photos). The bytes
 * are in the file store under `storageKey`; frozen once the reply is sent for sign-off.
 */
export const replyAttachments = pgTable(
  'reply_attachments',
  {
    ...tenantKey(),
    replyId: uuid().notNull(),
    itemId: uuid().notNull(),
    fileName: text().notNull(),
    /** The type detected from the bytes. */
    contentType: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: uuid().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('reply_attachments_reply').on(table.orgId, table.replyId),
    index('reply_attachments_item').on(table.orgId, table.itemId),
    foreignKey({ columns: [table.orgId, table.replyId], foreignColumns: [itemReplies.orgId, itemReplies.id] }),
  ],
);

/** 满意度测评: one proposer's rating of one reply; once each, never changed. */
export const replyRatings = pgTable(
  'reply_ratings',
  {
    ...tenantKey(),
    replyId: uuid().notNull(),
    itemId: uuid().notNull(),
    /** The rating proposer; null for a collective proposal's author (rated by the staff member speaking for it). */
    memberId: uuid(),
    /** Who entered it: the member, or for a collective proposal the staff member speaking for it. */
    ratedBy: uuid().notNull(),
    /** satisfied | basically_satisfied | dissatisfied */
    rating: text().notNull(),
    contacted: boolean(),
    addressed: boolean(),
    comment: text(),
    ratedAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    uniqueIndex('reply_ratings_once').on(
      table.orgId,
      table.replyId,
      sql`coalesce(member_id, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index('reply_ratings_item').on(table.orgId, table.itemId),
    /** The statistics' ratings by proposal and reply, from an index-only scan (see item_replies_statistics). */
    index('reply_ratings_statistics').on(table.orgId, table.itemId, table.replyId, table.rating),
    foreignKey({ columns: [table.orgId, table.replyId], foreignColumns: [itemReplies.orgId, itemReplies.id] }),
  ],
);
