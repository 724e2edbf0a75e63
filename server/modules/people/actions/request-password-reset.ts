import { and, eq, gt, inArray, notInArray } from 'drizzle-orm';
import { administratorRoles } from '../../../../contracts/roles.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { badRequest, conflict } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { notify } from '../../notifications/notify.ts';
import type { UserRow } from '../people.presenter.ts';
import { passwordResetRequests, userRoles, users } from '../people.tables.ts';
import { PASSWORD_RESET_REQUEST_HOURS } from '../people.workflow.ts';

/**
 * Files a request to reset an administrator's password in the caller's transaction (the account workflow's
 * request_password_reset, already allowed by the policy): a reason is required, one pending request per account;
 * the administrators who may approve it are notified. The password itself does not change yet.
 */
export async function fileResetRequest(
  tx: Transaction,
  deps: AppDependencies,
  actor: Actor,
  target: UserRow,
  reason: string | undefined,
  context: RequestContext,
): Promise<string> {
  if (!reason) throw badRequest('请说明申请重置密码的原因', [{ field: 'reason', message: '请填写原因' }], 'reason_required');
  const now = deps.now();
  const [pending] = await tx
    .select({ id: passwordResetRequests.id })
    .from(passwordResetRequests)
    .where(
      and(
        eq(passwordResetRequests.orgId, actor.orgId),
        eq(passwordResetRequests.userId, target.id),
        eq(passwordResetRequests.state, 'pending'),
        gt(passwordResetRequests.expiresAt, now.toISOString()),
      ),
    );
  if (pending) throw conflict(`账户“${target.username}”已有待批准的密码重置申请`, 'reset_pending');
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_REQUEST_HOURS * 3_600_000).toISOString();
  const [request] = await tx
    .insert(passwordResetRequests)
    .values({
      orgId: actor.orgId,
      userId: target.id,
      requestedBy: actor.userId,
      reason,
      expiresAt,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .returning({ id: passwordResetRequests.id });
  await recordEvent(tx, deps.config.auditHash, {
    orgId: actor.orgId,
    type: 'user.password_reset_requested',
    summary: `申请重置管理员账户“${target.username}”的密码：${reason}`,
    actor,
    subjectType: 'user',
    subjectId: target.id,
    after: { requestId: request.id, reason, expiresAt },
    context,
  });
  const approvers = await tx
    .selectDistinct({ id: users.id })
    .from(userRoles)
    .innerJoin(users, and(eq(users.orgId, userRoles.orgId), eq(users.id, userRoles.userId)))
    .where(
      and(
        eq(userRoles.orgId, actor.orgId),
        inArray(userRoles.role, [...administratorRoles]),
        eq(users.state, 'active'),
        notInArray(users.id, [actor.userId, target.id]),
      ),
    );
  await notify(
    tx,
    actor.orgId,
    { userIds: approvers.map((row) => row.id) },
    {
      title: '有待批准的管理员密码重置申请',
      body: `${actor.displayName}申请重置账户“${target.username}”的密码（${reason}），须由另一名管理员批准。`,
      subjectType: 'password_reset_request',
      subjectId: request.id,
      link: '/admin/password-resets',
    },
  );
  return request.id;
}
