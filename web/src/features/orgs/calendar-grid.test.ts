import { describe, expect, it } from 'vitest';
import {
  dayStatus,
  daysInMonth,
  monthWeeks,
  specialDaysByDate,
  todayInChina,
  weekdayIndex,
  yearSummary,
} from './calendar-grid.ts';

describe('month grid', () => {
  it('knows the weekday, Monday first', () => {
    expect(weekdayIndex(2026, 1, 1)).toBe(3); // Thursday
    expect(weekdayIndex(2026, 3, 1)).toBe(6); // Sunday
  });

  it('knows the month lengths, leap years included', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('lays a month out in full weeks starting on Monday', () => {
    const weeks = monthWeeks(2026, 2); // 1 Feb 2026 is a Sunday
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
    expect(weeks.at(-1)?.at(-1)).toBe(null);
  });
});

describe('day status', () => {
  const special = specialDaysByDate([
    { day: '2026-10-01', kind: 'holiday', name: '国庆节' },
    { day: '2026-09-27', kind: 'workday', name: '国庆节调休' },
  ]);

  it.each([
    ['2026-10-01', 'holiday'], // a Thursday off
    ['2026-09-27', 'makeup'], // a Sunday worked
    ['2026-10-10', 'weekend'], // a plain Saturday
    ['2026-10-12', 'working'], // a plain Monday
  ])('%s is %s', (date, expected) => {
    expect(dayStatus(date, special)).toBe(expected);
  });

  it('counts holidays and make-up workdays', () => {
    expect(yearSummary([...special.values()])).toEqual({ holidays: 1, makeupWorkdays: 1 });
  });
});

describe('today in China', () => {
  it('uses China time, not the browser time zone', () => {
    expect(todayInChina(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
    expect(todayInChina(new Date('2026-03-01T15:30:00Z'))).toBe('2026-03-01');
  });
});
