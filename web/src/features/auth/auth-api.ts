/** The auth routes as TanStack Query hooks: the logged-in user, login steps, password, TOTP and sessions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LoginResponse,
  LoginSessionList,
  Me,
  PasswordChangeRequest,
  PasswordRules,
  TotpSetupResponse,
} from '../../../../contracts/auth.ts';
import { ApiError, api } from '../../lib/api.ts';

/** The query key of the logged-in user (shared with the admin screens). */
export const meQueryKey = ['auth', 'me'] as const;
/** The query key of the user's sessions. */
export const sessionsQueryKey = ['auth', 'sessions'] as const;

/** GET /auth/me. */
export function fetchMe(): Promise<Me> {
  return api.get<Me>('/auth/me');
}

/** The logged-in user; its error is an ApiError 401 when nobody is logged in. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** True when the error means "nobody is logged in" rather than a failure to show. */
export function isLoggedOut(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.code === 'session_second_factor_pending');
}

/** The steps a logged-in user must still take before using the app. */
export function pendingSteps(me: Me | undefined): ('password' | 'totp')[] {
  if (!me) return [];
  const steps: ('password' | 'totp')[] = [];
  if (me.mustChangePassword) steps.push('password');
  if (me.totpEnrollmentRequired) steps.push('totp');
  return steps;
}

/** The committee's password rules from /auth/me; the defaults (8 characters, 3 classes) before it has loaded. */
export function passwordRulesOf(me: Me | undefined): PasswordRules {
  return { passwordMinLength: me?.security.passwordMinLength ?? 8, passwordMinClasses: me?.security.passwordMinClasses ?? 3 };
}

/** POST /auth/login. */
export function useLogin() {
  return useMutation({
    mutationFn: (input: { username: string; password: string; org?: string }) => api.post<LoginResponse>('/auth/login', input),
  });
}

/** POST /auth/login/second-factor. */
export function useSecondFactor() {
  return useMutation({
    mutationFn: (code: string) => api.post<LoginResponse>('/auth/login/second-factor', { code }),
  });
}

/** POST /auth/password; refreshes the user. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChangeRequest) => api.post<Me>('/auth/password', input),
    onSuccess: (me) => {
      client.setQueryData(meQueryKey, me);
      client.invalidateQueries({ queryKey: sessionsQueryKey });
    },
  });
}

/** POST /auth/totp/setup: a new secret and its otpauth URI. */
export function useTotpSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetupResponse>('/auth/totp/setup') });
}

/** POST /auth/totp/enable; refreshes the user. */
export function useTotpEnable() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<Me>('/auth/totp/enable', { code }),
    onSuccess: (me) => client.setQueryData(meQueryKey, me),
  });
}

/** POST /auth/totp/disable; refreshes the user. */
export function useTotpDisable() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.post<Me>('/auth/totp/disable', { password }),
    onSuccess: (me) => client.setQueryData(meQueryKey, me),
  });
}

/** GET /auth/sessions. */
export function useSessions() {
  return useQuery({ queryKey: sessionsQueryKey, queryFn: () => api.get<LoginSessionList>('/auth/sessions') });
}

/** DELETE /auth/sessions/{id}; refreshes the list. */
export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/auth/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

/** POST /auth/logout, then forgets every cached answer. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => client.clear(),
  });
}
