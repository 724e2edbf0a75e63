/**
 * Session awareness: a lost session (401, or a login step still pending) sends the user back to the login screen
 * with the reason, and an idle session is noticed when the server's idle limit has passed without any request.
 */
import type { QueryClient } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Me } from '../../../contracts/auth.ts';
import { meQueryKey } from '../features/auth/auth-api.ts';
import { lastApiActivity, onUnauthorized } from '../lib/api.ts';

/** What the session handler needs of the router. */
type Navigator = {
  navigate: (to: string, options: { replace: boolean; state: { from?: string; reason?: string } }) => unknown;
  state: { location: { pathname: string; search: string } };
};

/** Sends every lost session back to login: clears cached answers (they may hold personal data) and navigates. */
export function installSessionHandlers(router: Navigator, client: QueryClient): void {
  onUnauthorized((error) => {
    const { pathname, search } = router.state.location;
    if (pathname === '/login') return;
    if (error.status === 403) {
      void client.invalidateQueries({ queryKey: meQueryKey });
      router.navigate('/login', { replace: true, state: { from: pathname + search } });
      return;
    }
    client.clear();
    router.navigate('/login', { replace: true, state: { from: pathname + search, reason: error.code } });
  });
}

/** Extra wait past the idle limit, so the check itself never lands just inside the limit and renews the session. */
const IDLE_MARGIN_MS = 15_000;

/**
 * Watches for the server's idle limit: when no request has reached the server for longer than the committee's
 * idle timeout, it asks /auth/me once, which answers 401 session_idle and sends the user to the login screen.
 */
export function useIdleWatch(me: Me | undefined): void {
  const client = useQueryClient();
  const minutes = me?.security.idleTimeoutMinutes;
  useEffect(() => {
    if (!minutes) return;
    const limit = minutes * 60_000 + IDLE_MARGIN_MS;
    const timer = window.setInterval(() => {
      if (Date.now() - lastApiActivity() > limit) void client.refetchQueries({ queryKey: meQueryKey });
    }, 20_000);
    return () => window.clearInterval(timer);
  }, [minutes, client]);
}
