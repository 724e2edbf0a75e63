import { addDays, addMonths, isBusinessDate, isWeekend } from './business-date.ts';

/** A day that differs from the Monday-to-Friday rule: a holiday, or a weekend worked as a make-up day (调休). */
export type CalendarDayRow = { day: string; kind: 'holiday' | 'workday'; name: string };

/** How far to search for the next working day before deciding the calendar is broken (ten years). */
const SEARCH_LIMIT_DAYS = 3660;

/** A working-day calendar: pure functions over 'YYYY-MM-DD' dates. */
export type Calendar = {
  /** True on working days: weekdays not listed as holiday, and weekends listed as workday (调休上班). */
  isWorkingDay: (day: string) => boolean;
  /** The day itself when it is a working day, else the first working day after it. */
  nextWorkingDayFrom: (day: string) => string;
  /** The n-th working day after `day` (n ≥ 0; counting starts the day after; n = 0 gives `day` itself). */
  addWorkingDays: (day: string, count: number) => string;
  /** Calendar months, clamped to the month's end (2025-01-31 + 1 month = 2025-02-28). */
  addMonths: (day: string, months: number) => string;
  /** The deadline helper; see `dueDate` in createCalendar. */
  dueDate: (start: string, period: { months?: number; workingDays?: number }) => string;
  /** The listed day, if any. */
  entry: (day: string) => CalendarDayRow | undefined;
};

/** Builds a calendar from its listed days; weekends are rest days and weekdays working days unless listed. */
export function createCalendar(days: readonly CalendarDayRow[]): Calendar {
  const listed = new Map<string, CalendarDayRow>();
  for (const row of days) {
    if (!isBusinessDate(row.day)) throw new RangeError(`calendar day is not a date: ${row.day}`);
    listed.set(row.day, row);
  }

  const isWorkingDay = (day: string): boolean => {
    const row = listed.get(day);
    if (row) return row.kind === 'workday';
    if (!isBusinessDate(day)) throw new RangeError(`not a business date (YYYY-MM-DD): ${day}`);
    return !isWeekend(day);
  };

  const nextWorkingDayFrom = (day: string): string => {
    let candidate = day;
    for (let step = 0; step <= SEARCH_LIMIT_DAYS; step += 1) {
      if (isWorkingDay(candidate)) return candidate;
      candidate = addDays(candidate, 1);
    }
    throw new RangeError(`no working day within ${SEARCH_LIMIT_DAYS} days after ${day}`);
  };

  const addWorkingDays = (day: string, count: number): string => {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${count}`);
    let current = day;
    for (let counted = 0; counted < count; counted += 1) current = nextWorkingDayFrom(addDays(current, 1));
    if (count === 0 && !isBusinessDate(day)) throw new RangeError(`not a business date (YYYY-MM-DD): ${day}`);
    return current;
  };

  /**
   * The deadline rule: from `start`, add the calendar months first (clamped to the month's end), then the
   * working days (counting from the day after). When the result falls on a rest day (a weekend not worked, or
   * a holiday) the deadline moves to the next working day, as Chinese law counts periods ("期间届满的最后一日
   * 是法定休假日的，以法定休假日后的第一日为期间届满的日期", 民事诉讼法 第八十五条). So a 3-month reply period
   * from 2025-07-01 ends 2025-10-09, not on 2025-10-01 in the National Day holiday.
   */
  const dueDate = (start: string, period: { months?: number; workingDays?: number }): string => {
    const afterMonths = addMonths(start, period.months ?? 0);
    const afterWorkingDays = addWorkingDays(afterMonths, period.workingDays ?? 0);
    return nextWorkingDayFrom(afterWorkingDays);
  };

  return {
    isWorkingDay,
    nextWorkingDayFrom,
    addWorkingDays,
    addMonths,
    dueDate,
    entry: (day) => listed.get(day),
  };
}
