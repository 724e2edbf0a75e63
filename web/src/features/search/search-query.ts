/**
 * The filters of the full-text search (全文检索) as the URL keeps them, so a reload, the back button or a shared
 * link shows the same results: reading them from the search params (values the API would refuse dropped),
 * writing them back, and the query GET /search takes.
 */
import { type ProposalState, proposalStates } from '../../../../contracts/proposals.ts';
import { type SearchItemType, searchItemTypes } from '../../../../contracts/search.ts';

/** The orders of the results. */
export const searchSorts = ['relevance', 'newest'] as const;
export type SearchSort = (typeof searchSorts)[number];
/** The names of the orders. */
export const searchSortNames: Record<SearchSort, string> = { relevance: '相关度', newest: '最新' };
/** The names of the item types, as the type tag and the filter show them. */
export const searchTypeNames: Record<SearchItemType, string> = {
  proposal: '提案',
  history: '历史数据',
  publication: '公开文本',
  micro_suggestion: '微建议',
};

/** The options of the type filter. */
export function searchItemTypeOptions(t: (text: string) => string): { value: SearchItemType; label: string }[] {
  // The public copies are the portal's; staff search the records. Micro-suggestions are indexed for similar items only.
  return searchItemTypes
    .filter((type) => type !== 'publication' && type !== 'micro_suggestion')
    .map((type) => ({ value: type, label: t(searchTypeNames[type]) }));
}

/** The longest query the API takes. */
export const SEARCH_QUERY_MAX = 200;

/** The search and its filters; an empty `q` means nothing is searched yet. */
export type SearchFilter = {
  q: string;
  type?: SearchItemType;
  sessionId?: string;
  state?: ProposalState;
  categoryId?: string;
  unitId?: string;
  from?: string;
  to?: string;
  sort?: SearchSort;
};

/** The URL parameters of the filters, in the order they are written. */
export const searchFilterNames = ['q', 'type', 'sessionId', 'state', 'categoryId', 'unitId', 'from', 'to', 'sort'] as const;

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function validDate(value: string | null): string | undefined {
  if (!value || !DATE_PATTERN.test(value)) return undefined;
  return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : value;
}

/** The filters in the search params; a mistyped value is left out rather than sent to be refused. */
export function searchFilterFromParams(params: URLSearchParams): SearchFilter {
  const filter: SearchFilter = { q: (params.get('q') ?? '').trim().slice(0, SEARCH_QUERY_MAX) };
  const type = oneOf(searchItemTypes, params.get('type'));
  if (type) filter.type = type;
  const session = params.get('sessionId');
  if (session && ID_PATTERN.test(session)) filter.sessionId = session;
  const state = oneOf(proposalStates, params.get('state'));
  if (state) filter.state = state;
  const category = params.get('categoryId');
  if (category && ID_PATTERN.test(category)) filter.categoryId = category;
  const unit = params.get('unitId');
  if (unit && ID_PATTERN.test(unit)) filter.unitId = unit;
  const from = validDate(params.get('from'));
  const to = validDate(params.get('to'));
  // A range given backwards is read the right way round.
  if (from && to && from > to) {
    filter.from = to;
    filter.to = from;
  } else {
    if (from) filter.from = from;
    if (to) filter.to = to;
  }
  const sort = oneOf(searchSorts, params.get('sort'));
  if (sort) filter.sort = sort;
  return filter;
}

/** The search params of the filters: empty values and the default order (相关度) are left out. */
export function searchParamsOf(filter: SearchFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of searchFilterNames) {
    const raw = filter[name];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (!value) continue;
    if (name === 'sort' && value === 'relevance') continue;
    params.set(name, value);
  }
  return params;
}

/** The link of a search for these words (the header's box goes there). */
export function searchLink(q: string): string {
  const words = q.trim().slice(0, SEARCH_QUERY_MAX);
  return words ? `/search?${searchParamsOf({ q: words }).toString()}` : '/search';
}

/** The query of GET /search (without cursor and limit). */
export function searchQueryOf(filter: SearchFilter): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of searchFilterNames) {
    const value = filter[name];
    if (value) query[name] = value;
  }
  return query;
}

/** The number of filters set beyond the words and the order (the phone's folded panel shows it). */
export function activeSearchFilterCount(filter: SearchFilter): number {
  return searchFilterNames.filter((name) => name !== 'q' && name !== 'sort' && filter[name]).length;
}

/** "约 5000+ 条" when the count stopped at the cap, "共 12 条" otherwise. */
export function searchTotalText(total: number, capped: boolean): string {
  return capped ? `约 ${total}+ 条` : `共 ${total} 条`;
}

/** A score (0–1) as a whole percentage, clamped. */
export function percentOf(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.max(0, Math.min(100, Math.round(score * 100)));
}
