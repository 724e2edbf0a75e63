import type { Reminder } from '../../../contracts/supervision.ts';
import type { reminders } from './supervision.tables.ts';

export type ReminderRow = typeof reminders.$inferSelect;

/** The view of a reminder. */
export function presentReminder(row: ReminderRow, unitName: string): Reminder {
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    unitName,
    kind: row.kind as Reminder['kind'],
    rule: row.rule,
    message: row.message,
    sentByName: row.sentByName,
    sentAt: new Date(row.sentAt).toISOString(),
  };
}
