import { and, eq } from 'drizzle-orm';
import type { Me } from '../../../../contracts/auth.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { matchTotpStep } from '../../../platform/auth/totp.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, notFound, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { users } from '../../people/people.tables.ts';
import { presentMe } from '../auth.presenter.ts';
import { loadAccount } from '../auth.queries.ts';

/** Turns the authenticator on once a code from the app matches the secret of setup; ends a required enrolment. */
export async function enableTotp(
  dependencies: AppDependencies,
  actor: Actor,
  code: string,
  context: RequestContext,
): Promise<Me> {
  const account = await loadAccount(dependencies.database.orm, actor.orgId, actor.userId);
  if (!account) throw notFound('账户');
  if (account.user.totpEnabled) throw conflict('动态验证码已启用', 'totp_already_enabled');
  if (!account.user.totpSecretEncrypted) throw conflict('请先获取动态验证码密钥并在手机应用中添加', 'totp_not_set_up');
  const secret = dependencies.cipher.decrypt(account.user.totpSecretEncrypted);
  const step = await matchTotpStep(secret, code, dependencies.now());
  if (step === null) {
    throw unprocessable(
      '动态验证码不正确，请核对手机时间后重试',
      [{ field: 'code', message: '动态验证码不正确' }],
      'invalid_totp_code',
    );
  }
  await dependencies.database.orm.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpEnabled: true, totpLastStep: step, updatedAt: dependencies.now().toISOString() })
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
    await recordEvent(tx, dependencies.config.auditHash, {
      orgId: actor.orgId,
      type: 'auth.totp_enabled',
      summary: `${actor.displayName} 启用了动态验证码`,
      actor,
      subjectType: 'user',
      subjectId: actor.userId,
      context,
    });
  });
  return presentMe({ ...account, user: { ...account.user, totpEnabled: true } });
}
