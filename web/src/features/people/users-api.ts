import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  peopleRoutes,
  type User,
  type UserAction,
  type UserCreateInput,
  type UserPage,
  type UserState,
  type UserUpdateInput,
  type UserWithPassword,
} from '../../../../contracts/people.ts';
import type { Role } from '../../../../contracts/roles.ts';
import { apiGet, apiRequest } from '../../pages/admin/shared/admin-api.ts';

/** Filters of the account list. */
export type UserListFilter = { q?: string; role?: Role; state?: UserState };

export const usersKey = ['people', 'users'] as const;

/** One page of accounts. */
export function useUsers(filter: UserListFilter, cursor: string | undefined, limit: number) {
  return useQuery({
    queryKey: [...usersKey, 'list', filter, cursor, limit],
    queryFn: () => apiGet<UserPage>(peopleRoutes.users, { ...filter, q: filter.q?.trim() || undefined, cursor, limit }),
    placeholderData: keepPreviousData,
  });
}

/** One account with its state, version and the actions the current user may take. */
export function useUser(id: string | null) {
  return useQuery({
    queryKey: [...usersKey, 'one', id],
    queryFn: () => apiGet<User>(peopleRoutes.user(id!)),
    enabled: Boolean(id),
  });
}

/** Creates an account; the answer carries the generated initial password once. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (values: UserCreateInput) => apiRequest<UserWithPassword>('POST', peopleRoutes.users, { body: values }),
    onSuccess: () => void client.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Updates an account (name, roles, links) with If-Match. */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; values: UserUpdateInput }) =>
      apiRequest<User>('PATCH', peopleRoutes.user(input.id), { body: input.values, version: input.version }),
    onSuccess: () => void client.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Takes a workflow action on an account; reset_password answers the one-time password. */
export function useUserAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; action: UserAction; reason?: string }) =>
      apiRequest<UserWithPassword>('POST', peopleRoutes.userAction(input.id, input.action), {
        body: input.reason ? { reason: input.reason } : {},
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: usersKey }),
  });
}
