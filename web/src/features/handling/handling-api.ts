/**
 * Handling (提案办理): one assignment's handling view, contacts, co-handlers' opinions, extension requests, replies
 * and their workflow actions, and the proposers' ratings. Every query key starts with ['handling']; a change also
 * refreshes the proposal and assignment queries, whose states move with it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type {
  Contact,
  ContactMethod,
  CoOpinion,
  Extension,
  ExtensionAction,
  ExtensionState,
  HandlingView,
  ItemReplies,
  ProposalReplies,
  Rating,
  Reply,
  ReplyAction,
} from '../../../../contracts/handling.ts';
import { api, newIdempotencyKey } from '../../lib/api.ts';

/** The root of every handling query key. */
export const handlingKey = ['handling'] as const;
/** The key of one assignment's handling view. */
export const handlingViewKey = (assignmentId: string) => [...handlingKey, 'view', assignmentId] as const;
/** The key of one proposal's replies. */
export const proposalRepliesKey = (proposalId: string) => [...handlingKey, 'proposal-replies', proposalId] as const;
/** The key of one handled item's replies (any kind: GET /items/{id}/replies). */
export const itemRepliesKey = (itemId: string) => [...handlingKey, 'item-replies', itemId] as const;

/** Body of a contact record. */
export type ContactInput = { method: ContactMethod; contactedOn: string; people: string; summary: string };
/** Body of a reply draft or edit. */
export type ReplyInput = {
  kind?: 'reply' | 'follow_up';
  text: string;
  resultClass?: string;
  contactPerson: string;
  contactPhone: string;
  followUpDueOn?: string;
};
/** Body of a rating. */
export type RatingInput = { rating: Rating; contacted?: boolean; addressed?: boolean; comment?: string };

/** Refreshes everything a handling change may move: handling, the items' owners (proposals, micro-suggestions), assignments. */
export function useInvalidateHandling() {
  const client = useQueryClient();
  return useCallback(() => {
    void client.invalidateQueries({ queryKey: handlingKey });
    void client.invalidateQueries({ queryKey: ['proposals'] });
    void client.invalidateQueries({ queryKey: ['micro-suggestions'] });
    void client.invalidateQueries({ queryKey: ['assignments'] });
  }, [client]);
}

/**
 * An Idempotency-Key for one submission: the same key until the submission succeeds (so a retry after a lost
 * answer never records twice), a fresh one after.
 */
export function useSubmissionKey(): { key: () => string; done: () => void } {
  const ref = useRef<string | null>(null);
  const key = useCallback(() => {
    ref.current ??= newIdempotencyKey();
    return ref.current;
  }, []);
  const done = useCallback(() => {
    ref.current = null;
  }, []);
  return { key, done };
}

/** Everything a unit needs to handle one assignment. */
export function useHandlingView(assignmentId: string | undefined) {
  return useQuery({
    queryKey: handlingViewKey(assignmentId ?? ''),
    queryFn: () => api.get<HandlingView>(`/assignments/${assignmentId}/handling`),
    enabled: Boolean(assignmentId),
  });
}

/** Records a contact with the proposers. */
export function useRecordContact(assignmentId: string) {
  const invalidate = useInvalidateHandling();
  return useMutation({
    mutationFn: (input: { body: ContactInput; idempotencyKey: string }) =>
      api.post<Contact>(`/assignments/${assignmentId}/contacts`, input.body, { idempotencyKey: input.idempotencyKey }),
    onSuccess: invalidate,
  });
}

/** Sends the co-handler's opinion to the lead unit. */
export function useSendCoOpinion(assignmentId: string) {
  const invalidate = useInvalidateHandling();
  return useMutation({
    mutationFn: (input: { text: string; idempotencyKey: string }) =>
      api.post<CoOpinion>(
        `/assignments/${assignmentId}/co-opinion`,
        { text: input.text },
        { idempotencyKey: input.idempotencyKey },
      ),
    onSuccess: invalidate,
  });
}

/** Asks for a later due date. */
export function useRequestExtension(assignmentId: string) {
  const invalidate = useInvalidateHandling();
  return useMutation({
    mutationFn: (input: { body: { requestedDueOn: string; reason: string }; idempotencyKey: string }) =>
      api.post<Extension>(`/assignments/${assignmentId}/extension-requests`, input.body, {
        idempotencyKey: input.idempotencyKey,
      }),
    onSuccess: invalidate,
  });
}

/** Extension requests (the office: all; a unit: its own). */
export function useExtensions(filter: { state?: ExtensionState; assignmentId?: string }) {
  return useQuery({
    queryKey: [...handlingKey, 'extensions', filter],
    queryFn: async () => (await api.get<{ items: Extension[] }>('/extension-requests', filter)).items,
  });
}

/** The office approves or refuses an extension request (If-Match: its version). */
export function useExtensionDecision() {
  const invalidate = useInvalidateHandling();
  return useMutation({
    mutationFn: (input: { id: string; version: number; action: ExtensionAction; reason?: string }) =>
      api.post<Extension>(
        `/extension-requests/${input.id}/actions/${input.action}`,
        input.reason ? { reason: input.reason } : {},
        { version: input.version },
      ),
    onSuccess: invalidate,
  });
}

/** Starts a reply (or a follow-up report) for the assignment. */
export function useDraftReply(assignmentId: string) {
  const invalidate = useInvalidateHandling();
  return useMutation({
    mutationFn: (input: { body: ReplyInput; idempotencyKey: string }) =>
      api.post<Reply>(`/assignments/${assignmentId}/replies`, input.body, { idempotencyKey: input.idempotencyKey }),
    onSuccess: invalidate,
  });
}

/** Saves changes to a draft or returned reply (If-Match: its version). */
export function useUpdateReply() {
  const invalidate = useInvalidateHandling();
  return useMutation({
    mutationFn: (input: { id: string; version: number; body: Omit<ReplyInput, 'kind'> }) =>
      api.patch<Reply>(`/replies/${input.id}`, input.body, { version: input.version }),
    onSuccess: invalidate,
  });
}

/** Runs a workflow action on a reply (If-Match: its version): submit, sign off, send, return, release. */
export function useReplyAction() {
  const invalidate = useInvalidateHandling();
  return useMutation({
    mutationFn: (input: { id: string; version: number; action: ReplyAction; body?: object }) =>
      api.post<Reply>(`/replies/${input.id}/actions/${input.action}`, input.body ?? {}, { version: input.version }),
    onSuccess: invalidate,
  });
}

/** The replies of a proposal, for its proposers and staff. */
export function useProposalReplies(proposalId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: proposalRepliesKey(proposalId ?? ''),
    queryFn: () => api.get<ProposalReplies>(`/proposals/${proposalId}/replies`),
    enabled: Boolean(proposalId) && enabled,
    retry: false,
  });
}

/** The replies of a handled item of any kind (a proposal, a micro-suggestion), for its raters and staff. */
export function useItemReplies(itemId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: itemRepliesKey(itemId ?? ''),
    queryFn: () => api.get<ItemReplies>(`/items/${itemId}/replies`),
    enabled: Boolean(itemId) && enabled,
    retry: false,
  });
}

/** A rater rates a reply; answers the item's replies after the rating (`proposalId`: the item's id, any kind). */
export function useRateReply(proposalId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidateHandling();
  return useMutation({
    mutationFn: (input: { replyId: string; body: RatingInput; idempotencyKey: string }) =>
      api.post<ItemReplies>(`/replies/${input.replyId}/ratings`, input.body, { idempotencyKey: input.idempotencyKey }),
    onSuccess: (replies) => {
      client.setQueryData(proposalRepliesKey(proposalId), replies);
      client.setQueryData(itemRepliesKey(proposalId), replies);
      invalidate();
    },
  });
}
