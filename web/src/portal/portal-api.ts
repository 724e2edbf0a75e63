/** The portal's reads (GET /api/v1/portal/…, no login), as TanStack queries keyed under ['portal']. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AppraisalResults } from '../../../contracts/appraisal.ts';
import type { Award } from '../../../contracts/awards.ts';
import type { PortalProposal } from '../../../contracts/publication.ts';
import type { SearchPage } from '../../../contracts/search.ts';
import type { Statistics } from '../../../contracts/statistics.ts';
import { api } from '../lib/api.ts';
import type { PortalListQuery } from './portal-query.ts';

const key = ['portal'] as const;

/** A row of the portal's list. */
export type PortalSummary = Omit<PortalProposal, 'background' | 'suggestions' | 'replies'> & { unitNames: string[] };
/** The portal's statistics of a session: the total only. */
export type PortalStatistics = Pick<Statistics, 'sessionId' | 'sessionName' | 'total' | 'resultClasses' | 'definitions'>;
/** A session of the committee with its published count. */
export type PortalSession = { id: string; name: string; year: number; isCurrent: boolean; publishedCount: number };

export function usePortalOrganizations() {
  return useQuery({
    queryKey: [...key, 'organizations'],
    queryFn: () => api.get<{ items: { code: string; name: string }[] }>('/portal/organizations'),
  });
}

export function usePortalSessions(org: string) {
  return useQuery({
    queryKey: [...key, org, 'sessions'],
    queryFn: () => api.get<{ organization: { name: string }; items: PortalSession[] }>('/portal/sessions', { org }),
    retry: false,
  });
}

/** The published proposals (no words) or the search hits (words), one page at a time. */
export function usePortalList(org: string, query: PortalListQuery, cursor: string | undefined) {
  return useQuery({
    queryKey: [...key, org, 'list', query, cursor],
    queryFn: async () =>
      query.q
        ? { kind: 'search' as const, page: await api.get<SearchPage>('/portal/search', { org, ...query, cursor, limit: 20 }) }
        : {
            kind: 'list' as const,
            page: await api.get<{ items: PortalSummary[]; nextCursor: string | null; total?: number }>('/portal/proposals', {
              org,
              sessionId: query.sessionId,
              cursor,
              limit: 20,
            }),
          },
    placeholderData: keepPreviousData,
  });
}

export function usePortalProposal(org: string, id: string) {
  return useQuery({
    queryKey: [...key, org, 'proposal', id],
    queryFn: () => api.get<PortalProposal>(`/portal/proposals/${id}`, { org }),
    retry: false,
  });
}

export function usePortalStatistics(org: string, sessionId: string | undefined) {
  return useQuery({
    queryKey: [...key, org, 'statistics', sessionId],
    queryFn: () => api.get<PortalStatistics>('/portal/statistics', { org, sessionId }),
    enabled: Boolean(sessionId),
  });
}

export function usePortalAwards(org: string) {
  return useQuery({
    queryKey: [...key, org, 'awards'],
    queryFn: () => api.get<{ items: Award[] }>('/portal/awards', { org }),
  });
}

export function usePortalAppraisals(org: string) {
  return useQuery({
    queryKey: [...key, org, 'appraisals'],
    queryFn: () => api.get<{ items: AppraisalResults[] }>('/portal/appraisals', { org }),
  });
}
