/** How close a unit's deadline is, for the colours of the inbox (yellow at 80% of the time used, red when overdue). */
import { dayOf, daysBetween } from '../review/waiting-days.ts';

/** overdue: past the due date; near: 80% of the time used or a week or less left; ok otherwise. */
export type DueStatus = 'overdue' | 'near' | 'ok';

/** The status of a due date, counting from the assignment day; `done` (already replied, replaced) is never late. */
export function dueStatus(assignedAt: string, dueOn: string, now: Date = new Date()): DueStatus {
  const today = dayOf(now);
  const start = dayOf(assignedAt);
  if (!today || !start) return 'ok';
  const left = daysBetween(today, dueOn);
  if (left < 0) return 'overdue';
  const total = daysBetween(start, dueOn);
  const used = daysBetween(start, today);
  if (left <= 7 || (total > 0 && used / total >= 0.8)) return 'near';
  return 'ok';
}

/** Days left until a business date (0 on the day, negative after). */
export function daysLeft(until: string, now: Date = new Date()): number {
  const today = dayOf(now);
  return today ? daysBetween(today, until) : 0;
}

/** "还剩 5 天" / "今天截止" / "已超期 3 天". */
export function daysLeftText(until: string, now: Date = new Date()): string {
  const left = daysLeft(until, now);
  if (left > 0) return `还剩 ${left} 天`;
  if (left === 0) return '今天截止';
  return `已超期 ${-left} 天`;
}
