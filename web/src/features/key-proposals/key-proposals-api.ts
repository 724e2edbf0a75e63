/**
 * Key proposals (重点提案): the recommendations and their selection, the supervising leaders, supervision activities
 * with photos, and leaders' instructions (批示) on any proposal. Every query key starts with ['key-proposals'];
 * instructions live under ['key-proposals', 'instructions', proposalId].
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { KeyProposal, KeyProposalAction } from '../../../../contracts/key-proposals.ts';
import type { ProposalSummary } from '../../../../contracts/proposals.ts';
import { ApiError, api } from '../../lib/api.ts';
import type { RecommendValues, SupervisorOption } from './key-proposal-rules.ts';

/** The root of every key-proposal query key. */
export const keyProposalsKey = ['key-proposals'] as const;
/** The key of one proposal's instructions. */
export const instructionsKey = (proposalId: string) => [...keyProposalsKey, 'instructions', proposalId] as const;

/** A leader's instruction as the server answers it. */
export type Instruction = {
  id: string;
  proposalId: string;
  leaderName: string;
  instructedOn: string;
  text: string;
  recordedByName: string;
  createdAt: string;
};

/** Body of a supervision activity. */
export type ActivityInput = { kind: string; happenedOn: string; notes: string; photoIds: string[] };
/** Body of an instruction. */
export type InstructionInput = { leaderName: string; instructedOn: string; text: string };

/** Refreshes the key proposals (and the proposal queries, whose pages may show them). */
function useInvalidateKeyProposals() {
  const client = useQueryClient();
  return useCallback(() => {
    void client.invalidateQueries({ queryKey: keyProposalsKey });
  }, [client]);
}

/** The committee's key proposals and recommendations of a session (newest first, at most 200). */
export function useKeyProposals(filter: { sessionId?: string }, enabled = true) {
  return useQuery({
    queryKey: [...keyProposalsKey, 'list', filter],
    queryFn: async () => (await api.get<{ items: KeyProposal[] }>('/key-proposals', filter)).items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One key proposal with its supervisors and activities. */
export function useKeyProposal(id: string | null) {
  return useQuery({
    queryKey: [...keyProposalsKey, 'one', id],
    queryFn: () => api.get<KeyProposal>(`/key-proposals/${id}`),
    enabled: Boolean(id),
  });
}

/** The office records a recommendation (by its staff, a party or a special committee). */
export function useRecommendKeyProposal() {
  const invalidate = useInvalidateKeyProposals();
  return useMutation({
    mutationFn: (input: { body: RecommendValues; idempotencyKey: string }) =>
      api.post<KeyProposal>('/key-proposals', input.body, { idempotencyKey: input.idempotencyKey }),
    onSuccess: invalidate,
  });
}

/** The office's decision (If-Match: its version): shortlist, approve with supervisors, or decline with a reason. */
export function useKeyProposalDecision() {
  const invalidate = useInvalidateKeyProposals();
  return useMutation({
    mutationFn: (input: { id: string; version: number; action: KeyProposalAction; supervisorIds?: string[]; reason?: string }) =>
      api.post<KeyProposal>(
        `/key-proposals/${input.id}/actions/${input.action}`,
        input.action === 'approve'
          ? { supervisorIds: input.supervisorIds ?? [] }
          : input.action === 'decline'
            ? { reason: input.reason ?? '' }
            : {},
        { version: input.version },
      ),
    onSuccess: invalidate,
  });
}

/** Uploads one supervision photo of an approved key proposal; answers its id, to send with the activity. */
export function uploadSupervisionPhoto(keyProposalId: string, file: File): Promise<{ id: string; fileName: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<{ id: string; fileName: string }>(`/key-proposals/${keyProposalId}/photos`, form);
}

/** A supervising leader (or the office) records a supervision activity with its uploaded photos. */
export function useRecordActivity(keyProposalId: string) {
  const invalidate = useInvalidateKeyProposals();
  return useMutation({
    mutationFn: (input: { body: ActivityInput; idempotencyKey: string }) =>
      api.post<KeyProposal>(`/key-proposals/${keyProposalId}/activities`, input.body, { idempotencyKey: input.idempotencyKey }),
    onSuccess: invalidate,
  });
}

/** The leaders' instructions on a proposal, oldest first. */
export function useInstructions(proposalId: string | null | undefined) {
  return useQuery({
    queryKey: instructionsKey(proposalId ?? ''),
    queryFn: async () => (await api.get<{ items: Instruction[] }>(`/proposals/${proposalId}/instructions`)).items,
    enabled: Boolean(proposalId),
    retry: false,
  });
}

/** The office or a leader records a leader's instruction on a proposal. */
export function useRecordInstruction(proposalId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: InstructionInput; idempotencyKey: string }) =>
      api.post<Instruction>(`/proposals/${proposalId}/instructions`, input.body, { idempotencyKey: input.idempotencyKey }),
    onSuccess: () => void client.invalidateQueries({ queryKey: instructionsKey(proposalId) }),
  });
}

/** Proposals whose title, keywords or proposers match, for the recommendation and award pickers. */
export function useProposalOptions(search: string, sessionId?: string) {
  return useQuery({
    queryKey: ['proposals', 'member-list', 'options', search, sessionId],
    queryFn: () => api.get<{ items: ProposalSummary[] }>('/proposals', { q: search.trim() || undefined, sessionId, limit: 30 }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/**
 * The active supervisor and leader accounts (GET /key-proposals/supervisor-candidates, the office's list); for
 * anyone else the answer is `forbidden` and the screens fall back on the supervisors already named.
 */
export function useSupervisorAccounts() {
  return useQuery({
    queryKey: [...keyProposalsKey, 'supervisor-accounts'],
    queryFn: async (): Promise<{ items: SupervisorOption[]; forbidden: boolean }> => {
      try {
        const answer = await api.get<{ items: SupervisorOption[] }>('/key-proposals/supervisor-candidates');
        return { items: answer.items, forbidden: false };
      } catch (error) {
        if (error instanceof ApiError && error.status === 403) return { items: [], forbidden: true };
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}
