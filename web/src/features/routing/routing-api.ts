/**
 * 历史数据与智能分办: the tenant's imported history and the models learned from it — the status, the history
 * import (all rows or none), its template, training now — and the category suggestions of one proposal.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImportRun } from '../../../../contracts/imports.ts';
import type { categorySuggestionsSchema, routingStatusSchema } from '../../../../contracts/routing.ts';
import { api, apiRequest, downloadFile } from '../../lib/api.ts';

/** The status of the routing models. */
export type RoutingStatus = z.infer<typeof routingStatusSchema>;
/** The suggested categories of a proposal and the model behind them. */
export type CategorySuggestions = z.infer<typeof categorySuggestionsSchema>;
/** The answer of a successful import. */
export type HistoryImportResult = { imported: number; importId: string };

/** The root of every routing query key. */
export const routingKey = ['routing'] as const;

/** The names of the models' targets. */
export const routingTargetNames: Record<RoutingStatus['models'][number]['target'], string> = {
  category: '提案类别',
  unit: '承办单位',
};

/** The file types the history import takes. */
export const HISTORY_IMPORT_ACCEPT =
  '.xlsx,.csv,.jsonl,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/x-ndjson';

/** How much history there is and when each model was last trained. */
export function useRoutingStatus() {
  return useQuery({
    queryKey: [...routingKey, 'status'],
    queryFn: () => api.get<RoutingStatus>('/routing/status'),
  });
}

/** Trains the models now; answers the new status. */
export function useTrainRouting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RoutingStatus>('/routing/train', {}),
    onSuccess: (status) => {
      client.setQueryData([...routingKey, 'status'], status);
      void client.invalidateQueries({ queryKey: routingKey });
      void client.invalidateQueries({ queryKey: ['assignments'] });
    },
  });
}

/**
 * Uploads a history file (.xlsx, .csv or .jsonl); the server writes every row or none: at once (the count), or in the
 * background (the run to follow).
 */
export function useImportHistory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiRequest<HistoryImportResult | ImportRun>('POST', '/routing/history/import', { formData: form });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: routingKey });
      void client.invalidateQueries({ queryKey: ['search'] });
    },
  });
}

/** Downloads the history import template. */
export function downloadHistoryTemplate(): Promise<void> {
  return downloadFile('/routing/history/template.xlsx', undefined, '历史数据导入模板.xlsx');
}

/** The categories the model suggests for a proposal, best first (null id: nothing is asked). */
export function useCategorySuggestions(proposalId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: [...routingKey, 'category-suggestions', proposalId],
    queryFn: () => api.get<CategorySuggestions>(`/proposals/${proposalId}/category-suggestions`),
    enabled: Boolean(proposalId) && enabled,
    staleTime: 60_000,
    retry: false,
  });
}
