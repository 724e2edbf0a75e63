/**
 * The office's list: its tab (待处理 = the queue, 全部, 待公开, 已公开) and filters (state, unit, place, month, words)
 * as the URL keeps them, and the list query they make. Pure functions shared by the page and its tests.
 */
import { type MicroSuggestionState, microSuggestionStates } from '../../../../contracts/micro-suggestions.ts';
import type { QueryValues } from '../../lib/api.ts';

/** The tabs of the office's list. */
export const queueViews = ['queue', 'all', 'to_publish', 'published'] as const;
export type QueueView = (typeof queueViews)[number];
/** The tabs' names. */
export const queueViewNames: Record<QueueView, string> = {
  queue: '待处理',
  all: '全部',
  to_publish: '待公开',
  published: '已公开',
};

/** The tab and filters of the office's list. */
export type MicroQueueFilter = {
  view: QueueView;
  state?: MicroSuggestionState;
  unitId?: string;
  place?: string;
  month?: string;
  q?: string;
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters a URL's search holds; unknown or malformed values are left out. */
export function queueFilterFromSearch(search: URLSearchParams): MicroQueueFilter {
  const view = search.get('view');
  const filter: MicroQueueFilter = {
    view: (queueViews as readonly string[]).includes(view ?? '') ? (view as QueueView) : 'queue',
  };
  const state = search.get('state');
  if (state && (microSuggestionStates as readonly string[]).includes(state)) filter.state = state as MicroSuggestionState;
  const unitId = search.get('unitId');
  if (unitId && UUID.test(unitId)) filter.unitId = unitId;
  const place = search.get('place')?.trim();
  if (place) filter.place = place.slice(0, 50);
  const month = search.get('month');
  if (month && MONTH.test(month)) filter.month = month;
  const q = search.get('q')?.trim();
  if (q) filter.q = q.slice(0, 100);
  return filter;
}

/** The URL search of the filters (keys in a fixed order, empty ones left out). */
export function searchOfQueueFilter(filter: MicroQueueFilter): URLSearchParams {
  const search = new URLSearchParams();
  if (filter.view !== 'queue') search.set('view', filter.view);
  for (const key of ['state', 'unitId', 'place', 'month', 'q'] as const) {
    const value = filter[key];
    if (value) search.set(key, value);
  }
  return search;
}

/**
 * The list query of the tab and filters: 待处理 is the office's queue (queue=review: submitted first, longest waiting
 * first, then the accepted ones awaiting a transfer); 待公开 / 已公开 are the resolved ones not yet / already
 * published; 全部 is every item, newest first. The state filter belongs to 全部 only.
 */
export function queueQueryOf(filter: MicroQueueFilter): QueryValues {
  return {
    queue: filter.view === 'queue' ? 'review' : undefined,
    published: filter.view === 'to_publish' ? 'false' : filter.view === 'published' ? 'true' : undefined,
    state: filter.view === 'all' ? filter.state : undefined,
    unitId: filter.unitId,
    place: filter.place,
    month: filter.month,
    q: filter.q,
  };
}

/** Whether any filter beyond the tab is set (the page offers 清除筛选 then). */
export function hasQueueFilter(filter: MicroQueueFilter): boolean {
  const { view: _view, ...rest } = filter;
  return Object.values(rest).some(Boolean);
}
