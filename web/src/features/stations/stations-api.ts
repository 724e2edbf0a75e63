/** Liaison stations and member studios: the list, visits, duty days and counts, as TanStack queries and mutations. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type {
  DutyDay,
  DutyDayCreateInput,
  DutyDayUpdateInput,
  Station,
  StationCounts,
  StationCreateInput,
  StationKind,
  StationUpdateInput,
  Visit,
  VisitAction,
  VisitCloseInput,
  VisitConvertInput,
  VisitCreateInput,
  VisitorContact,
  VisitPage,
  VisitState,
  VisitUpdateInput,
} from '../../../../contracts/stations.ts';
import { ApiError, api, newIdempotencyKey } from '../../lib/api.ts';

/**
 * The Idempotency-Key of one submission: kept while the answer may have been lost (network trouble, a server
 * error), so a retry never records twice; renewed once the server has answered (success, or a refusal the user
 * then corrects, which is a new request).
 */
export function useSubmissionKey(): { key: () => string; settle: (error?: unknown) => void } {
  const ref = useRef<string | null>(null);
  const key = useCallback(() => {
    ref.current ??= newIdempotencyKey();
    return ref.current;
  }, []);
  const settle = useCallback((error?: unknown) => {
    if (error === undefined || (error instanceof ApiError && error.status >= 400 && error.status < 500)) ref.current = null;
  }, []);
  return { key, settle };
}

/** The root of every station query key. */
export const stationsKey = ['stations'] as const;

/** The committee's stations and studios (every kind, active or not unless filtered). */
export function useStations(filter: { kind?: StationKind; active?: boolean } = {}) {
  return useQuery({
    queryKey: [...stationsKey, 'list', filter],
    queryFn: async () => (await api.get<{ items: Station[] }>('/stations', filter)).items,
    staleTime: 60_000,
  });
}

/** One station (the station staff's own, for its attached members). */
export function useStation(id: string | null | undefined) {
  return useQuery({
    queryKey: [...stationsKey, 'one', id],
    queryFn: () => api.get<Station>(`/stations/${id}`),
    enabled: Boolean(id),
  });
}

/** The office adds a station or studio. */
export function useCreateStation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: StationCreateInput; idempotencyKey: string }) =>
      api.post<Station>('/stations', input.body, { idempotencyKey: input.idempotencyKey }),
    onSuccess: () => void client.invalidateQueries({ queryKey: stationsKey }),
  });
}

/** The office edits a station at the version it saw. */
export function useUpdateStation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; body: StationUpdateInput }) =>
      api.patch<Station>(`/stations/${input.id}`, input.body, { version: input.version }),
    onSuccess: () => void client.invalidateQueries({ queryKey: stationsKey }),
  });
}

/** Counts per station over a period (every station for the office, their own for station staff). */
export function useStationCounts(filter: { from?: string; to?: string; stationId?: string }) {
  return useQuery({
    queryKey: [...stationsKey, 'counts', filter],
    queryFn: () => api.get<StationCounts>('/stations/counts', filter),
    placeholderData: keepPreviousData,
  });
}

/** Filters of the visit list. */
export type VisitFilter = { stationId?: string; state?: VisitState; from?: string; to?: string };

/** One page of visits, newest first. */
export function useVisits(filter: VisitFilter, cursor: string | undefined, limit = 20) {
  return useQuery({
    queryKey: [...stationsKey, 'visits', filter, cursor, limit],
    queryFn: () => api.get<VisitPage>('/station-visits', { ...filter, cursor, limit }),
    placeholderData: keepPreviousData,
  });
}

/** One visit with the actions the user may take now. */
export function useVisit(id: string) {
  return useQuery({
    queryKey: [...stationsKey, 'visit', id],
    queryFn: () => api.get<Visit>(`/station-visits/${id}`),
    retry: false,
  });
}

/** Records a visit (one Idempotency-Key per submit, reused on retry). */
export function useRecordVisit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: VisitCreateInput; idempotencyKey: string }) =>
      api.post<Visit>('/station-visits', input.body, { idempotencyKey: input.idempotencyKey }),
    onSuccess: () => void client.invalidateQueries({ queryKey: stationsKey }),
  });
}

/** Corrects an open visit. */
export function useUpdateVisit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; body: VisitUpdateInput }) =>
      api.patch<Visit>(`/station-visits/${input.id}`, input.body, { version: input.version }),
    onSuccess: () => void client.invalidateQueries({ queryKey: stationsKey }),
  });
}

/** Closes a visit's matter on the spot, or turns it into a micro-suggestion. */
export function useVisitAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      id: string;
      version: number;
      action: VisitAction;
      body: VisitCloseInput | VisitConvertInput;
      idempotencyKey: string;
    }) =>
      api.post<Visit>(`/station-visits/${input.id}/actions/${input.action}`, input.body, {
        version: input.version,
        idempotencyKey: input.idempotencyKey,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: stationsKey }),
  });
}

/** Shows the visitor's clear name and phone once (the server records the look). */
export function useRevealVisitor() {
  return useMutation({ mutationFn: (id: string) => api.post<VisitorContact>(`/station-visits/${id}/reveal`) });
}

/** Filters of the duty-day calendar: a date range, and a station or a member. */
export type DutyFilter = { from: string; to: string; stationId?: string; memberId?: string };

/** The duty days of a date range, by date. */
export function useDutyDays(filter: DutyFilter, enabled = true) {
  return useQuery({
    queryKey: [...stationsKey, 'duty', filter],
    queryFn: async () => (await api.get<{ items: DutyDay[] }>('/station-duty-days', filter)).items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Schedules a duty day. */
export function useScheduleDuty() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: DutyDayCreateInput; idempotencyKey: string }) =>
      api.post<DutyDay>('/station-duty-days', input.body, { idempotencyKey: input.idempotencyKey }),
    onSuccess: () => void client.invalidateQueries({ queryKey: stationsKey }),
  });
}

/** Moves a duty day or changes its note. */
export function useUpdateDuty() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; body: DutyDayUpdateInput }) =>
      api.patch<DutyDay>(`/station-duty-days/${input.id}`, input.body, { version: input.version }),
    onSuccess: () => void client.invalidateQueries({ queryKey: stationsKey }),
  });
}

/** Cancels a duty day. */
export function useCancelDuty() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number }) =>
      api.delete(`/station-duty-days/${input.id}`, { version: input.version }),
    onSuccess: () => void client.invalidateQueries({ queryKey: stationsKey }),
  });
}
