/**
 * The member-facing proposal API: the list (mine, awaiting my answer, all), one proposal, its history, similar
 * proposals, and the writing actions (create, autosave, co-signers, submit, withdraw, supplements).
 * Every query key starts with ['proposals'], the key the office's screens use too, so any change anywhere
 * refreshes lists and details alike.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CoSignerAction,
  Proposal,
  ProposalCreate,
  ProposalState,
  ProposalSummary,
  ProposalUpdate,
} from '../../../../contracts/proposals.ts';
import type { SimilarItem } from '../../../../contracts/search.ts';
import { api, downloadFile } from '../../lib/api.ts';

/** A page of proposal rows. */
export type ProposalPage = { items: ProposalSummary[]; nextCursor: string | null; total?: number };
/**
 * A possibly similar item with its score (0–1) and the key words both share: a proposal, or (once the server
 * widens the answer) an imported history item, which has no session or state.
 */
export type SimilarProposal = Omit<SimilarItem, 'type' | 'sharedTerms'> & {
  type?: SimilarItem['type'];
  sharedTerms?: string[];
};
/** One step of a proposal's history. */
export type HistoryEntry = { id: string; occurredAt: string; type: string; actorName: string | null; summary: string };

/** The root of every proposal query key. */
export const proposalsKey = ['proposals'] as const;
/** The key of one proposal (the office's review screens read and write the same entry). */
export const proposalKey = (id: string) => [...proposalsKey, 'detail', id] as const;

/** Which list the screen shows. */
export type ProposalListTab = 'mine' | 'awaiting' | 'all';
/** The filters of the list. */
export type ProposalListFilter = { q?: string; state?: ProposalState };

/** One page of a proposal list. */
export function useProposalList(tab: ProposalListTab, filter: ProposalListFilter, cursor: string | undefined, limit: number) {
  return useQuery({
    queryKey: [...proposalsKey, 'member-list', tab, filter, cursor, limit],
    queryFn: () =>
      api.get<ProposalPage>('/proposals', {
        mine: tab === 'mine' ? 'true' : undefined,
        awaitingMyAnswer: tab === 'awaiting' ? 'true' : undefined,
        q: filter.q?.trim() || undefined,
        state: filter.state,
        cursor,
        limit,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The number of invitations awaiting the member's answer (the badge of the 待我联名 tab). */
export function useAwaitingCount(enabled: boolean) {
  return useQuery({
    queryKey: [...proposalsKey, 'member-list', 'awaiting-count'],
    queryFn: async () => (await api.get<ProposalPage>('/proposals', { awaitingMyAnswer: 'true', limit: 100 })).items.length,
    enabled,
  });
}

/** Loads one proposal. */
export function fetchProposal(id: string): Promise<Proposal> {
  return api.get<Proposal>(`/proposals/${id}`);
}

/** One proposal (null id: nothing loaded). */
export function useProposal(id: string | null | undefined) {
  return useQuery({
    queryKey: proposalKey(id ?? ''),
    queryFn: () => fetchProposal(id as string),
    enabled: Boolean(id),
  });
}

/** The history of a proposal, oldest first. */
export function useProposalHistory(id: string | null | undefined) {
  return useQuery({
    queryKey: [...proposalsKey, 'history', id],
    queryFn: async () => (await api.get<{ items: HistoryEntry[] }>(`/proposals/${id}/history`)).items,
    enabled: Boolean(id),
  });
}

/** Items similar to a title and keywords (this session and the last), best first. */
export function useSimilarProposals(title: string, keywords: string[], excludeId: string | undefined) {
  const trimmed = title.trim();
  const words = keywords.join(' ').slice(0, 200);
  return useQuery({
    queryKey: [...proposalsKey, 'similar', trimmed, words, excludeId],
    queryFn: async () =>
      (
        await api.get<{ items: SimilarProposal[] }>('/proposals/similar', {
          title: trimmed.slice(0, 200),
          keywords: words || undefined,
          excludeId,
        })
      ).items,
    enabled: trimmed.length >= 2,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Creates a draft. */
export function createProposal(body: ProposalCreate): Promise<Proposal> {
  return api.post<Proposal>('/proposals', body);
}

/** Saves changed fields of a draft (If-Match: the version last saved). */
export function updateProposal(id: string, version: number, changes: ProposalUpdate): Promise<Proposal> {
  return api.patch<Proposal>(`/proposals/${id}`, changes, { version });
}

/** Puts a fresh proposal into the cache and refreshes the lists and history. */
export function useAdoptProposal() {
  const client = useQueryClient();
  return (proposal: Proposal) => {
    client.setQueryData(proposalKey(proposal.id), proposal);
    void client.invalidateQueries({ queryKey: [...proposalsKey, 'member-list'] });
    void client.invalidateQueries({ queryKey: [...proposalsKey, 'history', proposal.id] });
  };
}

/** A writing action on one proposal that answers the updated proposal. */
function useProposalMutation<Input>(run: (input: Input) => Promise<Proposal>) {
  const adopt = useAdoptProposal();
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (proposal) => {
      adopt(proposal);
      void client.invalidateQueries({ queryKey: proposalsKey });
    },
  });
}

/** Invites co-signers with a deadline. */
export function useInviteCoSigners() {
  return useProposalMutation((input: { id: string; version: number; memberIds: string[]; deadline: string }) =>
    api.post<Proposal>(
      `/proposals/${input.id}/co-signers`,
      { memberIds: input.memberIds, deadline: input.deadline },
      { version: input.version },
    ),
  );
}

/** Accepts, declines or cancels one invitation. */
export function useCoSignerAction() {
  return useProposalMutation((input: { id: string; memberId: string; action: CoSignerAction }) =>
    api.post<Proposal>(`/proposals/${input.id}/co-signers/${input.memberId}/actions/${input.action}`),
  );
}

/** Submits a proposal; the Idempotency-Key makes a retried click safe. */
export function useSubmitProposal() {
  return useProposalMutation((input: { id: string; version: number; idempotencyKey: string }) =>
    api.post<Proposal>(
      `/proposals/${input.id}/actions/submit`,
      {},
      { version: input.version, idempotencyKey: input.idempotencyKey },
    ),
  );
}

/** Withdraws a proposal, with an optional reason. */
export function useWithdrawProposal() {
  return useProposalMutation((input: { id: string; version: number; reason?: string }) =>
    api.post<Proposal>(`/proposals/${input.id}/actions/withdraw`, input.reason ? { reason: input.reason } : {}, {
      version: input.version,
    }),
  );
}

/** Adds a supplement (补充材料) to a submitted proposal. */
export function useAddSupplement() {
  return useProposalMutation((input: { id: string; text: string }) =>
    api.post<Proposal>(`/proposals/${input.id}/supplements`, { text: input.text }),
  );
}

/** Downloads the proposal's Word form. */
export function downloadProposalDocument(proposal: Pick<Proposal, 'id' | 'title'>): Promise<void> {
  return downloadFile(`/proposals/${proposal.id}/document`, undefined, `提案 ${proposal.title.slice(0, 40)}.docx`);
}
