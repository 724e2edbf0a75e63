import { and, eq } from 'drizzle-orm';
import type { LoginRequest, LoginResponse, SecondFactorState } from '../../../../contracts/auth.ts';
import { securitySettingsSchema } from '../../../../contracts/settings.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { verifyAgainstDecoy, verifyPassword } from '../../../platform/auth/passwords.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { users } from '../../people/people.tables.ts';
import { canLogin, loginNameForLog, secondFactorFor } from '../auth.policy.ts';
import { presentMe } from '../auth.presenter.ts';
import { accountDisabled, invalidCredentials, loginHeld } from '../auth.problems.ts';
import { type AuthAccount, findCommitteeByCode, findLoginAccount } from '../auth.queries.ts';
import { createLoginSession, revokeSessionByToken } from '../login-sessions.ts';
import { giveBackLoginAttempt, type LoginSubject, reserveLoginAttempt, settleSuccessfulLogin } from '../login-throttle.ts';
import { recordFailedLogin } from './record-failed-login.ts';

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
 * Logs in with a username or mobile number and a password. The attempt is first counted as a failure (the
 * address's budget, the address on this name, the name from everywhere): a held counter answers 429 unchecked.
 * An unknown name and a wrong password then get the same 401 after the same work (a decoy hash for the unknown
 * name, counted under a keyed hash of the name, so waits and answers never tell which accounts exist); a right
 * password gives the counted failure back. A disabled account is refused only after the right password. With an
 * authenticator enabled the session waits for the code (secondFactor 'required').
 */
export async function logIn(dependencies: AppDependencies, input: LoginRequest, context: LoginContext): Promise<LoginOutcome> {
  const orm = dependencies.database.orm;
  const account = await findLoginAccount(orm, dependencies.config.sessionSecret, input.username);
  const named = account ? null : await findCommitteeByCode(orm, input.org);
  const subject: LoginSubject = account
    ? { kind: 'account', orgId: account.user.orgId, userId: account.user.id }
    : { kind: 'name', loginName: input.username };
  const security = account?.security ?? named?.security ?? securitySettingsSchema.parse({});
  const outcome = await reserveLoginAttempt(dependencies, { ip: context.ip ?? '', subject, security });
  if (!outcome.ok) throw loginHeld(outcome, dependencies.now());
  const { reservation } = outcome;
  if (!account) {
    await verifyAgainstDecoy(input.password);
    const loginName = loginNameForLog(input.username);
    await recordFailedLogin(
      dependencies,
      { kind: 'unknown', orgId: named?.id ?? null, loginName },
      'unknown_user',
      reservation,
      context,
    );
    throw invalidCredentials();
  }
  const target = { kind: 'account' as const, orgId: account.user.orgId, userId: account.user.id };
  if (!(await verifyPassword(account.user.passwordHash, input.password))) {
    await recordFailedLogin(dependencies, target, 'wrong_password', reservation, context);
    throw invalidCredentials();
  }
  if (!canLogin(account.user).ok) {
    await giveBackLoginAttempt(dependencies, reservation);
    await recordFailedLogin(dependencies, target, 'disabled', null, context);
    throw accountDisabled();
  }
  const secondFactor = secondFactorFor({ roles: account.roles, totpEnabled: account.user.totpEnabled }, account.security);
  if (secondFactor === 'required') {
    await giveBackLoginAttempt(dependencies, reservation);
    return orm.transaction((tx) => openSession(tx, dependencies, account, secondFactor, context));
  }
  return orm.transaction(async (tx) => {
    await settleSuccessfulLogin(tx, reservation, dependencies.now());
    return openSession(tx, dependencies, account, secondFactor, context);
  });
}
