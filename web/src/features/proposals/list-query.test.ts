import { describe, expect, it } from 'vitest';
import {
  ALL_SESSIONS,
  activeFilterCount,
  filterFromSearch,
  filterOfValues,
  listQueryOf,
  searchWithFilter,
} from './list-query.ts';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const SESSION = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a00';

describe('filterFromSearch', () => {
  it('reads every known filter', () => {
    const params = new URLSearchParams(
      `q=养老&sessionId=${SESSION}&state=filed&categoryId=${ID}&unitId=${ID}&proposerMemberId=${ID}` +
        `&sectorId=${ID}&partyId=${ID}&kind=plenary&authorType=collective&sort=waiting&tab=all`,
    );
    expect(filterFromSearch(params)).toEqual({
      q: '养老',
      sessionId: SESSION,
      state: 'filed',
      categoryId: ID,
      unitId: ID,
      proposerMemberId: ID,
      sectorId: ID,
      partyId: ID,
      kind: 'plenary',
      authorType: 'collective',
      sort: 'waiting',
    });
  });

  it('drops values the API would refuse', () => {
    const params = new URLSearchParams('q=%20%20&sessionId=x&state=lost&unitId=12&kind=big&authorType=x&sort=random');
    expect(filterFromSearch(params)).toEqual({});
  });

  it('keeps "all sessions"', () => {
    expect(filterFromSearch(new URLSearchParams('sessionId=all'))).toEqual({ sessionId: ALL_SESSIONS });
  });
});

describe('searchWithFilter', () => {
  it('writes the filters, keeps other params, leaves out blanks and the default order', () => {
    const current = new URLSearchParams('tab=all&state=draft&q=old');
    const next = searchWithFilter(current, { q: ' 社区 ', state: undefined, kind: 'interim', sort: 'newest' });
    expect(next.get('tab')).toBe('all');
    expect(next.get('q')).toBe('社区');
    expect(next.has('state')).toBe(false);
    expect(next.get('kind')).toBe('interim');
    expect(next.has('sort')).toBe(false);
  });

  it('round-trips through the URL', () => {
    const filter = { sessionId: ALL_SESSIONS, partyId: ID, authorType: 'member' as const, sort: 'number' as const };
    expect(filterFromSearch(searchWithFilter(new URLSearchParams(), filter))).toEqual(filter);
  });
});

describe('filterOfValues', () => {
  it('drops nulls and blanks and checks values', () => {
    expect(filterOfValues({ q: '  ', sectorId: null, state: 'submitted', unitId: 'nope', sessionId: SESSION })).toEqual({
      state: 'submitted',
      sessionId: SESSION,
    });
  });
});

describe('listQueryOf', () => {
  it('uses the current session when none is chosen', () => {
    expect(listQueryOf({ state: 'filed' }, SESSION)).toEqual({ state: 'filed', sessionId: SESSION });
  });

  it('sends no session for all sessions, or when there is no current one', () => {
    expect(listQueryOf({ sessionId: ALL_SESSIONS, q: '养老' }, SESSION)).toEqual({ q: '养老' });
    expect(listQueryOf({}, null)).toEqual({});
  });

  it('keeps a chosen session', () => {
    expect(listQueryOf({ sessionId: ID, sort: 'oldest' }, SESSION)).toEqual({ sessionId: ID, sort: 'oldest' });
  });
});

describe('activeFilterCount', () => {
  it('counts filters beyond keyword, session and order', () => {
    expect(activeFilterCount({ q: 'x', sessionId: ALL_SESSIONS, sort: 'number' })).toBe(0);
    expect(activeFilterCount({ state: 'filed', kind: 'plenary', partyId: ID })).toBe(3);
  });
});
