import { describe, expect, it } from 'vitest';
import { auditQuery, nextDay } from './audit-api.ts';

describe('audit query', () => {
  it('turns a date range into China-time instants, the end day included', () => {
    expect(auditQuery({ fromDate: '2026-03-01', toDate: '2026-03-31' })).toMatchObject({
      from: '2026-03-01T00:00:00+08:00',
      to: '2026-04-01T00:00:00+08:00',
    });
  });

  it('leaves out empty filters', () => {
    expect(auditQuery({ type: '  ', subjectId: '' })).toEqual({
      type: undefined,
      actorId: undefined,
      subjectType: undefined,
      subjectId: undefined,
      result: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('knows the next day across month and year ends', () => {
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});
