import { and, eq } from 'drizzle-orm';
import {
  type PasswordResetAction,
  type PasswordResetDecision,
  type PasswordResetState,
  passwordResetActions,
} from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { badRequest, conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { isExpired, loadResetRequest, presentResetRequests } from '../password-resets.queries.ts';
import { canDecidePasswordReset, canReadPasswordResets } from '../people.policy.ts';
import { passwordResetRequests } from '../people.tables.ts';
import { passwordResetWorkflow } from '../people.workflow.ts';
import { loadUser } from '../users.queries.ts';
import { applyPasswordReset, newOneTimePassword, RESET_DELIVERY } from './reset-password.ts';

const eventTypes: Record<PasswordResetAction, string> = {
  approve: 'user.password_reset',
  reject: 'user.password_reset_rejected',
  cancel: 'user.password_reset_cancelled',
};

/**
 * POST /password-reset-requests/{id}/actions/{action}: a second administrator approves (the password is reset
 * then, shown once to the approver, the owner must change it and is signed out) or rejects the request; the
 * requester may cancel it. The requester never approves their own, nor the account's owner a reset of theirs;
 * an expired request is refused. One transaction with the event.
 */
export async function decidePasswordReset(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  action: string,
  reason: string | undefined,
  context: RequestContext,
): Promise<PasswordResetDecision> {
  if (!canReadPasswordResets(actor)) throw forbidden('只有管理员可以处理密码重置申请');
  const generated = action === 'approve' ? await newOneTimePassword(deps, actor.orgId) : null;
  return deps.database.orm.transaction(async (tx) => {
    const request = await loadResetRequest(tx, actor.orgId, id, true);
    const known = (passwordResetActions as readonly string[]).includes(action);
    const allowed = known && canDecidePasswordReset(actor, request, action as PasswordResetAction);
    const transition = guardTransition(passwordResetWorkflow, request.state as PasswordResetState, action, actor.roles, allowed);
    const now = deps.now();
    if (transition.action === 'approve' && isExpired(request, now)) {
      throw conflict('该申请已超过有效期，请重新申请', 'request_expired');
    }
    if (transition.needsReason && !reason) {
      throw badRequest('请说明驳回原因', [{ field: 'reason', message: '请填写原因' }], 'reason_required');
    }
    const target = await loadUser(tx, actor.orgId, request.userId, true);
    let sessionsRevoked = 0;
    if (transition.action === 'approve' && generated) {
      if (target.state !== 'active') throw conflict(`账户“${target.username}”已停用，不能重置密码`, 'invalid_transition');
      ({ sessionsRevoked } = await applyPasswordReset(tx, deps, target, generated.hash));
    }
    const [row] = await tx
      .update(passwordResetRequests)
      .set({
        state: transition.to,
        decidedBy: actor.userId,
        decidedAt: now.toISOString(),
        decisionReason: reason ?? null,
        version: request.version + 1,
        updatedAt: now.toISOString(),
      })
      .where(and(eq(passwordResetRequests.orgId, actor.orgId), eq(passwordResetRequests.id, id)))
      .returning();
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: eventTypes[transition.action],
      summary: `${transition.label}：管理员账户“${target.username}”的密码重置申请${reason ? `（${reason}）` : ''}`,
      actor,
      subjectType: 'user',
      subjectId: target.id,
      before: { requestId: id, state: request.state },
      after: {
        requestId: id,
        state: row.state,
        requestedBy: request.requestedBy,
        decidedBy: actor.userId,
        reason: reason ?? null,
        ...(generated ? { delivery: RESET_DELIVERY, mustChangePassword: true, sessionsRevoked } : {}),
      },
      context,
    });
    const [presented] = await presentResetRequests(tx, deps, actor, [row]);
    return { request: presented, oneTimePassword: generated?.password ?? null };
  });
}
