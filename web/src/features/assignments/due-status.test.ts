import { describe, expect, it } from 'vitest';
import { daysLeftText, dueStatus } from './due-status.ts';

const at = (day: string) => new Date(`${day}T04:00:00Z`);

describe('due status', () => {
  it('is ok early in the handling time', () => {
    expect(dueStatus('2026-03-10T02:00:00Z', '2026-06-10', at('2026-04-01'))).toBe('ok');
  });

  it('is near at 80% of the time used or a week before', () => {
    expect(dueStatus('2026-03-10T02:00:00Z', '2026-06-10', at('2026-05-25'))).toBe('near');
    expect(dueStatus('2026-06-01T02:00:00Z', '2026-12-31', at('2026-12-25'))).toBe('near');
  });

  it('is overdue after the due date, not on it', () => {
    expect(dueStatus('2026-03-10T02:00:00Z', '2026-06-10', at('2026-06-10'))).toBe('near');
    expect(dueStatus('2026-03-10T02:00:00Z', '2026-06-10', at('2026-06-11'))).toBe('overdue');
  });

  it('says how many days are left', () => {
    expect(daysLeftText('2026-06-10', at('2026-06-05'))).toBe('还剩 5 天');
    expect(daysLeftText('2026-06-10', at('2026-06-10'))).toBe('今天截止');
    expect(daysLeftText('2026-06-10', at('2026-06-13'))).toBe('已超期 3 天');
  });
});
