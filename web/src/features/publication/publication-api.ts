/**
 * Publication (公开): the office's queue of replied proposals by decision, the redacted preview of one, the
 * decision (If-Match: the proposal's version) and the bulk publication. Changes refresh every proposal query.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublicationDecision, PublicationPreview } from '../../../../contracts/publication.ts';
import { api } from '../../lib/api.ts';
import { type ProposalPage, proposalsKey } from '../proposals/proposals-api.ts';

/** The queue's tabs: the values of the list's `publication` filter. */
export type PublicationFilter = 'pending' | 'published' | 'not_published';

/** One page of the queue (under ['proposals'], so any proposal change refreshes it). */
export function usePublicationQueue(
  filter: PublicationFilter,
  sessionId: string | undefined,
  cursor: string | undefined,
  limit: number,
) {
  return useQuery({
    queryKey: [...proposalsKey, 'publication-queue', filter, sessionId, cursor, limit],
    queryFn: () => api.get<ProposalPage>('/proposals', { publication: filter, sessionId, cursor, limit, sort: 'number' }),
    placeholderData: keepPreviousData,
  });
}

/** The redacted public text the office reviews, with what was removed and why it may not be published. */
export function usePublicationPreview(proposalId: string | null) {
  return useQuery({
    queryKey: [...proposalsKey, 'publication-preview', proposalId],
    queryFn: () => api.get<PublicationPreview>(`/proposals/${proposalId}/publication-preview`),
    enabled: Boolean(proposalId),
  });
}

/** Body of a decision: partly published carries the edited text. */
export type DecisionInput = {
  proposalId: string;
  version: number;
  decision: PublicationDecision;
  reason?: string;
  text?: { background?: string; suggestions?: string; replies?: { replyId: string; text: string }[] };
};

/** Records the office's decision. */
export function useDecidePublication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ proposalId, version, ...body }: DecisionInput) =>
      api.post<{ decision: PublicationDecision; publicationId: string | null }>(`/proposals/${proposalId}/publication`, body, {
        version,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: proposalsKey }),
  });
}

/** The answer of a bulk publication: how many were published and each item's outcome. */
export type BulkResult = {
  published: number;
  items: { id: string; ok: boolean; code: string | null; detail: string | null }[];
};

/** Publishes many proposals as they are (automatic redaction). */
export function useBulkPublish() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: { id: string; version: number }[]) => api.post<BulkResult>('/publication/bulk', { items }),
    onSuccess: () => void client.invalidateQueries({ queryKey: proposalsKey }),
  });
}
