/** The portal's reads of published micro-suggestions (GET /api/v1/portal/micro-suggestions…, no login). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PortalMicro, PortalMicroCounts, portalMicroSummarySchema } from '../../../contracts/micro-suggestions.ts';
import { api } from '../lib/api.ts';

/** A row of the portal's list. */
export type PortalMicroSummary = z.infer<typeof portalMicroSummarySchema>;
/** A page of rows. */
export type PortalMicroPage = { items: PortalMicroSummary[]; nextCursor: string | null; total?: number };

const key = ['portal', 'micro-suggestions'] as const;

/** One page of the published micro-suggestions, optionally of one place. */
export function usePortalMicroList(org: string, place: string | undefined, cursor: string | undefined) {
  return useQuery({
    queryKey: [...key, org, 'list', place, cursor],
    queryFn: () => api.get<PortalMicroPage>('/portal/micro-suggestions', { org, place, cursor, limit: 20 }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** One published micro-suggestion. */
export function usePortalMicro(org: string, id: string) {
  return useQuery({
    queryKey: [...key, org, 'detail', id],
    queryFn: () => api.get<PortalMicro>(`/portal/micro-suggestions/${id}`, { org }),
    retry: false,
  });
}

/** The counts: raised, resolved, average days to resolve, published (one year, or all years). */
export function usePortalMicroCounts(org: string, year?: number) {
  return useQuery({
    queryKey: [...key, org, 'counts', year],
    queryFn: () => api.get<PortalMicroCounts>('/portal/micro-suggestions/counts', { org, year }),
    retry: false,
  });
}
