import type { Executor } from '../db/database.ts';
import type { Problem } from '../http/problem.ts';
import type { Actor } from './actor.ts';

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = 'sid';
/** Name of the script-readable cookie holding the CSRF token the client echoes in X-CSRF-Token. */
export const CSRF_COOKIE = 'csrf';

/**
 * A session found by its token, with why it is not usable (if it is not). A valid session may still have `pending`
 * steps (named by the auth module: second factor, forced password change…) that limit the routes it may use.
 */
export type SessionLookup =
  | { status: 'valid'; actor: Actor; csrfToken: string; fullyAuthenticated: boolean; pending: string[] }
  | { status: 'missing' | 'expired' | 'idle' | 'revoked' | 'disabled' };

/**
 * What the platform's authentication hook needs to know of login sessions. The auth module provides it at start-up
 * (its `sessions`), so the platform reads no user, committee or session table itself.
 */
export type SessionAuthority = {
  /** Resolves a session token to its actor and pending steps. */
  lookup: (executor: Executor, token: string, now: Date) => Promise<SessionLookup>;
  /** The first pending step a route does not allow, or null when the session may use the route. */
  blockingStep: (pending: readonly string[], allowed: readonly string[]) => string | null;
  /** The refusal of a session that has the step still to take before it may use a route. */
  pendingStepProblem: (step: string) => Problem;
};
