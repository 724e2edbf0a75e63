import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { revokeSessions } from '../../auth/login-sessions.ts';
import { notify } from '../../notifications/notify.ts';
import { generatePassword, loadSecuritySettings } from '../people.passwords.ts';
import type { UserRow } from '../people.presenter.ts';
import { users } from '../people.tables.ts';

/** A generated one-time password and its hash, made before the transaction (hashing is slow). */
export async function newOneTimePassword(deps: AppDependencies, orgId: string): Promise<{ password: string; hash: string }> {
  const rules = await loadSecuritySettings(deps.database.orm, orgId);
  const password = generatePassword(rules.passwordMinLength);
  return { password, hash: await hashPassword(password) };
}

/**
 * How a reset password reaches its owner: shown once to the administrator who completed the reset, who hands it
 * over in person. Not by SMS: the deployment's channel is a log file by default and its job payload is stored, so
 * the password would stay readable at rest (decision 0005). The owner is told of the reset in-app and by SMS.
 */
export const RESET_DELIVERY = 'shown_once';

/**
 * Sets the account's password to the one-time password's hash in the caller's transaction: it must be changed at
 * the next login, the lockout is cleared, every open session ends, and the owner gets a notice (without the
 * password) so a reset they did not ask for does not go unseen. Returns the updated row and the sessions ended.
 */
export async function applyPasswordReset(
  tx: Transaction,
  deps: AppDependencies,
  current: UserRow,
  passwordHash: string,
): Promise<{ row: UserRow; sessionsRevoked: number }> {
  const now = deps.now();
  const [row] = await tx
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: true,
      failedLoginCount: 0,
      lockedUntil: null,
      version: current.version + 1,
      updatedAt: now.toISOString(),
    })
    .where(and(eq(users.orgId, current.orgId), eq(users.id, current.id)))
    .returning();
  const sessionsRevoked = await revokeSessions(tx, { orgId: current.orgId, userId: current.id, now });
  await notify(
    tx,
    current.orgId,
    { userIds: [current.id] },
    {
      title: '您的登录密码已被重置',
      body: '管理员已重置您的登录密码，临时密码由管理员当面告知，登录后须立即修改。如非本人申请，请立即联系安全管理员。',
      subjectType: 'user',
      subjectId: current.id,
    },
  );
  return { row, sessionsRevoked };
}
