import { sql } from 'drizzle-orm';
import { date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey } from '../../platform/db/columns.ts';

/** 催办: a reminder to a unit about one assignment, sent by the office (manual) or by a scheduled rule. */
export const reminders = pgTable(
  'reminders',
  {
    ...tenantKey(),
    assignmentId: uuid().notNull(),
    itemId: uuid().notNull(),
    unitId: uuid().notNull(),
    /** manual | scheduled */
    kind: text().notNull(),
    /** The scheduled rule (due_soon, overdue); null for a manual reminder. */
    rule: text(),
    /** The due date the reminder was about (a moved deadline is a new one for the rules). */
    dueOn: date().notNull(),
    message: text().notNull(),
    sentBy: uuid(),
    sentByName: text(),
    sentAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('reminders_assignment').on(table.orgId, table.assignmentId),
    /** A scheduled rule reminds once per assignment and due date, however many processes scan. */
    uniqueIndex('reminders_rule_once')
      .on(table.orgId, table.assignmentId, table.rule, table.dueOn)
      .where(sql`kind = 'scheduled'`),
  ],
);
