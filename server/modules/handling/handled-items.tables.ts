import { sql } from 'drizzle-orm';
import { date, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey, versioned } from '../../platform/db/columns.ts';

/**
 * 办理件: anything a handling unit must answer — a proposal, a micro-suggestion, later an opinion report or an outcome
 * passed to a unit. The row's id is its owner's id (a proposal's id, a micro-suggestion's id); the owning module
 * writes it when the item first goes to a unit and copies its state on every later move (decision 0016). Units'
 * assignments, replies, ratings, extensions and reminders refer to it, so the inbox, the board, the reminders and the
 * statistics read one set of tables whatever the kind.
 */
export const handledItems = pgTable(
  'handled_items',
  {
    ...tenantKey(),
    /** proposal | micro_suggestion (contracts/handling.ts handledKinds) */
    kind: text().notNull(),
    /** The session of a proposal; null for kinds counted by year. */
    sessionId: uuid(),
    /** The owner's number (a proposal's 提案号), when it has one. */
    number: text(),
    title: text().notNull(),
    /** The owner's own workflow state, copied on each move. */
    state: text().notNull(),
    /** waiting | handling | replied | closed | archived: what the owner's state means to the engine. */
    phase: text().notNull(),
    createdAt: instant().notNull().defaultNow(),
    updatedAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('handled_items_phase').on(table.orgId, table.phase, table.kind),
    index('handled_items_session').on(table.orgId, table.sessionId),
  ],
);

/**
 * 交办: one unit's part in handling an item (sole, parallel, lead or co-handler), with its deadlines.
 * An approved adjustment marks the row reassigned and creates the replacement unit's row.
 */
export const itemAssignments = pgTable(
  'item_assignments',
  {
    ...tenantKey(),
    itemId: uuid().notNull(),
    unitId: uuid().notNull(),
    /** sole | parallel | lead | co */
    role: text().notNull(),
    /** pending | signed_for | adjustment_requested | reassigned (assignment workflow) */
    state: text().notNull().default('pending'),
    batchId: uuid(),
    assignedAt: instant().notNull(),
    /** Reply due (co-handlers: opinion due), a business date in the committee's time zone. */
    dueOn: date().notNull(),
    /** Last day an adjustment may be requested. */
    adjustmentUntil: date().notNull(),
    signedForAt: instant(),
    signedForBy: uuid(),
    adjustmentReason: text(),
    adjustmentSuggestedUnitId: uuid(),
    adjustmentRequestedAt: instant(),
    decisionReason: text(),
    /** The assignment that replaced this one after an approved adjustment. */
    replacedById: uuid(),
    /**
     * When this unit's reply of the current round went out (a co-handler: its opinion); cleared when a dissatisfied
     * rating reopens handling. The supervision board reads it instead of the replies.
     */
    repliedAt: instant(),
    ...versioned(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('item_assignments_item').on(table.orgId, table.itemId),
    index('item_assignments_unit').on(table.orgId, table.unitId, table.state),
    /** What the statistics read of the assignments, in item order, from an index-only scan (docs/benchmarks.md). */
    index('item_assignments_statistics').on(
      table.orgId,
      table.itemId,
      table.id,
      table.unitId,
      table.state,
      table.role,
      table.dueOn,
      table.repliedAt,
    ),
    /**
     * The supervision board's pages in due-date order: the open (unreplied) live assignments — red, then yellow and
     * green — and the replied ones (done), each read only as far as a page needs (docs/benchmarks.md).
     */
    index('item_assignments_open_due')
      .on(table.orgId, table.dueOn, table.id)
      .where(sql`replied_at is null and state <> 'reassigned'`),
    index('item_assignments_done_due')
      .on(table.orgId, table.dueOn, table.id)
      .where(sql`replied_at is not null and state <> 'reassigned'`),
    /** A unit holds at most one live assignment of an item. */
    uniqueIndex('item_assignments_live_unique').on(table.orgId, table.itemId, table.unitId).where(sql`state <> 'reassigned'`),
    foreignKey({ columns: [table.orgId, table.itemId], foreignColumns: [handledItems.orgId, handledItems.id] }),
  ],
);
