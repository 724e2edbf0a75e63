/** Assignment: unit suggestions, batches and their notices, the units' assignments and adjustments, category defaults. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HandledKind } from '../../../../contracts/handled-kinds.ts';
import type {
  Assignment,
  AssignmentAction,
  AssignmentBatch,
  AssignmentPlan,
  AssignmentState,
} from '../../../../contracts/proposals.ts';
import { apiGet, apiRequest, downloadFile } from '../../pages/admin/shared/admin-api.ts';
import type { UnitSuggestion } from './assignment-plan.ts';

/** Every query of assignments starts with this key. */
export const assignmentsKey = ['assignments'] as const;

/** A page of assignments. */
export type AssignmentPage = { items: Assignment[]; nextCursor: string | null; total?: number };

/** The units suggested for a proposal, with score and source. */
export function useUnitSuggestions(proposalId: string | null) {
  return useQuery({
    queryKey: ['proposals', 'unit-suggestions', proposalId],
    queryFn: async () => (await apiGet<{ items: UnitSuggestion[] }>(`/proposals/${proposalId}/unit-suggestions`)).items,
    enabled: Boolean(proposalId),
    staleTime: 60_000,
  });
}

/** One page of assignments of every kind of item, or one (a unit user gets only their unit's: the inbox). */
export function useAssignments(
  filter: { state?: AssignmentState; unitId?: string; sessionId?: string; kind?: HandledKind },
  cursor: string | undefined,
  limit = 20,
) {
  return useQuery({
    queryKey: [...assignmentsKey, 'list', filter, cursor, limit],
    queryFn: () => apiGet<AssignmentPage>('/assignments', { ...filter, cursor, limit }),
    placeholderData: keepPreviousData,
  });
}

/** Runs an action on one assignment (If-Match: its version); answers the updated assignment. */
export function useAssignmentAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; action: AssignmentAction; body?: unknown }) =>
      apiRequest<Assignment>('POST', `/assignments/${input.id}/actions/${input.action}`, {
        body: input.body ?? {},
        version: input.version,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: assignmentsKey });
      void client.invalidateQueries({ queryKey: ['proposals'] });
    },
  });
}

/** The body of a batch assignment. */
export type BatchInput = {
  title: string;
  documentNumber?: string;
  items: { id: string; version: number; plan: AssignmentPlan }[];
};

/** Confirms a batch assignment once; the Idempotency-Key makes a retry safe. */
export function useCreateBatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: BatchInput; idempotencyKey: string }) =>
      apiRequest<AssignmentBatch>('POST', '/assignment-batches', { body: input.body, idempotencyKey: input.idempotencyKey }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [...assignmentsKey, 'batches'] });
      void client.invalidateQueries({ queryKey: ['proposals'] });
    },
  });
}

/** The assignment batches of a session (all sessions when none is given). */
export function useAssignmentBatches(sessionId: string | undefined) {
  return useQuery({
    queryKey: [...assignmentsKey, 'batches', sessionId],
    queryFn: async () => (await apiGet<{ items: AssignmentBatch[] }>('/assignment-batches', { sessionId })).items,
  });
}

/**
 * Downloads one unit's assignment notice (交办通知, .docx): of a batch, or, for proposals assigned one by one, of
 * the unit's whole session.
 */
export function downloadAssignmentNotice(
  unitId: string,
  scope: { batchId?: string | null; sessionId?: string | null },
  unitName: string,
): Promise<void> {
  const query = scope.batchId ? { unitId, batchId: scope.batchId } : { unitId, sessionId: scope.sessionId };
  return downloadFile('/assignment-notices/document', query, `交办通知-${unitName}.docx`);
}

/** The default handling units of a proposal category. */
export function useCategoryDefaultUnits(categoryId: string) {
  return useQuery({
    queryKey: ['proposal-categories', categoryId, 'default-units'],
    queryFn: () => apiGet<{ categoryId: string; unitIds: string[] }>(`/proposal-categories/${categoryId}/default-units`),
    enabled: Boolean(categoryId),
  });
}

/** Replaces the default handling units of a category. */
export function useSaveCategoryDefaultUnits() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { categoryId: string; unitIds: string[] }) =>
      apiRequest<{ categoryId: string; unitIds: string[] }>('PUT', `/proposal-categories/${input.categoryId}/default-units`, {
        body: { unitIds: input.unitIds },
      }),
    onSuccess: (saved, input) => {
      client.setQueryData(['proposal-categories', input.categoryId, 'default-units'], saved ?? input);
      void client.invalidateQueries({ queryKey: ['proposals', 'unit-suggestions'] });
    },
  });
}
