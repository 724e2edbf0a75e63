import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type PasswordResetAction,
  type PasswordResetDecision,
  type PasswordResetRequestList,
  peopleRoutes,
} from '../../../../contracts/people.ts';
import { apiGet, apiRequest } from '../../pages/admin/shared/admin-api.ts';
import { usersKey } from './users-api.ts';

export const passwordResetsKey = ['people', 'password-resets'] as const;

/** Administrator password reset requests: the pending ones, or all recent ones. */
export function usePasswordResets(state: 'pending' | 'all') {
  return useQuery({
    queryKey: [...passwordResetsKey, state],
    queryFn: () => apiGet<PasswordResetRequestList>(peopleRoutes.passwordResetRequests, { state }),
  });
}

/** Approves (answering the one-time password once), rejects or cancels a request. */
export function usePasswordResetAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; action: PasswordResetAction; reason?: string }) =>
      apiRequest<PasswordResetDecision>('POST', peopleRoutes.passwordResetAction(input.id, input.action), {
        body: input.reason ? { reason: input.reason } : {},
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: passwordResetsKey });
      void client.invalidateQueries({ queryKey: usersKey });
    },
  });
}
