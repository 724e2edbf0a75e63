import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { RequestSession } from '../../../platform/auth/auth-plugin.ts';
import { matchTotpStep } from '../../../platform/auth/totp.ts';
import { conflict, unauthorized } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { users } from '../../people/people.tables.ts';
import { canLogin } from '../auth.policy.ts';
import { accountDisabled, invalidLoginCode, loginHeld } from '../auth.problems.ts';
import { loadAccount } from '../auth.queries.ts';
import { revokeSessions } from '../login-sessions.ts';
import { reserveLoginAttempt, settleSuccessfulLogin } from '../login-throttle.ts';
import { type LoginContext, type LoginOutcome, openSession } from './log-in.ts';
import { recordFailedLogin } from './record-failed-login.ts';

/**
 * Completes a login that waits for its authenticator code. The code is counted like a password (the same counters:
 * a held name or address answers 429 unchecked); a right code replaces the waiting session with a full one (a new
 * token) and clears the name's counters, a wrong or reused code stays counted as a failure.
 */
export async function completeSecondFactor(
  dependencies: AppDependencies,
  session: RequestSession,
  code: string,
  context: LoginContext,
): Promise<LoginOutcome> {
  if (!session.pending.includes('second_factor')) throw conflict('当前登录无需输入动态验证码', 'second_factor_not_pending');
  const { orgId, userId, sessionId } = session.actor;
  const account = await loadAccount(dependencies.database.orm, orgId, userId);
  if (!account) throw unauthorized();
  const target = { kind: 'account' as const, orgId, userId };
  if (!canLogin(account.user).ok) {
    await recordFailedLogin(dependencies, target, 'disabled', null, context);
    throw accountDisabled();
  }
  const secret = account.user.totpEnabled && account.user.totpSecretEncrypted;
  if (!secret) throw conflict('账户未启用动态验证码，请重新登录', 'totp_not_enabled');
  const outcome = await reserveLoginAttempt(dependencies, {
    ip: context.ip ?? '',
    subject: { kind: 'account', orgId, userId },
    security: account.security,
  });
  if (!outcome.ok) throw loginHeld(outcome, dependencies.now());
  const { reservation } = outcome;
  const refuse = async (): Promise<never> => {
    await recordFailedLogin(dependencies, target, 'wrong_totp_code', reservation, context);
    throw invalidLoginCode();
  };
  const step = await matchTotpStep(dependencies.cipher.decrypt(secret), code, dependencies.now());
  if (step === null) return refuse();
  const completed = await dependencies.database.orm.transaction(async (tx) => {
    // Accept each code once: the step must be later than the last accepted one, checked and stored atomically.
    const claimed = await tx
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.orgId, orgId), eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    if (claimed.length === 0) return null;
    await revokeSessions(tx, { orgId, userId, sessionId, now: dependencies.now() });
    await settleSuccessfulLogin(tx, reservation, dependencies.now());
    return openSession(tx, dependencies, account, 'none', { ...context, previousToken: null }, { completedWithTotp: true });
  });
  return completed ?? refuse();
}
