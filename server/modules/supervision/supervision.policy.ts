import type { Light } from '../../../contracts/supervision.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';
import { toDayNumber } from '../../platform/calendar/business-date.ts';

/** Who sees the supervision board: the proposal office, supervisors (督办领导) and leaders. */
export function canSeeBoard(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'proposal_office', 'supervisor', 'leader');
}

/** Who sends a reminder (催办) to a unit: the office and supervisors. */
export function canRemind(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'proposal_office', 'supervisor');
}

/**
 * The light of one assignment on a day: done once replied; red after the due date; yellow once the share of the
 * time from assignment to the due date used reaches `yellowAtPercent`; green before.
 */
export function lightOf(
  facts: { assignedOn: string; dueOn: string; replied: boolean },
  today: string,
  yellowAtPercent: number,
): { light: Light; daysLeft: number; percentUsed: number } {
  const start = toDayNumber(facts.assignedOn);
  const due = toDayNumber(facts.dueOn);
  const now = toDayNumber(today);
  const daysLeft = due - now;
  const span = Math.max(1, due - start);
  const percentUsed = Math.max(0, Math.floor(((now - start) * 100) / span));
  if (facts.replied) return { light: 'done', daysLeft, percentUsed };
  if (now > due) return { light: 'red', daysLeft, percentUsed };
  if (percentUsed >= yellowAtPercent) return { light: 'yellow', daysLeft, percentUsed };
  return { light: 'green', daysLeft, percentUsed };
}

/** The scheduled reminder rules: a week before the due date, and the day after it passed. */
export const reminderRules = [
  { rule: 'due_soon', name: '临期提醒', daysBefore: 7 },
  { rule: 'overdue', name: '逾期催办', daysBefore: -1 },
] as const;
export type ReminderRule = (typeof reminderRules)[number]['rule'];

/** The rules due for an unreplied assignment today: due_soon from 7 days before the due date, overdue after it. */
export function rulesDue(dueOn: string, today: string): ReminderRule[] {
  const daysLeft = toDayNumber(dueOn) - toDayNumber(today);
  const due: ReminderRule[] = [];
  if (daysLeft >= 0 && daysLeft <= 7) due.push('due_soon');
  if (daysLeft < 0) due.push('overdue');
  return due;
}
