/**
 * The micro-suggestion (微建议) API of the web app: lists (the member's own, the office's queue), one item, its
 * history, similar items and suggested units, writing (create, autosave, photos), the workflow actions (If-Match),
 * the statistics with their Excel download. Every query key starts with ['micro-suggestions'], so any change
 * refreshes lists and details alike.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  MicroGrouping,
  MicroPhoto,
  MicroStatistics,
  MicroSuggestion,
  MicroSuggestionCreate,
  MicroSuggestionSummary,
  MicroSuggestionUpdate,
  microUnitSuggestionsSchema,
  similarMicroSchema,
} from '../../../../contracts/micro-suggestions.ts';
import { api, downloadFile, type QueryValues } from '../../lib/api.ts';

/** A page of list rows. */
export type MicroPage = { items: MicroSuggestionSummary[]; nextCursor: string | null; total?: number };
/** A micro-suggestion that looks like the one under review. */
export type SimilarMicro = z.infer<typeof similarMicroSchema>;
/** The suggested units (and categories) of a transfer. */
export type MicroUnitSuggestions = z.infer<typeof microUnitSuggestionsSchema>;
/** One step of the history. */
export type MicroHistoryEntry = { id: string; occurredAt: string; type: string; actorName: string | null; summary: string };

/** The root of every micro-suggestion query key. */
export const microKey = ['micro-suggestions'] as const;
/** The key of one micro-suggestion. */
export const microDetailKey = (id: string) => [...microKey, 'detail', id] as const;

/** The path of one micro-suggestion. */
export const microPath = (id: string) => `/micro-suggestions/${id}`;

/** One page of a list: the query is the contract's list query (mine, queue, filters), without paging. */
export function useMicroList(query: QueryValues, cursor: string | undefined, limit: number, enabled = true) {
  return useQuery({
    queryKey: [...microKey, 'list', query, cursor, limit],
    queryFn: ({ signal }) => api.get<MicroPage>('/micro-suggestions', { ...query, cursor, limit }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Loads one micro-suggestion. */
export function fetchMicro(id: string): Promise<MicroSuggestion> {
  return api.get<MicroSuggestion>(microPath(id));
}

/** One micro-suggestion (no id: nothing loaded). */
export function useMicro(id: string | null | undefined) {
  return useQuery({
    queryKey: microDetailKey(id ?? ''),
    queryFn: () => fetchMicro(id as string),
    enabled: Boolean(id),
  });
}

/** Its history, oldest first. */
export function useMicroHistory(id: string) {
  return useQuery({
    queryKey: [...microKey, 'history', id],
    queryFn: async () => (await api.get<{ items: MicroHistoryEntry[] }>(`${microPath(id)}/history`)).items,
    retry: false,
  });
}

/** Micro-suggestions like this one (the office's merge candidates), best first. */
export function useSimilarMicros(id: string | null) {
  return useQuery({
    queryKey: [...microKey, 'similar', id],
    queryFn: async () => (await api.get<{ items: SimilarMicro[] }>('/micro-suggestions/similar', { id })).items,
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

/** The units suggested for a transfer (category defaults, similar past items, the routing model). */
export function useUnitSuggestions(id: string | null) {
  return useQuery({
    queryKey: [...microKey, 'unit-suggestions', id],
    queryFn: () => api.get<MicroUnitSuggestions>(`${microPath(id as string)}/unit-suggestions`),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

/** Creates a draft of the calling member. */
export function createMicro(body: MicroSuggestionCreate, idempotencyKey?: string): Promise<MicroSuggestion> {
  return api.post<MicroSuggestion>('/micro-suggestions', body, { idempotencyKey });
}

/** Saves changed fields of a draft (If-Match: the version last saved). */
export function updateMicro(id: string, version: number, changes: MicroSuggestionUpdate): Promise<MicroSuggestion> {
  return api.patch<MicroSuggestion>(microPath(id), changes, { version });
}

/** Puts a fresh micro-suggestion into the cache and refreshes lists and history. */
export function useAdoptMicro() {
  const client = useQueryClient();
  return (item: MicroSuggestion) => {
    client.setQueryData(microDetailKey(item.id), item);
    void client.invalidateQueries({ queryKey: [...microKey, 'list'] });
    void client.invalidateQueries({ queryKey: [...microKey, 'history', item.id] });
  };
}

/** One workflow action's input: the item, its version, the body the contract asks for. */
export type MicroActionInput = { id: string; version: number; action: string; body?: unknown; idempotencyKey?: string };

/** Runs a workflow action (POST …/actions/{action}, If-Match) and answers the updated item. */
export function runMicroAction(input: MicroActionInput): Promise<MicroSuggestion> {
  return api.post<MicroSuggestion>(`${microPath(input.id)}/actions/${input.action}`, input.body ?? {}, {
    version: input.version,
    idempotencyKey: input.idempotencyKey,
  });
}

/** A workflow action as a mutation: the answer replaces the cached item, and every list refreshes. */
export function useMicroAction() {
  const adopt = useAdoptMicro();
  const client = useQueryClient();
  return useMutation({
    mutationFn: runMicroAction,
    onSuccess: (item) => {
      adopt(item);
      void client.invalidateQueries({ queryKey: microKey });
    },
  });
}

/** Uploads one photo (the kind follows the state: the problem while writing, the result while taking it on). */
export function uploadMicroPhoto(id: string, file: File): Promise<MicroPhoto> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<MicroPhoto>(`${microPath(id)}/photos`, form);
}

/** Deletes one photo. */
export function deleteMicroPhoto(id: string, photoId: string): Promise<void> {
  return api.delete(`${microPath(id)}/photos/${photoId}`);
}

/** Rates a unit's reply (the handling engine's route); the Idempotency-Key makes a retried click safe. */
export function rateMicroReply(
  replyId: string,
  body: { rating: string; comment?: string },
  idempotencyKey: string,
): Promise<unknown> {
  return api.post<unknown>(`/replies/${replyId}/ratings`, body, { idempotencyKey });
}

/** The office's figures for a span of months, grouped. */
export function useMicroStatistics(query: { from?: string; to?: string; groupBy: MicroGrouping }) {
  return useQuery({
    queryKey: [...microKey, 'statistics', query],
    queryFn: ({ signal }) => api.get<MicroStatistics>('/micro-suggestions/statistics', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Downloads the statistics (Excel) of the same query. */
export function downloadMicroStatistics(query: { from?: string; to?: string; groupBy: MicroGrouping }): Promise<void> {
  return downloadFile('/micro-suggestions/statistics/export.xlsx', query, '微建议统计.xlsx');
}
