import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, SESSION_COOKIE } from './session-authority.ts';

/** Cookie attributes shared by both cookies; Secure whenever the browser reached us over HTTPS (directly or via a proxy). */
function baseOptions(request: FastifyRequest) {
  return { path: '/', sameSite: 'lax' as const, secure: request.protocol === 'https' };
}

/**
 * Sets the session cookie (HttpOnly, so scripts cannot read the token) and the CSRF cookie (readable, so the web
 * app can echo it in X-CSRF-Token). Both are browser-session cookies: closing the browser ends the login.
 */
export function setSessionCookies(
  reply: FastifyReply,
  request: FastifyRequest,
  session: { token: string; csrfToken: string },
): void {
  reply.setCookie(SESSION_COOKIE, session.token, { ...baseOptions(request), httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...baseOptions(request), httpOnly: false });
}

/** Removes both cookies (logout, or a session that was revoked). */
export function clearSessionCookies(reply: FastifyReply, request: FastifyRequest): void {
  reply.clearCookie(SESSION_COOKIE, { ...baseOptions(request), httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, { ...baseOptions(request), httpOnly: false });
}
