import { and, desc, eq, inArray } from 'drizzle-orm';
import type { TenantSettings } from '../../../contracts/settings.ts';
import { isCommonPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import type { Executor, Transaction } from '../../platform/db/database.ts';
import { checkPasswordPolicy } from './auth.policy.ts';
import { passwordHistory } from './login-security.tables.ts';

/** Most remembered passwords per user (the setting's maximum); older ones are deleted. */
const HISTORY_KEPT = 24;

/** The message for a password on the common list. */
export const commonPasswordMessage = '密码过于常见，容易被猜中，请换一个';

/** The message for a password the account had before. */
export function reusedPasswordMessage(count: number): string {
  return count > 0 ? `新密码不能与当前密码或最近 ${count} 次设置过的密码相同` : '新密码不能与当前密码相同';
}

/** The hashes of the last `count` passwords the user set, newest first. */
async function recentPasswordHashes(executor: Executor, orgId: string, userId: string, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const rows = await executor
    .select({ passwordHash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(and(eq(passwordHistory.orgId, orgId), eq(passwordHistory.userId, userId)))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(count);
  return rows.map((row) => row.passwordHash);
}

/**
 * Problems of a new password, in Chinese; empty when it may be set. The committee's rules (length, character
 * classes, not the username), the common-password list, and for an existing account its current password and the
 * last `passwordHistoryCount` it set. Every place that sets a chosen password asks this.
 */
export async function newPasswordProblems(
  executor: Executor,
  input: {
    password: string;
    security: Pick<TenantSettings['security'], 'passwordMinLength' | 'passwordMinClasses' | 'passwordHistoryCount'>;
    username?: string | null;
    /** The account whose password changes (absent for a new account). */
    account?: { orgId: string; userId: string; passwordHash: string } | null;
    /** The current password as the user typed it, when they did. */
    currentPassword?: string | null;
  },
): Promise<string[]> {
  const problems = checkPasswordPolicy(input.password, input.security, {
    username: input.username,
    currentPassword: input.currentPassword,
  });
  if (await isCommonPassword(input.password)) problems.push(commonPasswordMessage);
  if (input.account && !(input.currentPassword && input.password === input.currentPassword)) {
    const { orgId, userId, passwordHash } = input.account;
    const count = input.security.passwordHistoryCount;
    const earlier = [passwordHash, ...(await recentPasswordHashes(executor, orgId, userId, count))];
    for (const hash of earlier) {
      if (await verifyPassword(hash, input.password)) {
        problems.push(reusedPasswordMessage(count));
        break;
      }
    }
  }
  return problems;
}

/** Remembers a password the user set (its hash), in the caller's transaction; keeps the newest HISTORY_KEPT. */
export async function rememberPassword(
  tx: Transaction,
  input: { orgId: string; userId: string; passwordHash: string; now: Date },
): Promise<void> {
  await tx
    .insert(passwordHistory)
    .values({ orgId: input.orgId, userId: input.userId, passwordHash: input.passwordHash, createdAt: input.now.toISOString() });
  const old = await tx
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(and(eq(passwordHistory.orgId, input.orgId), eq(passwordHistory.userId, input.userId)))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .offset(HISTORY_KEPT);
  if (old.length > 0) {
    await tx.delete(passwordHistory).where(
      and(
        eq(passwordHistory.orgId, input.orgId),
        inArray(
          passwordHistory.id,
          old.map((row) => row.id),
        ),
      ),
    );
  }
}
