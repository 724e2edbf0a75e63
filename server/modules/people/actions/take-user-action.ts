import { and, eq } from 'drizzle-orm';
import { type UserAction, type UserState, type UserWithPassword, userActions } from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { revokeSessions } from '../../auth/login-sessions.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { generatePassword, loadSecuritySettings } from '../people.passwords.ts';
import { canTakeUserAction } from '../people.policy.ts';
import { isLocked } from '../people.presenter.ts';
import { users } from '../people.tables.ts';
import { accountWorkflow } from '../people.workflow.ts';
import { loadUser, presentUsers, rolesOf } from '../users.queries.ts';

const eventTypes: Record<UserAction, string> = {
  disable: 'user.disabled',
  enable: 'user.enabled',
  unlock: 'user.unlocked',
  reset_password: 'user.password_reset',
};

/**
 * Takes an account workflow action: disable (signs the account out everywhere), enable, unlock (clears the
 * lockout) or reset_password (a generated one-time password, to be changed at the next login; signs out).
 */
export async function takeUserAction(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  action: string,
  reason: string | undefined,
  context: RequestContext,
): Promise<UserWithPassword> {
  const rules = await loadSecuritySettings(deps.database.orm, actor.orgId);
  const oneTimePassword = action === 'reset_password' ? generatePassword(rules.passwordMinLength) : null;
  const passwordHash = oneTimePassword ? await hashPassword(oneTimePassword) : null;
  return deps.database.orm.transaction(async (tx) => {
    const current = await loadUser(tx, actor.orgId, id, true);
    const roles = (await rolesOf(tx, actor.orgId, [id])).get(id) ?? [];
    const state = current.state as UserState;
    const now = deps.now();
    const known = (userActions as readonly string[]).includes(action);
    const allowed = known && canTakeUserAction(actor, { id, roles }, action as UserAction);
    const transition = guardTransition(accountWorkflow, state, action, actor.roles, allowed);
    if (transition.action === 'unlock' && !isLocked(current, now)) {
      throw conflict(`账户“${current.username}”未被锁定，无需解除`, 'not_locked', { state });
    }
    const changes = {
      disable: {},
      enable: {},
      unlock: { failedLoginCount: 0, lockedUntil: null },
      reset_password: { passwordHash: passwordHash!, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null },
    }[transition.action];
    const [row] = await tx
      .update(users)
      .set({ ...changes, state: transition.to, version: current.version + 1, updatedAt: now.toISOString() })
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, id)))
      .returning();
    let sessionsRevoked = 0;
    if (transition.action === 'disable' || transition.action === 'reset_password') {
      sessionsRevoked = await revokeSessions(tx, { orgId: actor.orgId, userId: id, now });
    }
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: eventTypes[transition.action],
      summary: `${transition.label}账户“${current.username}”${reason ? `：${reason}` : ''}`,
      actor,
      subjectType: 'user',
      subjectId: id,
      before: { state, locked: isLocked(current, now) },
      after: { state: row.state, locked: isLocked(row, now), reason: reason ?? null, sessionsRevoked },
      context,
    });
    const [user] = await presentUsers(tx, deps, actor, [row]);
    return { user, oneTimePassword };
  });
}
