import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { AppDependencies } from '../module.ts';
import { Problem } from './problem.ts';

/** Window of the login limit: `config.loginRateLimit` attempts per IP in this many milliseconds. */
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
 * Registers the global rate limit: `config.rateLimitPerMinute` API requests per minute per user or IP. It must be
 * registered after authentication (the key is the session's user) and before the routes it covers. The web app's
 * static files and the health check are not limited. Counters live in this process (see the report on scale-out).
 */
export async function registerRateLimits(app: FastifyInstance, dependencies: AppDependencies): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: dependencies.config.rateLimitPerMinute,
    timeWindow: 60_000,
    hook: 'onRequest',
    keyGenerator: requesterKey,
    allowList: (request) => !request.url.startsWith('/api/') || request.url === '/api/health',
    errorResponseBuilder: tooManyRequests,
  });
}

/**
 * The route config of login-like routes (password and second-factor steps): `config.loginRateLimit` attempts
 * per IP per 20 seconds, counted apart from the global limit. Use as `config: { rateLimit: loginRateLimit(config) }`.
 */
export function loginRateLimit(config: Pick<Config, 'loginRateLimit'>): RateLimitOptions {
  return {
    max: config.loginRateLimit,
    timeWindow: LOGIN_WINDOW_MS,
    keyGenerator: (request) => `login-ip:${request.ip}`,
    errorResponseBuilder: tooManyRequests,
  };
}
