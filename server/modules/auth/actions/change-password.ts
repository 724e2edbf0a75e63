import { and, eq, sql } from 'drizzle-orm';
import type { Me, PasswordChangeRequest } from '../../../../contracts/auth.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { hashPassword, verifyPassword } from '../../../platform/auth/passwords.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { notFound, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { users } from '../../people/people.tables.ts';
import { presentMe } from '../auth.presenter.ts';
import { loadAccount } from '../auth.queries.ts';
import { revokeSessions } from '../login-sessions.ts';
import { newPasswordProblems, rememberPassword } from '../password-checks.ts';

/**
 * Changes the actor's own password: the current one must be right and the new one must pass the committee's
 * rules, not be a common password, nor the current or a recent one (remembered from now on). It ends a forced
 * change (the first login's too) and signs out the user's other sessions.
 */
export async function changePassword(
  dependencies: AppDependencies,
  actor: Actor,
  input: PasswordChangeRequest,
  context: RequestContext,
): Promise<Me> {
  const account = await loadAccount(dependencies.database.orm, actor.orgId, actor.userId);
  if (!account) throw notFound('账户');
  if (!(await verifyPassword(account.user.passwordHash, input.currentPassword))) {
    throw unprocessable('当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }], 'wrong_password');
  }
  const problems = await newPasswordProblems(dependencies.database.orm, {
    password: input.newPassword,
    security: account.security,
    username: account.user.username,
    account: { orgId: actor.orgId, userId: actor.userId, passwordHash: account.user.passwordHash },
    currentPassword: input.currentPassword,
  });
  if (problems.length > 0) {
    throw unprocessable(
      `新密码不符合要求：${problems.join('；')}`,
      problems.map((message) => ({ field: 'newPassword', message })),
      'weak_password',
    );
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = dependencies.now();
  await dependencies.database.orm.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: now.toISOString(),
        version: sql`${users.version} + 1`,
        updatedAt: now.toISOString(),
      })
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
    await rememberPassword(tx, { orgId: actor.orgId, userId: actor.userId, passwordHash, now });
    const revoked = await revokeSessions(tx, { orgId: actor.orgId, userId: actor.userId, exceptSessionId: actor.sessionId, now });
    await recordEvent(tx, dependencies.config.auditHash, {
      orgId: actor.orgId,
      type: 'auth.password_changed',
      summary: account.user.mustChangePassword ? `${actor.displayName} 完成首次登录改密` : `${actor.displayName} 修改了密码`,
      actor,
      subjectType: 'user',
      subjectId: actor.userId,
      after: { otherSessionsRevoked: revoked, wasForced: account.user.mustChangePassword },
      context,
    });
  });
  return presentMe({ ...account, user: { ...account.user, mustChangePassword: false } });
}
