import type { LoginSession, Me } from '../../../contracts/auth.ts';
import { secondFactorFor } from './auth.policy.ts';
import type { AuthAccount } from './auth.queries.ts';

/** The logged-in user's own view of their account (GET /auth/me). */
export function presentMe(account: AuthAccount): Me {
  const { user } = account;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: account.roles,
    memberId: user.memberId,
    unitId: user.unitId,
    stationId: user.stationId,
    organization: account.organization,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: user.totpEnabled,
    totpEnrollmentRequired:
      secondFactorFor({ roles: account.roles, totpEnabled: user.totpEnabled }, account.security) === 'enroll',
    security: {
      idleTimeoutMinutes: account.security.idleTimeoutMinutes,
      passwordMinLength: account.security.passwordMinLength,
      passwordMinClasses: account.security.passwordMinClasses,
    },
  };
}

/** One of the user's sessions, marked when it is the one making the request. */
export function presentSession(
  row: { id: string; ip: string | null; userAgent: string | null; createdAt: string; lastSeenAt: string; expiresAt: string },
  currentSessionId: string,
): LoginSession {
  const iso = (value: string) => new Date(value).toISOString();
  return {
    id: row.id,
    current: row.id === currentSessionId,
    ip: row.ip,
    userAgent: row.userAgent,
    createdAt: iso(row.createdAt),
    lastSeenAt: iso(row.lastSeenAt),
    expiresAt: iso(row.expiresAt),
  };
}
