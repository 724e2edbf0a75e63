import { and, eq } from 'drizzle-orm';
import type { Me } from '../../../../contracts/auth.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { verifyPassword } from '../../../platform/auth/passwords.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, notFound, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { users } from '../../people/people.tables.ts';
import { canDisableTotp } from '../auth.policy.ts';
import { presentMe } from '../auth.presenter.ts';
import { loadAccount } from '../auth.queries.ts';

/** Turns the authenticator off after the password is given again; refused while the committee requires it for the user. */
export async function disableTotp(
  dependencies: AppDependencies,
  actor: Actor,
  password: string,
  context: RequestContext,
): Promise<Me> {
  const account = await loadAccount(dependencies.database.orm, actor.orgId, actor.userId);
  if (!account) throw notFound('账户');
  if (!account.user.totpEnabled) throw conflict('动态验证码未启用', 'totp_not_enabled');
  if (!(await verifyPassword(account.user.passwordHash, password))) {
    throw unprocessable('密码不正确', [{ field: 'password', message: '密码不正确' }], 'wrong_password');
  }
  if (!canDisableTotp(account.roles, account.security)) {
    throw unprocessable('本会要求管理员账户必须启用动态验证码，不能停用', undefined, 'totp_required');
  }
  await dependencies.database.orm.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpEnabled: false, totpSecretEncrypted: null, updatedAt: dependencies.now().toISOString() })
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
    await recordEvent(tx, dependencies.config.auditHash, {
      orgId: actor.orgId,
      type: 'auth.totp_disabled',
      summary: `${actor.displayName} 停用了动态验证码`,
      actor,
      subjectType: 'user',
      subjectId: actor.userId,
      context,
    });
  });
  return presentMe({ ...account, user: { ...account.user, totpEnabled: false, totpSecretEncrypted: null } });
}
