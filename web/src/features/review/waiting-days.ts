/** Dates as the office counts them: calendar days in the committee's time zone (Asia/Shanghai). */
import { DISPLAY_TIME_ZONE } from '../../lib/format.ts';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) of an instant in the display time zone; a business date stays as it is. */
export function dayOf(value: string | Date): string | null {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return dayFormat.format(date);
}

/** Whole days from one business date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/**
 * How many calendar days a submitted proposal has waited for review: 0 on the day of submission, never negative;
 * null when it was never submitted.
 */
export function waitingDays(submittedAt: string | null | undefined, now: Date = new Date()): number | null {
  if (!submittedAt) return null;
  const from = dayOf(submittedAt);
  const today = dayOf(now);
  if (!from || !today) return null;
  return Math.max(0, daysBetween(from, today));
}

/** The colour of a waiting time: red after 14 days, orange after 7, none before. */
export function waitingTone(days: number | null): 'red' | 'orange' | undefined {
  if (days === null) return undefined;
  if (days > 14) return 'red';
  if (days > 7) return 'orange';
  return undefined;
}
