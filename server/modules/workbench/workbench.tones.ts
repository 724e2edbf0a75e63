/**
 * The tone rules of the workbench's cards and items (pure, tested as tables): when a number looks urgent. The
 * lights follow the supervision board (red overdue, yellow at the committee's share of the time used).
 */
import type { WorkbenchTone } from '../../../contracts/workbench.ts';

/** A light of the supervision board, as the workbench's SQL computes it for each unreplied assignment. */
export type DeadlineLight = 'red' | 'yellow' | 'green';

/** The tone of an item by its light: red (overdue) danger, yellow (near its deadline) warning. */
export function lightTone(light: DeadlineLight): WorkbenchTone {
  if (light === 'red') return 'danger';
  if (light === 'yellow') return 'warning';
  return 'normal';
}

/** The tone of a card that counts items by urgency: any overdue → danger; else any near → warning. */
export function urgencyTone(counts: { overdue: number; near: number }): WorkbenchTone {
  if (counts.overdue > 0) return 'danger';
  if (counts.near > 0) return 'warning';
  return 'normal';
}

/** The tone of a queue whose items wait on the user (a request with a deadline): warning while it is not empty. */
export function waitingTone(count: number): WorkbenchTone {
  return count > 0 ? 'warning' : 'normal';
}

/** Days between two business dates (YYYY-MM-DD), `to` minus `from`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 还剩 N 天 / 今天到期 / 逾期 N 天: a due date as seen on `today`. */
export function daysLeftNote(dueOn: string, today: string): string {
  const left = daysBetween(today, dueOn);
  if (left > 0) return `还剩 ${left} 天`;
  if (left === 0) return '今天到期';
  return `逾期 ${-left} 天`;
}

/** Failed logins of a day from which the card warns, and from which it is an alarm (a guessing attack). */
export const FAILED_LOGINS_WARNING = 10;
export const FAILED_LOGINS_DANGER = 50;

/** The tone of today's failed logins: a few typos are normal; many mean someone is guessing. */
export function failedLoginsTone(count: number): WorkbenchTone {
  if (count >= FAILED_LOGINS_DANGER) return 'danger';
  if (count >= FAILED_LOGINS_WARNING) return 'warning';
  return 'normal';
}

/** After this many days without a verification the audit chain card asks for one. */
export const CHAIN_VERIFICATION_STALE_DAYS = 7;

/**
 * The tone of the audit chain card: its last verification failed (tampered, or unverifiable) → danger; never
 * verified, or not for a week → warning.
 */
export function chainTone(last: { verifiedAt: string; valid: boolean } | null, now: Date): WorkbenchTone {
  if (!last) return 'warning';
  if (!last.valid) return 'danger';
  const ageDays = (now.getTime() - Date.parse(last.verifiedAt)) / 86_400_000;
  return ageDays > CHAIN_VERIFICATION_STALE_DAYS ? 'warning' : 'normal';
}
