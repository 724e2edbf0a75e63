import { and, eq } from 'drizzle-orm';
import type { TenantSettings } from '../../../../contracts/settings.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { users } from '../../people/people.tables.ts';
import { afterFailedLogin } from '../auth.policy.ts';

/** Why a login attempt on a known account failed, as the event log records it. */
export type FailureReason = 'wrong_password' | 'wrong_totp_code' | 'locked' | 'disabled';

/** Records a refused login that does not count towards the lock (the account was already locked, or is disabled). */
export async function recordRefusedLogin(
  dependencies: AppDependencies,
  account: { orgId: string; userId: string },
  reason: FailureReason,
  context: RequestContext,
): Promise<void> {
  const summaries: Record<FailureReason, string> = {
    wrong_password: '登录失败：密码错误',
    wrong_totp_code: '登录失败：动态验证码错误',
    locked: '登录被拒绝：账户已锁定',
    disabled: '登录被拒绝：账户已停用',
  };
  await dependencies.database.orm.transaction(async (tx) => {
    await recordEvent(tx, dependencies.config.auditHash, {
      orgId: account.orgId,
      type: 'auth.login_failed',
      summary: summaries[reason],
      subjectType: 'user',
      subjectId: account.userId,
      after: { reason },
      result: 'failure',
      context,
    });
  });
}

/**
 * Counts a failed password or code against the account in one transaction (the user row locked, so parallel
 * attempts all count) and locks it at the committee's threshold. Sessions already open stay open: a lock stops
 * guessing, it must not let a guesser sign the real user out. Returns the end of the lock when this failure locked
 * the account, else null.
 */
export async function countFailedLogin(
  dependencies: AppDependencies,
  account: { orgId: string; userId: string; security: TenantSettings['security'] },
  reason: Extract<FailureReason, 'wrong_password' | 'wrong_totp_code'>,
  context: RequestContext,
): Promise<Date | null> {
  const now = dependencies.now();
  return dependencies.database.orm.transaction(async (tx) => {
    const where = and(eq(users.orgId, account.orgId), eq(users.id, account.userId));
    const [row] = await tx.select({ failedLoginCount: users.failedLoginCount }).from(users).where(where).for('update');
    const next = afterFailedLogin(row?.failedLoginCount ?? 0, account.security, now);
    await tx
      .update(users)
      .set({
        failedLoginCount: next.failedLoginCount,
        ...(next.lockedUntil ? { lockedUntil: next.lockedUntil.toISOString() } : {}),
      })
      .where(where);
    await recordEvent(tx, dependencies.config.auditHash, {
      orgId: account.orgId,
      type: 'auth.login_failed',
      summary: reason === 'wrong_password' ? '登录失败：密码错误' : '登录失败：动态验证码错误',
      subjectType: 'user',
      subjectId: account.userId,
      after: { reason, failedLoginCount: next.lockedUntil ? account.security.lockoutThreshold : next.failedLoginCount },
      result: 'failure',
      context,
    });
    if (next.lockedUntil) {
      await recordEvent(tx, dependencies.config.auditHash, {
        orgId: account.orgId,
        type: 'auth.account_locked',
        summary: `连续 ${account.security.lockoutThreshold} 次登录失败，账户锁定 ${account.security.lockoutMinutes} 分钟`,
        subjectType: 'user',
        subjectId: account.userId,
        after: { lockedUntil: next.lockedUntil.toISOString() },
        result: 'success',
        context,
      });
    }
    return next.lockedUntil;
  });
}
