/** The office's review: the queue, one proposal, similar proposals, the review actions and bulk filing. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BulkResult, Proposal, ProposalKind, ProposalState, ProposalSummary } from '../../../../contracts/proposals.ts';
import type { SimilarItem } from '../../../../contracts/search.ts';
import { apiGet, apiRequest } from '../../pages/admin/shared/admin-api.ts';

/** A page of proposal rows. */
export type ProposalPage = { items: ProposalSummary[]; nextCursor: string | null; total?: number };
/**
 * A possibly similar item with its score (0–1) and shared key words: a proposal, or (once the server widens the
 * answer) an imported history item, which has no session or state.
 */
export type SimilarProposal = Omit<SimilarItem, 'type' | 'sharedTerms'> & {
  type?: SimilarItem['type'];
  sharedTerms?: string[];
};

/** The review actions of the office, with their Chinese names. */
export const reviewActions = ['file', 'reject', 'merge', 'return', 'convert'] as const;
export type ReviewAction = (typeof reviewActions)[number];
export const reviewActionNames: Record<ReviewAction | 'assign', string> = {
  file: '立案',
  reject: '不予立案',
  merge: '并案',
  return: '退回修改',
  convert: '转为其他形式',
  assign: '交办',
};

/** Every query of proposals starts with this key, so any change refreshes lists and details alike. */
export const proposalsKey = ['proposals'] as const;

/** Filters of the review queue. */
export type ReviewFilter = { q?: string; categoryId?: string; kind?: ProposalKind };

/** One page of the review queue (submitted proposals, longest waiting first). */
export function useReviewQueue(filter: ReviewFilter, cursor: string | undefined, limit: number) {
  return useQuery({
    queryKey: [...proposalsKey, 'review-queue', filter, cursor, limit],
    queryFn: () =>
      apiGet<ProposalPage>('/proposals', { queue: 'review', sort: 'waiting', ...filter, q: filter.q?.trim(), cursor, limit }),
    placeholderData: keepPreviousData,
  });
}

/** One page of proposals in a state (the assignment workbench lists state=filed). */
export function useProposalsInState(
  state: ProposalState,
  filter: { q?: string; categoryId?: string },
  cursor: string | undefined,
  limit: number,
) {
  return useQuery({
    queryKey: [...proposalsKey, 'list', state, filter, cursor, limit],
    queryFn: () => apiGet<ProposalPage>('/proposals', { state, ...filter, q: filter.q?.trim(), cursor, limit }),
    placeholderData: keepPreviousData,
  });
}

/** One proposal with its text and proposers (null id: nothing is loaded). */
export function useProposal(id: string | null) {
  return useQuery({
    queryKey: [...proposalsKey, 'detail', id],
    queryFn: () => apiGet<Proposal>(`/proposals/${id}`),
    enabled: Boolean(id),
  });
}

/** Items similar to a proposal's title and keywords, without the proposal itself. */
export function useSimilarProposals(title: string | undefined, excludeId: string | undefined, keywords: readonly string[] = []) {
  const words = keywords.join(' ').slice(0, 200) || undefined;
  return useQuery({
    queryKey: [...proposalsKey, 'review-similar', title, excludeId, words],
    queryFn: async () =>
      (await apiGet<{ items: SimilarProposal[] }>('/proposals/similar', { title, keywords: words, excludeId })).items,
    enabled: Boolean(title?.trim()),
    staleTime: 60_000,
  });
}

/** Filed and assigned proposals whose title matches the text: the targets a proposal may be merged into. */
export function useMergeTargets(search: string, excludeId: string | undefined) {
  return useQuery({
    queryKey: [...proposalsKey, 'merge-targets', search, excludeId],
    queryFn: async () => {
      const q = search.trim() || undefined;
      const [filed, assigned] = await Promise.all([
        apiGet<ProposalPage>('/proposals', { state: 'filed', q, limit: 30, sort: 'number' }),
        apiGet<ProposalPage>('/proposals', { state: 'assigned', q, limit: 30, sort: 'number' }),
      ]);
      return [...filed.items, ...assigned.items].filter((item) => item.id !== excludeId);
    },
    placeholderData: keepPreviousData,
  });
}

/** Runs one office action on a proposal (If-Match: the version the office saw); answers the updated proposal. */
export function useProposalAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; action: ReviewAction | 'assign'; body: unknown }) =>
      apiRequest<Proposal>('POST', `/proposals/${input.id}/actions/${input.action}`, {
        body: input.body ?? {},
        version: input.version,
      }),
    onSuccess: (proposal) => {
      client.setQueryData([...proposalsKey, 'detail', proposal.id], proposal);
      void client.invalidateQueries({ queryKey: proposalsKey });
      void client.invalidateQueries({ queryKey: ['assignments'] });
    },
  });
}

/** Files many submitted proposals at once; every item answers on its own. */
export function useBulkFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: { id: string; version: number }[]) =>
      apiRequest<BulkResult>('POST', '/proposals/bulk-actions/file', { body: { items } }),
    onSettled: () => void client.invalidateQueries({ queryKey: proposalsKey }),
  });
}
