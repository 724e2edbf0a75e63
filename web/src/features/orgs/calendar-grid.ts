import type { CalendarDay, CalendarDayKind } from '../../../../contracts/orgs.ts';

/** How a day counts: a plain working day, a plain weekend, a holiday, or a weekend make-up workday (调休). */
export type DayStatus = 'working' | 'weekend' | 'holiday' | 'makeup';

/** A YYYY-MM-DD date from its parts (month from 1). */
export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day of the week of a date, Monday 0 … Sunday 6. */
export function weekdayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** Number of days in a month (month from 1). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The weeks of a month, Monday first; cells outside the month are null. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const cells: (string | null)[] = Array.from({ length: weekdayIndex(year, month, 1) }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day++) cells.push(isoDate(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  return weeks;
}

/** The special days of a year by date. */
export function specialDaysByDate(days: readonly CalendarDay[]): Map<string, CalendarDay> {
  return new Map(days.map((day) => [day.day, day]));
}

/** How a date counts, given the committee's special days. */
export function dayStatus(date: string, special: ReadonlyMap<string, { kind: CalendarDayKind }>): DayStatus {
  const marked = special.get(date);
  if (marked) return marked.kind === 'holiday' ? 'holiday' : 'makeup';
  const [year, month, day] = date.split('-').map(Number);
  return weekdayIndex(year, month, day) >= 5 ? 'weekend' : 'working';
}

/** Counts of a year's special days: holidays on weekdays matter for deadlines, so both totals are shown. */
export function yearSummary(days: readonly CalendarDay[]): { holidays: number; makeupWorkdays: number } {
  return {
    holidays: days.filter((day) => day.kind === 'holiday').length,
    makeupWorkdays: days.filter((day) => day.kind === 'workday').length,
  };
}

/** Today's date in China time (YYYY-MM-DD), whatever the browser's time zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
