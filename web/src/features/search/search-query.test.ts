import { describe, expect, it } from 'vitest';
import {
  activeSearchFilterCount,
  percentOf,
  searchFilterFromParams,
  searchLink,
  searchParamsOf,
  searchQueryOf,
  searchTotalText,
} from './search-query.ts';
import { searchableStates } from './search-roles.ts';

const ID = '0190a0b1-2c3d-7e4f-8a9b-0c1d2e3f4a5b';

describe('search filters in the URL', () => {
  it('reads valid values and drops the ones the API would refuse', () => {
    const filter = searchFilterFromParams(
      new URLSearchParams(
        `q=%20数据共享%20&type=history&sessionId=${ID}&state=filed&categoryId=nope&unitId=${ID}&from=2026-01-01&to=2026-13-40&sort=newest`,
      ),
    );
    expect(filter).toEqual({
      q: '数据共享',
      type: 'history',
      sessionId: ID,
      state: 'filed',
      unitId: ID,
      from: '2026-01-01',
      sort: 'newest',
    });
  });

  it('ignores an unknown type, state and order', () => {
    expect(searchFilterFromParams(new URLSearchParams('q=a&type=memo&state=lost&sort=oldest'))).toEqual({ q: 'a' });
  });

  it('reads a backwards date range the right way round', () => {
    const filter = searchFilterFromParams(new URLSearchParams('q=a&from=2026-05-01&to=2026-01-01'));
    expect(filter).toMatchObject({ from: '2026-01-01', to: '2026-05-01' });
  });

  it('writes the filters back without blanks and the default order', () => {
    const params = searchParamsOf({ q: ' 养老 ', type: 'proposal', sort: 'relevance', categoryId: '' });
    expect(params.toString()).toBe('q=%E5%85%BB%E8%80%81&type=proposal');
    expect(searchFilterFromParams(searchParamsOf({ q: '养老', sort: 'newest', to: '2026-02-01' }))).toEqual({
      q: '养老',
      sort: 'newest',
      to: '2026-02-01',
    });
  });

  it('links the header box to the search page', () => {
    expect(searchLink('  ')).toBe('/search');
    expect(searchLink('"数据 共享"')).toBe('/search?q=%22%E6%95%B0%E6%8D%AE+%E5%85%B1%E4%BA%AB%22');
  });

  it('builds the API query and counts the filters', () => {
    const filter = { q: '养老', type: 'history' as const, sort: 'newest' as const, from: '2026-01-01' };
    expect(searchQueryOf(filter)).toEqual({ q: '养老', type: 'history', sort: 'newest', from: '2026-01-01' });
    expect(activeSearchFilterCount(filter)).toBe(2);
  });
});

describe('numbers of the results', () => {
  it('says 约 … + when the count stopped at the cap', () => {
    expect(searchTotalText(5000, true)).toBe('约 5000+ 条');
    expect(searchTotalText(12, false)).toBe('共 12 条');
  });

  it('shows scores as clamped percentages', () => {
    expect(percentOf(0.456)).toBe(46);
    expect(percentOf(1.2)).toBe(100);
    expect(percentOf(Number.NaN)).toBe(0);
  });
});

describe('the states the filter offers', () => {
  it('gives the office every state but the private ones, supervisors and leaders from filing on', () => {
    const office = searchableStates(['proposal_office']);
    expect(office).toContain('submitted');
    expect(office).not.toContain('draft');
    expect(office).not.toContain('co_signing');
    expect(searchableStates(['leader'])).toEqual(['filed', 'assigned', 'replied', 'rehandling', 'closed', 'archived']);
    expect(searchableStates(['supervisor', 'member'])).toEqual(searchableStates(['leader']));
  });
});
