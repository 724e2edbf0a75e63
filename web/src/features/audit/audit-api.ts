import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  type AuditEventDetail,
  type AuditEventPage,
  auditRoutes,
  type ChainVerification,
  type EventResult,
} from '../../../../contracts/audit.ts';
import { apiGet } from '../../pages/admin/shared/admin-api.ts';

/** Filters of the audit log as the screen holds them; dates are business dates (YYYY-MM-DD, both included). */
export type AuditFilter = {
  type?: string;
  actorId?: string;
  subjectType?: string;
  subjectId?: string;
  result?: EventResult;
  fromDate?: string;
  toDate?: string;
};

/** The next calendar day of a YYYY-MM-DD date. */
export function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return next.toISOString().slice(0, 10);
}

/**
 * The server query of the filter: the date range becomes instants in China time (UTC+8), `from` inclusive and
 * `to` exclusive, so "to 3 月 1 日" includes the whole of 1 March.
 */
export function auditQuery(filter: AuditFilter): Record<string, string | undefined> {
  return {
    type: filter.type?.trim() || undefined,
    actorId: filter.actorId || undefined,
    subjectType: filter.subjectType?.trim() || undefined,
    subjectId: filter.subjectId?.trim() || undefined,
    result: filter.result,
    from: filter.fromDate ? `${filter.fromDate}T00:00:00+08:00` : undefined,
    to: filter.toDate ? `${nextDay(filter.toDate)}T00:00:00+08:00` : undefined,
  };
}

/** One page of the audit log, newest first. */
export function useAuditEvents(filter: AuditFilter, cursor: string | undefined, limit: number) {
  return useQuery({
    queryKey: ['audit', 'events', filter, cursor, limit],
    queryFn: () => apiGet<AuditEventPage>(`/api/v1${auditRoutes.events}`, { ...auditQuery(filter), cursor, limit }),
    placeholderData: keepPreviousData,
  });
}

/** One event in full. */
export function useAuditEvent(id: string | null) {
  return useQuery({
    queryKey: ['audit', 'event', id],
    queryFn: () => apiGet<AuditEventDetail>(`/api/v1${auditRoutes.event(id!)}`),
    enabled: Boolean(id),
  });
}

/** The event types seen in the committee's log, for the type filter. */
export function useAuditEventTypes() {
  return useQuery({
    queryKey: ['audit', 'event-types'],
    queryFn: async () => (await apiGet<{ items: string[] }>(`/api/v1${auditRoutes.eventTypes}`)).items,
    staleTime: 60_000,
  });
}

/** Recomputes the hash chain (itself recorded as an event). */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => apiGet<ChainVerification>(`/api/v1${auditRoutes.verify}`) });
}
