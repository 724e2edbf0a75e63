/** Awards (表彰): excellent proposals and model units per year, listed for staff and recorded by the office. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Award, AwardKind } from '../../../../contracts/awards.ts';
import { api } from '../../lib/api.ts';
import type { awardBody } from './award-rules.ts';

/** The root of every award query key. */
export const awardsKey = ['awards'] as const;

/** The awards of a year (or every year), of one kind or both; newest year first. */
export function useAwards(filter: { year?: number; kind?: AwardKind }) {
  return useQuery({
    queryKey: [...awardsKey, 'list', filter],
    queryFn: async () => (await api.get<{ items: Award[] }>('/awards', filter)).items,
    placeholderData: keepPreviousData,
  });
}

/** The years that have awards (every award, once), for the year select. */
export function useAwardYears() {
  return useQuery({
    queryKey: [...awardsKey, 'years'],
    queryFn: async () => [...new Set((await api.get<{ items: Award[] }>('/awards')).items.map((award) => award.year))],
    staleTime: 5 * 60_000,
  });
}

/** The office records an excellent proposal or a model unit of a year. */
export function useGrantAward() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: ReturnType<typeof awardBody>; idempotencyKey: string }) =>
      api.post<Award>('/awards', input.body, { idempotencyKey: input.idempotencyKey }),
    onSuccess: () => void client.invalidateQueries({ queryKey: awardsKey }),
  });
}
