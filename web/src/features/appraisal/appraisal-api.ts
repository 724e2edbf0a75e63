/**
 * Appraisal (民主评议): the office drafts an appraisal with its score form, opens, closes and publishes it; standing
 * committee members score each unit while it is open; the results with the minimum number of scores. Every query
 * key starts with ['appraisals'].
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Appraisal, AppraisalAction, AppraisalResults } from '../../../../contracts/appraisal.ts';
import { api } from '../../lib/api.ts';
import type { Criterion } from './appraisal-rules.ts';

/** The root of every appraisal query key. */
export const appraisalsKey = ['appraisals'] as const;
/** The key of one appraisal's results. */
export const appraisalResultsKey = (id: string) => [...appraisalsKey, 'results', id] as const;

/** Body of a new appraisal. */
export type AppraisalInput = {
  title: string;
  sessionId: string;
  scope: 'key' | 'all';
  minScores: number;
  criteria: Criterion[];
};
/** Body of one member's scores for one unit. */
export type ScoreInput = { unitId: string; scores: Record<string, number>; comment?: string };

/** Refreshes the appraisals and their results. */
function useInvalidateAppraisals() {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries({ queryKey: appraisalsKey }), [client]);
}

/** The appraisals: all for the office, leaders and supervisors; the open ones for standing committee members. */
export function useAppraisals() {
  return useQuery({
    queryKey: [...appraisalsKey, 'list'],
    queryFn: async () => (await api.get<{ items: Appraisal[] }>('/appraisals')).items,
    retry: false,
  });
}

/** The office drafts an appraisal. */
export function useCreateAppraisal() {
  const invalidate = useInvalidateAppraisals();
  return useMutation({
    mutationFn: (input: { body: AppraisalInput; idempotencyKey: string }) =>
      api.post<Appraisal>('/appraisals', input.body, { idempotencyKey: input.idempotencyKey }),
    onSuccess: invalidate,
  });
}

/** The office opens, closes or publishes an appraisal (If-Match: its version). */
export function useAppraisalAction() {
  const invalidate = useInvalidateAppraisals();
  return useMutation({
    mutationFn: (input: { id: string; version: number; action: AppraisalAction }) =>
      api.post<Appraisal>(`/appraisals/${input.id}/actions/${input.action}`, {}, { version: input.version }),
    onSuccess: invalidate,
  });
}

/** A standing committee member scores one unit (again: replaces their earlier form); answers the appraisal. */
export function useSubmitScore(appraisalId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ScoreInput) => api.post<Appraisal>(`/appraisals/${appraisalId}/scores`, body),
    onSuccess: (appraisal) => {
      client.setQueryData<Appraisal[]>([...appraisalsKey, 'list'], (items) =>
        items?.map((item) => (item.id === appraisal.id ? appraisal : item)),
      );
      void client.invalidateQueries({ queryKey: appraisalResultsKey(appraisalId) });
    },
  });
}

/** The results of an appraisal (the office, leaders and supervisors at any time; everyone once published). */
export function useAppraisalResults(id: string | null) {
  return useQuery({
    queryKey: appraisalResultsKey(id ?? ''),
    queryFn: () => api.get<AppraisalResults>(`/appraisals/${id}/results`),
    enabled: Boolean(id),
    retry: false,
  });
}
