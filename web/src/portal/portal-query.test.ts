import { describe, expect, it } from 'vitest';
import { readPortalQuery, statisticsSession, writePortalQuery } from './portal-query.ts';

describe('portal query', () => {
  it.each([
    ['', {}],
    ['q=%20%E5%8A%A0%E6%B2%B9%20', { q: '加油' }],
    ['q=电梯&sort=newest&sessionId=s1', { q: '电梯', sort: 'newest', sessionId: 's1' }],
    ['sort=newest', {}],
    ['q=电梯&sort=sideways', { q: '电梯' }],
    ['sessionId=%20', {}],
  ])('reads ?%s', (search, expected) => {
    expect(readPortalQuery(new URLSearchParams(search))).toEqual(expected);
  });

  it('writes what it reads', () => {
    const query = { q: '电梯', sessionId: 's1', sort: 'newest' as const };
    expect(readPortalQuery(writePortalQuery(query))).toEqual(query);
    expect(writePortalQuery({ sort: 'newest' }).toString()).toBe('');
  });

  it('shows the chosen session’s statistics, else the newest with published proposals', () => {
    const sessions = [
      { id: 'a', year: 2026, isCurrent: true, publishedCount: 0 },
      { id: 'b', year: 2025, isCurrent: false, publishedCount: 3 },
      { id: 'c', year: 2024, isCurrent: false, publishedCount: 5 },
    ];
    expect(statisticsSession(sessions, 'c')).toBe('c');
    expect(statisticsSession(sessions, 'zzz')).toBe('b');
    expect(statisticsSession(sessions, undefined)).toBe('b');
    expect(statisticsSession([{ id: 'a', year: 2026, isCurrent: true, publishedCount: 0 }], undefined)).toBe('a');
    expect(statisticsSession([], undefined)).toBeUndefined();
  });
});
