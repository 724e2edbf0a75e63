import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { AppDependencies } from '../module.ts';
import { Problem } from './problem.ts';

/** Window of the password-step limit: `config.loginRateLimit` tries per user in this many milliseconds. */
const LOGIN_WINDOW_MS = 20_000;

/** The 429 every limit answers: problem+json in Chinese, saying when to try again. */
function tooManyRequests(_request: FastifyRequest, context: { ttl: number }): Problem {
  const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
  return new Problem(429, 'rate_limited', `请求过于频繁，请 ${seconds} 秒后再试`, undefined, { retryAfterSeconds: seconds });
}

/** The global limit counts per logged-in user (offices share one IP behind NAT), else per IP. */
function requesterKey(request: FastifyRequest): string {
  return request.loginSession ? `user:${request.loginSession.actor.userId}` : `ip:${request.ip}`;
}

/**
 * What a phone loads to show the login page and log in, before it has a session: the product's environment, the
 * "who am I" probe (401 until logged in) and the login itself. A plenary's members all come through one NAT address,
 * so these are not counted per address: failed logins are limited by the login counters in the database instead.
 */
const loginPageRequests = new Set(['GET /api/v1/environment', 'GET /api/v1/auth/me', 'POST /api/v1/auth/login']);

/** True for an anonymous request of the login page (see loginPageRequests); with a session the user's limit applies. */
export function isAnonymousLoginPageRequest(request: FastifyRequest): boolean {
  return !request.loginSession && loginPageRequests.has(`${request.method} ${request.routeOptions.url}`);
}

/**
 * Registers the global rate limit: `config.rateLimitPerMinute` API requests per minute per user or IP. It must be
 * registered after authentication (the key is the session's user) and before the routes it covers. The web app's
 * static files, the health check and the anonymous login page's requests are not limited. These counters live in
 * this process; the login counters that matter across app nodes live in the database (modules/auth/login-throttle).
 */
export async function registerRateLimits(app: FastifyInstance, dependencies: AppDependencies): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: dependencies.config.rateLimitPerMinute,
    timeWindow: 60_000,
    hook: 'onRequest',
    keyGenerator: requesterKey,
    allowList: (request) =>
      !request.url.startsWith('/api/') || request.url === '/api/health' || isAnonymousLoginPageRequest(request),
    errorResponseBuilder: tooManyRequests,
  });
}

/**
 * The route config of the password and code steps of a logged-in (or half logged-in) session: password change,
 * authenticator code, TOTP enable/disable. `config.loginRateLimit` tries per user per 20 seconds, counted apart
 * from the global limit (per user, so a plenary's members changing their first password behind one address do not
 * share a budget). Use as `config: { rateLimit: loginRateLimit(config) }`; the login itself is limited by the
 * database's login counters instead.
 */
export function loginRateLimit(config: Pick<Config, 'loginRateLimit'>): RateLimitOptions {
  return {
    max: config.loginRateLimit,
    timeWindow: LOGIN_WINDOW_MS,
    keyGenerator: (request) =>
      request.loginSession ? `login-user:${request.loginSession.actor.userId}` : `login-ip:${request.ip}`,
    errorResponseBuilder: tooManyRequests,
  };
}
