import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, type Problem, unauthorized } from '../http/problem.ts';
import type { AppDependencies } from '../module.ts';
import type { Actor } from './actor.ts';
import { SESSION_COOKIE, type SessionAuthority } from './session-authority.ts';

/** The session a request's cookie resolved to: its user, and the steps it still has to take. */
export type RequestSession = { actor: Actor; pending: string[]; csrfToken: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in user, or null. Set by the authentication hook when the session may use this route. */
    actor: Actor | null;
    /** The CSRF token of the request's session, when it came with a session cookie. */
    sessionCsrfToken: string | null;
    /** Why the session cookie was not accepted (expired, idle, a pending step…), for a precise message. */
    sessionProblem: string | null;
    /** The refusal of a session that has a step to take before this route (set with sessionProblem). */
    pendingStepProblem: Problem | null;
    /** The valid session of the cookie, even when a pending step keeps it from this route (rate limits key on it). */
    loginSession: RequestSession | null;
  }
  interface FastifyContextConfig {
    /** The route answers without login (health, login, public portal). */
    public?: boolean;
    /** Pending session steps under which the route may still run (e.g. /auth/me during a forced password change). */
    allowPending?: readonly string[];
    /** false exempts the route from the CSRF check (login only: there is no session yet). */
    csrf?: boolean;
  }
}

/** Header the web app echoes the `csrf` cookie in. */
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sessionMessages: Record<string, string> = {
  expired: '登录已超过最长有效期，请重新登录',
  idle: '长时间未操作，已自动退出，请重新登录',
  revoked: '登录已退出或被注销，请重新登录',
  disabled: '账户已停用，请联系管理员',
  missing: '登录已失效，请重新登录',
};

/** The actor of a request that must be logged in; 401 (or 403 for a pending step) otherwise. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) {
    if (request.pendingStepProblem) throw request.pendingStepProblem;
    const reason = request.sessionProblem;
    throw unauthorized(
      reason ? (sessionMessages[reason] ?? '请先登录') : '请先登录',
      reason ? `session_${reason}` : 'unauthorized',
    );
  }
  return request.actor;
}

/** The session of a request, whatever its pending steps; 401 when there is none. For the login steps' routes. */
export function requireSession(request: FastifyRequest): RequestSession {
  if (!request.loginSession) {
    requireActor(request);
    throw unauthorized();
  }
  return request.loginSession;
}

/** Constant-time comparison of the CSRF header with the session's token. */
function csrfMatches(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * Installs session authentication. onRequest resolves the cookie to a session through the auth module's
 * `sessions` (rate limits then key on its user); preParsing, before any body is read, refuses a route that needs a
 * login (unless its config says `public`), a session whose pending steps the route does not allow, and a
 * cookie-authenticated write whose X-CSRF-Token header does not match the session.
 */
export async function registerAuthentication(
  app: FastifyInstance,
  dependencies: AppDependencies,
  sessions: SessionAuthority,
): Promise<void> {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrfToken', null);
  app.decorateRequest('sessionProblem', null);
  app.decorateRequest('pendingStepProblem', null);
  app.decorateRequest('loginSession', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const found = await sessions.lookup(dependencies.database.orm, token, dependencies.now());
    if (found.status !== 'valid') {
      request.sessionProblem = found.status;
      return;
    }
    request.loginSession = { actor: found.actor, pending: found.pending, csrfToken: found.csrfToken };
    request.sessionCsrfToken = found.csrfToken;
    const blocked = sessions.blockingStep(found.pending, request.routeOptions.config?.allowPending ?? []);
    if (blocked) {
      request.sessionProblem = blocked;
      request.pendingStepProblem = sessions.pendingStepProblem(blocked);
    } else request.actor = found.actor;
  });
  app.addHook('preParsing', async (request) => {
    if (!request.url.startsWith('/api/') || request.is404) return;
    const config = request.routeOptions.config;
    if (!config?.public && request.url.startsWith('/api/v1/')) requireActor(request);
    if (request.actor && request.loginSession && !SAFE_METHODS.has(request.method) && config?.csrf !== false) {
      if (!csrfMatches(request.headers[CSRF_HEADER], request.loginSession.csrfToken)) {
        throw forbidden('安全校验失败（缺少或错误的 CSRF 令牌），请刷新页面后重试', 'csrf_failed');
      }
    }
  });
}
