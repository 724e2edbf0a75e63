import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.ts';
import { effectiveSettings } from '../../../contracts/settings.ts';
import type { SessionLookup } from '../../platform/auth/session-authority.ts';
import type { Executor } from '../../platform/db/database.ts';
import { organizations } from '../orgs/orgs.tables.ts';
import { userRoles, users } from '../people/people.tables.ts';
import { pendingSteps } from './auth.policy.ts';
import { loginSessions } from './login-sessions.tables.ts';

export { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth/session-authority.ts';

/** lastSeenAt is written at most this often, so reads do not turn into writes on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** The stored form of a session token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new session: the token goes to the cookie, only its hash to the database. */
export async function createLoginSession(
  executor: Executor,
  input: {
    orgId: string;
    userId: string;
    now: Date;
    absoluteTimeoutHours: number;
    /** A shorter life than the absolute timeout (a login waiting for its second factor). */
    lifetimeMinutes?: number;
    ip?: string | null;
    userAgent?: string | null;
    fullyAuthenticated?: boolean;
  },
): Promise<{ sessionId: string; token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const lifetimeMs = input.lifetimeMinutes !== undefined ? input.lifetimeMinutes * 60_000 : input.absoluteTimeoutHours * 3600_000;
  const expiresAt = new Date(input.now.getTime() + lifetimeMs);
  const [row] = await executor
    .insert(loginSessions)
    .values({
      orgId: input.orgId,
      userId: input.userId,
      tokenHash: hashToken(token),
      csrfToken,
      fullyAuthenticated: input.fullyAuthenticated === false ? 'no' : 'yes',
      createdAt: input.now.toISOString(),
      lastSeenAt: input.now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: loginSessions.id });
  return { sessionId: row.id, token, csrfToken, expiresAt };
}

/** Longest token accepted from a cookie; anything longer is not ours and is not looked up. */
const MAX_TOKEN_LENGTH = 128;

/**
 * Resolves a session token to the actor (pending steps: second factor, forced password change, TOTP enrolment): the session must be unrevoked, within its absolute lifetime and idle
 * limit (the tenant's settings), and its user active. A valid lookup refreshes lastSeenAt.
 */
export async function lookupSession(executor: Executor, token: string, now: Date): Promise<SessionLookup> {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return { status: 'missing' };
  const [row] = await executor
    .select({ session: loginSessions, user: users, settings: organizations.settings })
    .from(loginSessions)
    .innerJoin(users, and(eq(users.orgId, loginSessions.orgId), eq(users.id, loginSessions.userId)))
    .innerJoin(organizations, eq(organizations.id, loginSessions.orgId))
    .where(eq(loginSessions.tokenHash, hashToken(token)));
  if (!row) return { status: 'missing' };
  const { session, user } = row;
  if (session.revokedAt) return { status: 'revoked' };
  if (new Date(session.expiresAt) <= now) return { status: 'expired' };
  const security = effectiveSettings(row.settings).security;
  const idleMinutes = security.idleTimeoutMinutes;
  const lastSeen = new Date(session.lastSeenAt);
  if (now.getTime() - lastSeen.getTime() > idleMinutes * 60_000) return { status: 'idle' };
  if (user.state !== 'active') return { status: 'disabled' };

  const roleRows = await executor
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(and(eq(userRoles.orgId, user.orgId), eq(userRoles.userId, user.id)));
  if (now.getTime() - lastSeen.getTime() > TOUCH_INTERVAL_MS) {
    await executor
      .update(loginSessions)
      .set({ lastSeenAt: now.toISOString() })
      .where(and(eq(loginSessions.orgId, session.orgId), eq(loginSessions.id, session.id), isNull(loginSessions.revokedAt)));
  }
  const roles = roleRows.map((item) => item.role as Role);
  const fullyAuthenticated = session.fullyAuthenticated === 'yes';
  return {
    status: 'valid',
    csrfToken: session.csrfToken,
    fullyAuthenticated,
    pending: pendingSteps(
      { fullyAuthenticated, mustChangePassword: user.mustChangePassword, totpEnabled: user.totpEnabled, roles },
      security,
    ),
    actor: {
      userId: user.id,
      orgId: user.orgId,
      username: user.username,
      displayName: user.displayName,
      roles,
      memberId: user.memberId,
      unitId: user.unitId,
      stationId: user.stationId,
      sessionId: session.id,
    },
  };
}

/**
 * Revokes one session (logout) or, with no session id, every session of the user (password change, disable);
 * `exceptSessionId` keeps the session making the request.
 */
export async function revokeSessions(
  executor: Executor,
  input: { orgId: string; userId: string; sessionId?: string; exceptSessionId?: string; now: Date },
): Promise<number> {
  const conditions = [
    eq(loginSessions.orgId, input.orgId),
    eq(loginSessions.userId, input.userId),
    isNull(loginSessions.revokedAt),
  ];
  if (input.sessionId) conditions.push(eq(loginSessions.id, input.sessionId));
  if (input.exceptSessionId) conditions.push(ne(loginSessions.id, input.exceptSessionId));
  const result = await executor
    .update(loginSessions)
    .set({ revokedAt: input.now.toISOString() })
    .where(and(...conditions));
  return result.rowCount ?? 0;
}

/** Deletes sessions that ended more than a day ago (run by a scheduled job). */
export async function purgeEndedSessions(executor: Executor, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - 24 * 3600_000).toISOString();
  await executor
    .delete(loginSessions)
    .where(sql`${loginSessions.expiresAt} < ${cutoff} or ${loginSessions.revokedAt} < ${cutoff}`);
}

/** Revokes the session a token belongs to, if it is still open (a new login replaces the one the browser had). */
export async function revokeSessionByToken(executor: Executor, token: string, now: Date): Promise<void> {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return;
  await executor
    .update(loginSessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(loginSessions.tokenHash, hashToken(token)), isNull(loginSessions.revokedAt)));
}

/** The user's open sessions (not revoked, not expired, not idle past the limit), newest first. */
export async function listOpenSessions(
  executor: Executor,
  input: { orgId: string; userId: string; now: Date; idleTimeoutMinutes: number },
) {
  const idleCutoff = new Date(input.now.getTime() - input.idleTimeoutMinutes * 60_000).toISOString();
  return executor
    .select({
      id: loginSessions.id,
      ip: loginSessions.ip,
      userAgent: loginSessions.userAgent,
      createdAt: loginSessions.createdAt,
      lastSeenAt: loginSessions.lastSeenAt,
      expiresAt: loginSessions.expiresAt,
      fullyAuthenticated: loginSessions.fullyAuthenticated,
    })
    .from(loginSessions)
    .where(
      and(
        eq(loginSessions.orgId, input.orgId),
        eq(loginSessions.userId, input.userId),
        isNull(loginSessions.revokedAt),
        gt(loginSessions.expiresAt, input.now.toISOString()),
        gt(loginSessions.lastSeenAt, idleCutoff),
      ),
    )
    .orderBy(desc(loginSessions.createdAt))
    .limit(100);
}
