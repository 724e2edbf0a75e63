import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  businessDate,
  dayOfWeek,
  isBusinessDate,
  isKnownTimeZone,
  isLeapYear,
  localTimeToInstant,
} from './business-date.ts';
import { createCalendar } from './calendar.ts';
import { officialCalendarDays } from './official-calendar.ts';

const calendar = createCalendar(officialCalendarDays());

describe('local times of a time zone', () => {
  it.each([
    ['2019-11-10T18:59:24', 'Asia/Shanghai', '2019-11-10T10:59:24.000Z'],
    ['2026-01-01T00:00:00', 'Asia/Shanghai', '2025-12-31T16:00:00.000Z'],
    ['2026-07-01T12:00:00', 'Asia/Urumqi', '2026-07-01T06:00:00.000Z'],
    ['2026-07-01T12:00:00', 'Europe/Berlin', '2026-07-01T10:00:00.000Z'],
    ['2026-01-15T12:00:00', 'Europe/Berlin', '2026-01-15T11:00:00.000Z'],
  ])('%s in %s is %s', (local, zone, expected) => {
    expect(localTimeToInstant(local, zone)?.toISOString()).toBe(expected);
  });

  it.each(['2026-02-30T00:00:00', '2026-13-01T00:00:00', '2026-01-01T24:00:00', '2026-01-01', 'soon'])('refuses %s', (local) => {
    expect(localTimeToInstant(local, 'Asia/Shanghai')).toBeNull();
  });
});

describe('business dates', () => {
  it.each([
    ['2025-01-01', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-1-1', false],
    ['2025-01-01T00:00', false],
    ['', false],
  ])('isBusinessDate(%s) = %s', (value, expected) => {
    expect(isBusinessDate(value)).toBe(expected);
  });

  it.each([
    [2024, true],
    [2025, false],
    [1900, false],
    [2000, true],
  ])('isLeapYear(%i) = %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });

  it.each([
    ['2025-01-26', 0],
    ['2025-02-08', 6],
    ['2025-10-01', 3],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
  ])('dayOfWeek(%s) = %i', (day, expected) => {
    expect(dayOfWeek(day)).toBe(expected);
  });

  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('addDays(%s, %i) = %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-15', 3, '2025-04-15'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2027-11-29', 3, '2028-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-05-10', 0, '2025-05-10'],
    ['2025-12-15', 1, '2026-01-15'],
  ])('addMonths(%s, %i) = %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it.each([
    ['2025-01-27T16:00:00Z', 'Asia/Shanghai', '2025-01-28'],
    ['2025-01-27T15:59:59Z', 'Asia/Shanghai', '2025-01-27'],
    ['2025-01-27T16:00:00Z', 'UTC', '2025-01-27'],
    ['2025-12-31T17:30:00Z', 'Asia/Urumqi', '2025-12-31'],
    ['2025-12-31T17:30:00Z', 'Asia/Shanghai', '2026-01-01'],
    ['2026-03-08T07:00:00Z', 'America/New_York', '2026-03-08'],
  ])('businessDate(%s, %s) = %s', (instant, timeZone, expected) => {
    expect(businessDate(new Date(instant), timeZone)).toBe(expected);
  });

  it('defaults to Asia/Shanghai and rejects unknown time zones', () => {
    expect(businessDate(new Date('2025-06-30T20:00:00Z'))).toBe('2025-07-01');
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(() => businessDate(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });

  it('refuses malformed dates instead of guessing', () => {
    expect(() => addMonths('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('2025-02-10', 1.5)).toThrow(RangeError);
  });
});

describe('the official 2025–2026 calendar', () => {
  it.each([
    ['2025-01-01', false, '元旦'],
    ['2025-01-24', true, 'an ordinary Friday'],
    ['2025-01-25', false, 'an ordinary Saturday'],
    ['2025-01-26', true, 'Sunday make-up workday'],
    ['2025-01-27', true, 'Monday before Spring Festival'],
    ['2025-01-28', false, 'Spring Festival eve'],
    ['2025-01-31', false, 'Spring Festival'],
    ['2025-02-04', false, 'last day of Spring Festival'],
    ['2025-02-05', true, 'back to work'],
    ['2025-02-08', true, 'Saturday make-up workday'],
    ['2025-02-09', false, 'an ordinary Sunday'],
    ['2025-09-28', true, 'Sunday make-up workday before National Day'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-06', false, 'Mid-Autumn within National Day'],
    ['2025-10-08', false, 'last day of National Day'],
    ['2025-10-09', true, 'back to work'],
    ['2025-10-11', true, 'Saturday make-up workday'],
    ['2026-01-04', true, 'Sunday make-up workday of 2026'],
    ['2026-02-16', false, 'Spring Festival 2026'],
    ['2026-02-24', true, 'after Spring Festival 2026'],
    ['2027-02-06', false, 'a Saturday beyond the listed years'],
    ['2027-02-08', true, 'a Monday beyond the listed years'],
  ])('isWorkingDay(%s) = %s (%s)', (day, expected) => {
    expect(calendar.isWorkingDay(day)).toBe(expected);
  });

  it.each([
    ['2025-01-24', 0, '2025-01-24', 'zero keeps the day'],
    ['2025-01-24', 1, '2025-01-26', 'Friday + 1 is the make-up Sunday'],
    ['2025-01-24', 2, '2025-01-27', ''],
    ['2025-01-24', 3, '2025-02-05', 'jumps over Spring Festival'],
    ['2025-01-27', 1, '2025-02-05', ''],
    ['2025-01-27', 4, '2025-02-08', 'counts the make-up Saturday'],
    ['2025-01-27', 5, '2025-02-10', ''],
    ['2025-01-28', 1, '2025-02-05', 'counting from a holiday starts the day after'],
    ['2025-09-26', 1, '2025-09-28', 'make-up Sunday before National Day'],
    ['2025-09-26', 4, '2025-10-09', 'across National Day'],
    ['2025-09-30', 2, '2025-10-10', ''],
    ['2025-09-30', 3, '2025-10-11', 'make-up Saturday after National Day'],
    ['2025-12-31', 1, '2026-01-04', 'New Year 2026 and its make-up Sunday'],
  ])('addWorkingDays(%s, %i) = %s %s', (day, count, expected) => {
    expect(calendar.addWorkingDays(day, count)).toBe(expected);
  });

  it.each([
    ['2025-07-01', { months: 3 }, '2025-10-09', 'reply due in National Day moves to the first working day'],
    ['2024-11-04', { months: 3 }, '2025-02-05', 'due 2025-02-04 in Spring Festival'],
    ['2024-12-01', { months: 1 }, '2025-01-02', 'due on 元旦 moves to the next day'],
    ['2025-01-15', { months: 3 }, '2025-04-15', 'an ordinary Tuesday stays'],
    ['2025-03-31', { months: 2 }, '2025-06-03', 'clamped to 05-31, a Saturday in 端午, moves past the holiday'],
    ['2025-03-08', { months: 1 }, '2025-04-08', ''],
    ['2025-11-30', { months: 3 }, '2026-02-28', 'clamped month end that is a make-up Saturday stays'],
    ['2025-01-20', { workingDays: 5 }, '2025-01-26', 'five working days counting the make-up Sunday'],
    ['2025-09-26', { workingDays: 15 }, '2025-10-23', 'fifteen working days across National Day'],
    ['2025-06-29', { months: 0 }, '2025-06-30', 'a Sunday start moves to Monday'],
    ['2025-01-27', { months: 1, workingDays: 1 }, '2025-02-28', 'months then working days'],
  ] as [string, { months?: number; workingDays?: number }, string, string][])(
    'dueDate(%s, %o) = %s (%s)',
    (start, period, expected) => {
      expect(calendar.dueDate(start, period)).toBe(expected);
    },
  );

  it('refuses negative or fractional working days', () => {
    expect(() => calendar.addWorkingDays('2025-01-01', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('a calendar with local changes', () => {
  it('lets a committee mark extra holidays and make-up workdays', () => {
    const local = createCalendar([
      { day: '2025-03-05', kind: 'holiday', name: '地方假日' },
      { day: '2025-03-08', kind: 'workday', name: '调休上班' },
    ]);
    expect(local.isWorkingDay('2025-03-05')).toBe(false);
    expect(local.isWorkingDay('2025-03-08')).toBe(true);
    expect(local.addWorkingDays('2025-03-04', 1)).toBe('2025-03-06');
    expect(local.addWorkingDays('2025-03-07', 1)).toBe('2025-03-08');
    expect(local.entry('2025-03-05')?.name).toBe('地方假日');
    expect(local.entry('2025-03-06')).toBeUndefined();
  });

  it('with no listed days is Monday to Friday', () => {
    const plain = createCalendar([]);
    expect(plain.isWorkingDay('2025-10-01')).toBe(true);
    expect(plain.addWorkingDays('2025-10-03', 1)).toBe('2025-10-06');
  });

  it('gives up rather than loop forever when no working day exists', () => {
    const days = Array.from({ length: 4000 }, (_, index) => ({
      day: addDays('2025-01-01', index),
      kind: 'holiday' as const,
      name: '',
    }));
    expect(() => createCalendar(days).addWorkingDays('2025-01-01', 1)).toThrow(RangeError);
  });
});
