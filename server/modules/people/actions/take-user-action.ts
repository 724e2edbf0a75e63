import { and, eq } from 'drizzle-orm';
import { type UserAction, type UserState, type UserWithPassword, userActions } from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { revokeSessions } from '../../auth/login-sessions.ts';
import { canTakeUserAction, holdsAdministrativeRole } from '../people.policy.ts';
import { isLocked } from '../people.presenter.ts';
import { users } from '../people.tables.ts';
import { accountWorkflow } from '../people.workflow.ts';
import { loadUser, presentUsers, rolesOf } from '../users.queries.ts';
import { assertMemberHasNoOtherAccount } from './create-user.ts';
import { fileResetRequest } from './request-password-reset.ts';
import { applyPasswordReset, newOneTimePassword, RESET_DELIVERY } from './reset-password.ts';

const eventTypes: Record<Exclude<UserAction, 'request_password_reset'>, string> = {
  disable: 'user.disabled',
  enable: 'user.enabled',
  unlock: 'user.unlocked',
  reset_password: 'user.password_reset',
};

/**
 * Takes an account workflow action: disable (signs the account out everywhere), enable (never a second active
 * account of one member), unlock (clears the lockout), reset_password (a business account's: a generated one-time
 * password shown once, to be changed at the next login; signs out; the owner is notified) or
 * request_password_reset (an administrator's: a request another administrator must approve; nothing changes yet).
 */
export async function takeUserAction(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  action: string,
  reason: string | undefined,
  context: RequestContext,
): Promise<UserWithPassword> {
  const generated = action === 'reset_password' ? await newOneTimePassword(deps, actor.orgId) : null;
  return deps.database.orm.transaction(async (tx) => {
    const current = await loadUser(tx, actor.orgId, id, true);
    const roles = (await rolesOf(tx, actor.orgId, [id])).get(id) ?? [];
    const state = current.state as UserState;
    const now = deps.now();
    const target = { id, roles };
    const resetter = actor.roles.includes('security_admin') && id !== actor.userId;
    if (action === 'reset_password' && resetter && holdsAdministrativeRole(target)) {
      throw forbidden('管理员账户的密码须经另一名管理员批准才能重置，请改用“申请重置密码”', 'approval_required');
    }
    const known = (userActions as readonly string[]).includes(action);
    const allowed = known && canTakeUserAction(actor, target, action as UserAction);
    const transition = guardTransition(accountWorkflow, state, action, actor.roles, allowed);
    if (transition.action === 'request_password_reset') {
      await fileResetRequest(tx, deps, actor, current, reason, context);
      const [user] = await presentUsers(tx, deps, actor, [current]);
      return { user, oneTimePassword: null };
    }
    if (transition.action === 'unlock' && !isLocked(current, now)) {
      throw conflict(`账户“${current.username}”未被锁定，无需解除`, 'not_locked', { state });
    }
    if (transition.action === 'enable' && current.memberId) {
      await assertMemberHasNoOtherAccount(tx, actor.orgId, current.memberId, id);
    }
    let row = current;
    let sessionsRevoked = 0;
    if (transition.action === 'reset_password' && generated) {
      ({ row, sessionsRevoked } = await applyPasswordReset(tx, deps, current, generated.hash));
    } else {
      const changes = transition.action === 'unlock' ? { failedLoginCount: 0, lockedUntil: null } : {};
      [row] = await tx
        .update(users)
        .set({ ...changes, state: transition.to, version: current.version + 1, updatedAt: now.toISOString() })
        .where(and(eq(users.orgId, actor.orgId), eq(users.id, id)))
        .returning();
      if (transition.action === 'disable') sessionsRevoked = await revokeSessions(tx, { orgId: actor.orgId, userId: id, now });
    }
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: eventTypes[transition.action],
      summary: `${transition.label}账户“${current.username}”${reason ? `：${reason}` : ''}`,
      actor,
      subjectType: 'user',
      subjectId: id,
      before: { state, locked: isLocked(current, now) },
      after: {
        state: row.state,
        locked: isLocked(row, now),
        reason: reason ?? null,
        sessionsRevoked,
        ...(generated ? { delivery: RESET_DELIVERY, mustChangePassword: true } : {}),
      },
      context,
    });
    const [user] = await presentUsers(tx, deps, actor, [row]);
    return { user, oneTimePassword: generated?.password ?? null };
  });
}
