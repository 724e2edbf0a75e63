import { and, eq } from 'drizzle-orm';
import type { LoginRequest, LoginResponse, SecondFactorState } from '../../../../contracts/auth.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { createLoginSession, revokeSessionByToken } from '../login-sessions.ts';
import { verifyAgainstDecoy, verifyPassword } from '../../../platform/auth/passwords.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { PLATFORM_ORG_ID, recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { users } from '../../people/people.tables.ts';
import { canLogin, loginNameForLog, secondFactorFor } from '../auth.policy.ts';
import { presentMe } from '../auth.presenter.ts';
import { accountDisabled, accountLocked, invalidCredentials } from '../auth.problems.ts';
import type { AuthAccount } from '../auth.queries.ts';
import { findLoginAccount } from '../auth.queries.ts';
import { countFailedLogin, recordRefusedLogin } from './count-failed-login.ts';

/** Where a login comes from: the request, the browser, and the session cookie it still had (replaced on login). */
export type LoginContext = RequestContext & { userAgent: string | null; previousToken: string | null };

/** A successful login step: the cookies to set and the answer body. */
export type LoginOutcome = { session: { token: string; csrfToken: string }; body: LoginResponse };

/** A login that waits for its authenticator code lives this long; the full session is issued after the code. */
const PENDING_LOGIN_MINUTES = 10;

/**
 * Opens a session for the account in the transaction (the browser's previous session is revoked, so every login
 * gets a new token) and, once the login is complete, clears the failure counter and notes the login time.
 */
export async function openSession(
  tx: Transaction,
  dependencies: AppDependencies,
  account: AuthAccount,
  secondFactor: SecondFactorState,
  context: LoginContext,
  options: { completedWithTotp?: boolean } = {},
): Promise<LoginOutcome> {
  const now = dependencies.now();
  const waitingForCode = secondFactor === 'required';
  if (context.previousToken) await revokeSessionByToken(tx, context.previousToken, now);
  const session = await createLoginSession(tx, {
    orgId: account.user.orgId,
    userId: account.user.id,
    now,
    absoluteTimeoutHours: account.security.absoluteTimeoutHours,
    lifetimeMinutes: waitingForCode ? PENDING_LOGIN_MINUTES : undefined,
    ip: context.ip,
    userAgent: context.userAgent,
    fullyAuthenticated: !waitingForCode,
  });
  if (!waitingForCode) {
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now.toISOString() })
      .where(and(eq(users.orgId, account.user.orgId), eq(users.id, account.user.id)));
  }
  const actor = { userId: account.user.id, displayName: account.user.displayName };
  await recordEvent(tx, dependencies.config.auditHash, {
    orgId: account.user.orgId,
    type: waitingForCode ? 'auth.password_accepted' : 'auth.login_succeeded',
    summary: waitingForCode ? '密码正确，等待动态验证码' : `${account.user.displayName} 登录`,
    actor,
    subjectType: 'user',
    subjectId: account.user.id,
    after: { sessionId: session.sessionId, secondFactor, ...(options.completedWithTotp ? { totp: true } : {}) },
    context,
  });
  return {
    session: { token: session.token, csrfToken: session.csrfToken },
    body: { user: presentMe(account), mustChangePassword: account.user.mustChangePassword, secondFactor },
  };
}

/**
 * Logs in with a username or mobile number and a password. An unknown name and a wrong password get the same
 * 401 after the same work; failures count towards the lock (423); a disabled account is refused after the right
 * password. With an authenticator enabled the session waits for the code (secondFactor 'required').
 */
export async function logIn(dependencies: AppDependencies, input: LoginRequest, context: LoginContext): Promise<LoginOutcome> {
  const now = dependencies.now();
  const account = await findLoginAccount(dependencies.database.orm, dependencies.config.sessionSecret, input.username);
  if (!account) {
    await verifyAgainstDecoy(input.password);
    await dependencies.database.orm.transaction(async (tx) => {
      await recordEvent(tx, dependencies.config.auditHash, {
        orgId: PLATFORM_ORG_ID,
        type: 'auth.login_failed',
        summary: `登录失败：账户不存在（${loginNameForLog(input.username)}）`,
        after: { reason: 'unknown_user', loginName: loginNameForLog(input.username) },
        result: 'failure',
        context,
      });
    });
    throw invalidCredentials();
  }
  const who = { orgId: account.user.orgId, userId: account.user.id, security: account.security };
  const check = canLogin(account.user, now);
  if (!check.ok && check.reason === 'locked') {
    await recordRefusedLogin(dependencies, who, 'locked', context);
    throw accountLocked(check.lockedUntil, account.timeZone);
  }
  if (!(await verifyPassword(account.user.passwordHash, input.password))) {
    const lockedUntil = await countFailedLogin(dependencies, who, 'wrong_password', context);
    if (lockedUntil) throw accountLocked(lockedUntil, account.timeZone);
    throw invalidCredentials();
  }
  if (!check.ok) {
    await recordRefusedLogin(dependencies, who, 'disabled', context);
    throw accountDisabled();
  }
  const secondFactor = secondFactorFor({ roles: account.roles, totpEnabled: account.user.totpEnabled }, account.security);
  return dependencies.database.orm.transaction((tx) => openSession(tx, dependencies, account, secondFactor, context));
}
