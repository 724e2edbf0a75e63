import { describe, expect, it } from 'vitest';
import type { Statistics } from '../../../contracts/statistics.ts';
import { cachedStatistics, clearStatisticsCache } from './statistics.cache.ts';

const key = { orgId: 'o', sessionId: 's', groupBy: 'none' as const, today: '2026-07-01', version: 7 };

describe('statistics cache', () => {
  it('computes once per data version, business date, session and grouping', async () => {
    clearStatisticsCache();
    let computed = 0;
    const compute = async () => {
      computed += 1;
      return { sessionId: 's', today: '2026-07-01' } as unknown as Statistics;
    };
    await cachedStatistics(key, compute);
    await cachedStatistics(key, compute);
    expect(computed).toBe(1);
    await cachedStatistics({ ...key, version: 8 }, compute);
    await cachedStatistics({ ...key, today: '2026-07-02' }, compute);
    await cachedStatistics({ ...key, groupBy: 'unit' }, compute);
    await cachedStatistics({ ...key, orgId: 'other' }, compute);
    expect(computed).toBe(5);
    clearStatisticsCache();
    await cachedStatistics(key, compute);
    expect(computed).toBe(6);
  });

  it('keeps at most 200 entries, forgetting the oldest', async () => {
    clearStatisticsCache();
    let computed = 0;
    const compute = async () => {
      computed += 1;
      return {} as Statistics;
    };
    for (let version = 0; version < 201; version += 1) await cachedStatistics({ ...key, version }, compute);
    await cachedStatistics({ ...key, version: 200 }, compute);
    expect(computed).toBe(201);
    await cachedStatistics({ ...key, version: 0 }, compute);
    expect(computed).toBe(202);
  });
});
