/** 工作台: every card of the current user (GET /workbench), counted on the server at one moment. */
import { useQuery } from '@tanstack/react-query';
import type { Workbench } from '../../../../contracts/workbench.ts';
import { api } from '../../lib/api.ts';

/** The query key of the workbench; a screen that changes what waits may invalidate it. */
export const workbenchKey = ['workbench'] as const;

/** The user's cards; fetched again whenever the workbench is opened or the window regains focus. */
export function useWorkbench() {
  return useQuery({
    queryKey: workbenchKey,
    queryFn: ({ signal }) => api.get<Workbench>('/workbench', undefined, { signal }),
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}
