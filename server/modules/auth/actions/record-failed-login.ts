import type { RequestContext } from '../../../platform/auth/actor.ts';
import { PLATFORM_ORG_ID, recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { holdsStarted, type Reservation } from '../login-throttle.ts';

/** Why a login attempt failed, as the event log records it. */
export type FailureReason = 'unknown_user' | 'wrong_password' | 'wrong_totp_code' | 'disabled';

const summaries: Record<FailureReason, string> = {
  unknown_user: '登录失败：账户不存在',
  wrong_password: '登录失败：密码错误',
  wrong_totp_code: '登录失败：动态验证码错误',
  disabled: '登录被拒绝：账户已停用',
};

/** Where a failed login is recorded: the account's committee, or for an unknown name the committee the login named. */
export type FailedLoginTarget =
  | { kind: 'account'; orgId: string; userId: string }
  | { kind: 'unknown'; orgId: string | null; loginName: string };

/**
 * Records a checked failed login in one transaction, with the holds it started: a lock of this address on the
 * name and the name's wait go to the same chain; the address's exhausted budget goes to the platform's chain
 * (an address belongs to no committee). An unknown name is recorded against the committee the login named, or
 * in the platform's chain; the password tried is never recorded.
 */
export async function recordFailedLogin(
  dependencies: AppDependencies,
  target: FailedLoginTarget,
  reason: FailureReason,
  reservation: Reservation | null,
  context: RequestContext,
): Promise<void> {
  const orgId = target.kind === 'account' ? target.orgId : (target.orgId ?? PLATFORM_ORG_ID);
  const subject = target.kind === 'account' ? { subjectType: 'user', subjectId: target.userId } : {};
  const loginName = target.kind === 'unknown' ? target.loginName : undefined;
  const holds = reservation ? holdsStarted(reservation) : [];
  await dependencies.database.orm.transaction(async (tx) => {
    await recordEvent(tx, dependencies.config.auditHash, {
      orgId,
      type: 'auth.login_failed',
      summary: loginName ? `${summaries[reason]}（${loginName}）` : summaries[reason],
      ...subject,
      after: { reason, ...(loginName ? { loginName } : {}) },
      result: 'failure',
      context,
    });
    for (const hold of holds) {
      const until = hold.until.toISOString();
      if (hold.kind === 'address') {
        await recordEvent(tx, dependencies.config.auditHash, {
          orgId: PLATFORM_ORG_ID,
          type: 'auth.address_blocked',
          summary: `网络地址 ${reservation?.address} 登录失败次数用尽，暂停登录至 ${until}`,
          after: { address: reservation?.address, until },
          result: 'success',
          context,
        });
        continue;
      }
      await recordEvent(tx, dependencies.config.auditHash, {
        orgId,
        type: 'auth.login_held',
        summary:
          hold.kind === 'pair'
            ? `同一网络地址连续登录失败，该地址暂停登录此账户至 ${until}`
            : `账户登录失败次数过多，再次尝试须等待至 ${until}`,
        ...subject,
        after: { scope: hold.kind === 'pair' ? 'address_on_account' : 'account', until, ...(loginName ? { loginName } : {}) },
        result: 'success',
        context,
      });
    }
  });
}
