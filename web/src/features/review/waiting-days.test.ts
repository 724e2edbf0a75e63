import { describe, expect, it } from 'vitest';
import { dayOf, daysBetween, waitingDays, waitingTone } from './waiting-days.ts';

describe('waiting days', () => {
  it('counts calendar days in Shanghai time', () => {
    // 2026-11-30 23:30 in Shanghai is 15:30 UTC; on 2026-12-02 08:00 Shanghai it has waited 2 days.
    expect(waitingDays('2026-11-30T15:30:00Z', new Date('2026-12-02T00:00:00Z'))).toBe(2);
  });

  it('is 0 on the day of submission and never negative', () => {
    expect(waitingDays('2026-12-02T01:00:00Z', new Date('2026-12-02T09:00:00Z'))).toBe(0);
    expect(waitingDays('2026-12-05T01:00:00Z', new Date('2026-12-02T09:00:00Z'))).toBe(0);
  });

  it('is null without a submission time', () => {
    expect(waitingDays(null)).toBeNull();
    expect(waitingDays('not a date')).toBeNull();
  });

  it('crosses months and years', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
  });

  it('takes a Shanghai midnight as the next day', () => {
    expect(dayOf('2026-12-01T16:00:00Z')).toBe('2026-12-02');
    expect(dayOf('2026-12-01')).toBe('2026-12-01');
  });

  it('colours long waits', () => {
    expect(waitingTone(3)).toBeUndefined();
    expect(waitingTone(8)).toBe('orange');
    expect(waitingTone(15)).toBe('red');
    expect(waitingTone(null)).toBeUndefined();
  });
});
