/**
 * The filters of the staff proposal list (全部提案) as the URL keeps them, so a reload or a shared link shows the
 * same list: reading them from the search params (unknown values dropped), writing them back, and the query the
 * API takes. No session in the URL means the current session; `sessionId=all` means every session.
 */
import {
  type AuthorType,
  authorTypes,
  type ProposalKind,
  type ProposalState,
  proposalKinds,
  proposalStates,
} from '../../../../contracts/proposals.ts';

/** The orders of the list. */
export const proposalSorts = ['newest', 'oldest', 'number', 'waiting'] as const;
export type ProposalSort = (typeof proposalSorts)[number];
/** The names of the orders, as the 排序 select shows them. */
export const proposalSortNames: Record<ProposalSort, string> = {
  newest: '最新提交',
  oldest: '最早提交',
  number: '按提案号',
  waiting: '等待最久',
};
/** 大会提案 / 平时提案. */
export const proposalKindNames: Record<ProposalKind, string> = { plenary: '大会提案', interim: '平时提案' };
/** 个人 / 集体. */
export const authorTypeNames: Record<AuthorType, string> = { member: '个人提案', collective: '集体提案' };

/** The session value meaning "every session". */
export const ALL_SESSIONS = 'all';

/** The filters of the staff list; `sessionId` undefined is the current session, ALL_SESSIONS every session. */
export type StaffListFilter = {
  q?: string;
  sessionId?: string;
  state?: ProposalState;
  categoryId?: string;
  unitId?: string;
  proposerMemberId?: string;
  sectorId?: string;
  partyId?: string;
  kind?: ProposalKind;
  authorType?: AuthorType;
  sort?: ProposalSort;
};

/** The URL parameters of the filters, in the order they are written. */
export const staffFilterNames = [
  'q',
  'sessionId',
  'state',
  'categoryId',
  'unitId',
  'proposerMemberId',
  'sectorId',
  'partyId',
  'kind',
  'authorType',
  'sort',
] as const satisfies readonly (keyof StaffListFilter)[];

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idFields = new Set<keyof StaffListFilter>(['categoryId', 'unitId', 'proposerMemberId', 'sectorId', 'partyId']);

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function idOf(value: string | null): string | undefined {
  return value && ID_PATTERN.test(value) ? value : undefined;
}

/** The filters in the search params; values the API would refuse (a mistyped link) are left out. */
export function filterFromSearch(params: URLSearchParams): StaffListFilter {
  const filter: StaffListFilter = {};
  const q = params.get('q')?.trim().slice(0, 100);
  if (q) filter.q = q;
  const session = params.get('sessionId');
  if (session === ALL_SESSIONS) filter.sessionId = ALL_SESSIONS;
  else if (idOf(session)) filter.sessionId = session as string;
  const state = oneOf(proposalStates, params.get('state'));
  if (state) filter.state = state;
  for (const name of idFields) {
    const id = idOf(params.get(name));
    if (id) (filter as Record<string, string>)[name] = id;
  }
  const kind = oneOf(proposalKinds, params.get('kind'));
  if (kind) filter.kind = kind;
  const authorType = oneOf(authorTypes, params.get('authorType'));
  if (authorType) filter.authorType = authorType;
  const sort = oneOf(proposalSorts, params.get('sort'));
  if (sort) filter.sort = sort;
  return filter;
}

/**
 * The search params with the filters written in (other params, such as the tab, kept); empty filters and the
 * default order are left out.
 */
export function searchWithFilter(current: URLSearchParams, filter: StaffListFilter): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const name of staffFilterNames) next.delete(name);
  for (const name of staffFilterNames) {
    const raw = filter[name];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (!value) continue;
    if (name === 'sort' && value === 'newest') continue;
    next.set(name, value);
  }
  return next;
}

/** The filters from a form's values: blanks and nulls dropped, the keyword trimmed. */
export function filterOfValues(values: Partial<Record<keyof StaffListFilter, string | null | undefined>>): StaffListFilter {
  const params = new URLSearchParams();
  for (const name of staffFilterNames) {
    const value = values[name];
    if (typeof value === 'string' && value.trim()) params.set(name, value.trim());
  }
  return filterFromSearch(params);
}

/** The number of filters set beyond the keyword and the default session and order (the phone's folded panel shows it). */
export function activeFilterCount(filter: StaffListFilter): number {
  return staffFilterNames.filter((name) => name !== 'q' && name !== 'sessionId' && name !== 'sort' && filter[name]).length;
}

/**
 * The query of GET /proposals (and /proposals/export): the session resolved (none chosen: the current one, if
 * the committee has one), every other filter as it is.
 */
export function listQueryOf(filter: StaffListFilter, currentSessionId: string | null | undefined): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of staffFilterNames) {
    const value = filter[name];
    if (!value || name === 'sessionId') continue;
    query[name] = value;
  }
  const session = filter.sessionId ?? currentSessionId ?? undefined;
  if (session && session !== ALL_SESSIONS) query.sessionId = session;
  return query;
}
