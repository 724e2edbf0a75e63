/** 督办: the board of lights (GET /supervision/board, page after page) and reminders (催办) to a unit. */
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { HandledKind } from '../../../../contracts/handled-kinds.ts';
import type { BoardPage, Light, Reminder } from '../../../../contracts/supervision.ts';
import { api } from '../../lib/api.ts';

/** Every query of the board starts with this key. */
export const boardKey = ['supervision', 'board'] as const;

/** Rows on one page of the board. */
export const BOARD_PAGE_SIZE = 20;

/** The filters of the board. */
export type BoardFilter = { sessionId?: string; unitId?: string; light?: Light; kind?: HandledKind };

/** The board under the filters, page by page ("加载更多"); `enabled` waits for the session to be known. */
export function useBoard(filter: BoardFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...boardKey, filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<BoardPage>('/supervision/board', { ...filter, cursor: pageParam, limit: BOARD_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

/** Sends one reminder (催办) to the unit of an assignment; the Idempotency-Key makes a retried click safe. */
export function useSendReminder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { assignmentId: string; message?: string; idempotencyKey: string }) =>
      api.post<Reminder>(`/assignments/${input.assignmentId}/reminders`, input.message ? { message: input.message } : {}, {
        idempotencyKey: input.idempotencyKey,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: boardKey }),
  });
}
