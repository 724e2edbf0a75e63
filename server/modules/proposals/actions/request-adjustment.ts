import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Assignment, requestAdjustmentSchema } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { notify } from '../../notifications/notify.ts';
import { loadCalendar } from '../../orgs/orgs.calendar.ts';
import { userRoles, users } from '../../people/people.tables.ts';
import { adjustmentWindowOpen } from '../assignments.policy.ts';
import { activeUnitNames, presentAssignmentFor } from '../assignments.queries.ts';
import { loadForAssignmentAction, writeAssignment } from './assignment-action.ts';

/** The active users of the committee holding the proposal_office role. */
export async function proposalOfficeUserIds(tx: Transaction, orgId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(userRoles)
    .innerJoin(users, and(eq(users.orgId, userRoles.orgId), eq(users.id, userRoles.userId)))
    .where(and(eq(userRoles.orgId, orgId), eq(userRoles.role, 'proposal_office'), eq(users.state, 'active')));
  return rows.map((row) => row.id);
}

/**
 * POST /assignments/{id}/actions/request_adjustment (申请调整): the unit asks to be replaced, with a reason, until
 * its adjustmentUntil date (inclusive; afterwards a 409 naming the date). The office users are notified.
 */
export async function requestAdjustment(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: z.output<typeof requestAdjustmentSchema>,
  context: RequestContext,
): Promise<Assignment> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadForAssignmentAction(tx, actor, id, version, 'request_adjustment');
    const calendar = await loadCalendar(tx, actor.orgId);
    const today = calendar.today(deps.now());
    if (!adjustmentWindowOpen(subject.row, today)) {
      throw conflict(
        `申请调整的期限已于 ${subject.row.adjustmentUntil} 截止，不能再申请调整；如确有困难，请与提案委联系`,
        'adjustment_window_closed',
        { adjustmentUntil: subject.row.adjustmentUntil },
      );
    }
    let suggestedName: string | undefined;
    if (input.suggestedUnitId) {
      suggestedName = (await activeUnitNames(tx, actor.orgId, [input.suggestedUnitId])).get(input.suggestedUnitId);
      if (!suggestedName) {
        throw unprocessable(
          '建议的承办单位不存在或已停用',
          [{ field: 'suggestedUnitId', message: '承办单位不存在或已停用' }],
          'unknown_unit',
        );
      }
    }
    const now = deps.now().toISOString();
    const requested = await writeAssignment(tx, subject, now, {
      adjustmentReason: input.reason,
      adjustmentSuggestedUnitId: input.suggestedUnitId ?? null,
      adjustmentRequestedAt: now,
      decisionReason: null,
    });
    const [unitName] = (await activeUnitNames(tx, actor.orgId, [requested.unitId])).values();
    const title = subject.proposal.title;
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'assignment.adjustment_requested',
      summary: `${unitName ?? '承办单位'}申请调整提案“${title}”，理由：${input.reason}`,
      actor,
      subjectType: 'proposal_assignment',
      subjectId: id,
      before: { state: subject.row.state, version: subject.row.version },
      after: {
        state: requested.state,
        version: requested.version,
        reason: input.reason,
        suggestedUnitId: input.suggestedUnitId ?? null,
      },
      context,
    });
    await notify(
      tx,
      actor.orgId,
      { userIds: await proposalOfficeUserIds(tx, actor.orgId) },
      {
        title: `申请调整：${title}`,
        body: `${unitName ?? '承办单位'}申请调整提案“${title}”的承办单位。理由：${input.reason}${suggestedName ? `；建议改由${suggestedName}承办` : ''}。请及时审核。`,
        subjectType: 'proposal_assignment',
        subjectId: id,
        link: `/assignments/${id}`,
      },
    );
    return presentAssignmentFor(tx, actor, requested, today);
  });
}
