/** The full-text search of the staff: GET /search, page after page ("加载更多"). */
import { useInfiniteQuery } from '@tanstack/react-query';
import type { SearchPage } from '../../../../contracts/search.ts';
import { api } from '../../lib/api.ts';
import { type SearchFilter, searchQueryOf } from './search-query.ts';

/** The results on one page. */
export const SEARCH_PAGE_SIZE = 20;

/** The root of every search query key. */
export const searchKey = ['search'] as const;

/** The results of a search, page by page; nothing is asked while the words are empty. */
export function useSearchResults(filter: SearchFilter) {
  const query = searchQueryOf(filter);
  return useInfiniteQuery({
    queryKey: [...searchKey, query],
    queryFn: ({ pageParam, signal }) =>
      api.get<SearchPage>('/search', { ...query, cursor: pageParam, limit: SEARCH_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: filter.q.trim().length > 0,
    staleTime: 30_000,
  });
}
