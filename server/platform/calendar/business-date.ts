/**
 * Business dates are plain calendar dates written 'YYYY-MM-DD'. They are computed as whole days counted from
 * 1970-01-01 (UTC arithmetic only), so no local time zone or daylight-saving rule can shift them by a day.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MILLISECONDS_PER_DAY = 86_400_000;

/** The default time zone of a committee. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** True when the text is a real calendar date in 'YYYY-MM-DD' form (2025-02-29 is not). */
export function isBusinessDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws a programming error when a date string is malformed; routes validate input before it gets here. */
function parts(value: string): { year: number; month: number; day: number } {
  if (!isBusinessDate(value)) throw new RangeError(`not a business date (YYYY-MM-DD): ${value}`);
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

/** True in leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days of a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Whole days since 1970-01-01. */
export function toDayNumber(value: string): number {
  const { year, month, day } = parts(value);
  return Date.UTC(year, month - 1, day) / MILLISECONDS_PER_DAY;
}

/** The 'YYYY-MM-DD' date of a day number. */
export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

/** The date `days` days later (earlier when negative). */
export function addDays(value: string, days: number): string {
  return fromDayNumber(toDayNumber(value) + days);
}

/** Day of the week: 0 Sunday … 6 Saturday. */
export function dayOfWeek(value: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(value) + 4) % 7) + 7) % 7;
}

/** True on Saturdays and Sundays. */
export function isWeekend(value: string): boolean {
  const weekday = dayOfWeek(value);
  return weekday === 0 || weekday === 6;
}

/**
 * Adds calendar months, keeping the day of the month and clamping it to the target month's last day:
 * 2025-01-31 + 1 month = 2025-02-28, 2024-01-31 + 1 month = 2024-02-29, 2025-03-31 − 1 month = 2025-02-28.
 */
export function addMonths(value: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number: ${months}`);
  const { year, month, day } = parts(value);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date of an instant in a time zone: 2025-01-27T16:30:00Z is 2025-01-28 in Asia/Shanghai.
 * Throws RangeError for an unknown time zone.
 */
export function businessDate(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  const values = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${values.year}-${values.month}-${values.day}`;
}

/** True when the name is a time zone this runtime knows (e.g. Asia/Shanghai, Asia/Urumqi). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of an instant in a time zone, as milliseconds of a UTC clock showing the same digits. */
function wallClock(instant: number, timeZone: string): number {
  let formatter = clockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    clockFormatters.set(timeZone, formatter);
  }
  const values = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return Date.UTC(+values.year, +values.month - 1, +values.day, +values.hour, +values.minute, +values.second);
}

/**
 * The instant a local date and time of a time zone names: '2019-11-10T18:59:24' in Asia/Shanghai is
 * 2019-11-10T10:59:24Z. Null when the text is not a valid `YYYY-MM-DDTHH:MM:SS`.
 */
export function localTimeToInstant(local: string, timeZone: string = DEFAULT_TIME_ZONE): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const wanted = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wanted);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  let guess = wanted;
  for (let step = 0; step < 2; step += 1) guess = wanted - (wallClock(guess, timeZone) - guess);
  return new Date(guess);
}
