/** The public environment (GET /api/v1/environment): the product's name and whether this is a demo site. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';

/** What /api/v1/environment answers. */
export type AppEnvironment = { demo: boolean; productName: string };

/** The environment; staleness is fine, it changes only when demo accounts are removed. */
export function useEnvironment() {
  return useQuery({
    queryKey: ['environment'],
    queryFn: () => api.get<AppEnvironment>('/environment'),
    staleTime: 10 * 60_000,
    retry: 1,
  });
}
