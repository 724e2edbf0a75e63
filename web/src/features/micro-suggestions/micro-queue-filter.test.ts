import { describe, expect, it } from 'vitest';
import { hasQueueFilter, queueFilterFromSearch, queueQueryOf, searchOfQueueFilter } from './micro-queue-filter.ts';

const UNIT = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('the office queue filters', () => {
  it('reads the tab and filters from the URL, leaving out what is malformed', () => {
    const filter = queueFilterFromSearch(
      new URLSearchParams(`view=all&state=handling&unitId=${UNIT}&place= 城关 &month=2026-05&q=路灯`),
    );
    expect(filter).toEqual({ view: 'all', state: 'handling', unitId: UNIT, place: '城关', month: '2026-05', q: '路灯' });
    expect(queueFilterFromSearch(new URLSearchParams('view=nope&state=bogus&unitId=1&month=2026-13'))).toEqual({
      view: 'queue',
    });
  });

  it('writes the URL back without the default tab or empty values', () => {
    expect(searchOfQueueFilter({ view: 'queue' }).toString()).toBe('');
    expect(searchOfQueueFilter({ view: 'published', place: '城关' }).toString()).toBe(
      `view=published&place=${encodeURIComponent('城关')}`,
    );
    const round = { view: 'all' as const, state: 'resolved' as const, month: '2026-01' };
    expect(queueFilterFromSearch(searchOfQueueFilter(round))).toEqual(round);
  });

  it('asks for the review queue on 待处理 and ignores a state there', () => {
    expect(queueQueryOf({ view: 'queue', state: 'handling', place: '城关' })).toMatchObject({
      queue: 'review',
      state: undefined,
      published: undefined,
      place: '城关',
    });
  });

  it('asks for the resolved ones by publication on 待公开 and 已公开', () => {
    expect(queueQueryOf({ view: 'to_publish' })).toMatchObject({ queue: undefined, published: 'false' });
    expect(queueQueryOf({ view: 'published' })).toMatchObject({ queue: undefined, published: 'true' });
  });

  it('filters by state on 全部', () => {
    expect(queueQueryOf({ view: 'all', state: 'declined', unitId: UNIT })).toMatchObject({
      queue: undefined,
      published: undefined,
      state: 'declined',
      unitId: UNIT,
    });
  });

  it('knows when a filter beyond the tab is set', () => {
    expect(hasQueueFilter({ view: 'all' })).toBe(false);
    expect(hasQueueFilter({ view: 'queue', month: '2026-05' })).toBe(true);
  });
});
