import { and, eq } from 'drizzle-orm';
import type { TotpSetupResponse } from '../../../../contracts/auth.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { newTotpSecret, totpUri } from '../../../platform/auth/totp.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, notFound } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { users } from '../../people/people.tables.ts';
import { loadAccount } from '../auth.queries.ts';

/**
 * Starts binding an authenticator: a new secret, stored encrypted and not active until a code from the app
 * proves it was scanned (enable-totp). Calling it again replaces a secret that was never enabled.
 */
export async function setUpTotp(
  dependencies: AppDependencies,
  actor: Actor,
  context: RequestContext,
): Promise<TotpSetupResponse> {
  const account = await loadAccount(dependencies.database.orm, actor.orgId, actor.userId);
  if (!account) throw notFound('账户');
  if (account.user.totpEnabled) throw conflict('已启用动态验证码；如需更换，请先停用再重新绑定', 'totp_already_enabled');
  const secret = newTotpSecret();
  await dependencies.database.orm.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecretEncrypted: dependencies.cipher.encrypt(secret), updatedAt: dependencies.now().toISOString() })
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
    await recordEvent(tx, dependencies.config.auditHash, {
      orgId: actor.orgId,
      type: 'auth.totp_setup_started',
      summary: `${actor.displayName} 开始绑定动态验证码`,
      actor,
      subjectType: 'user',
      subjectId: actor.userId,
      context,
    });
  });
  return { secret, uri: totpUri(secret, `${account.organization.name}:${account.user.username}`) };
}
