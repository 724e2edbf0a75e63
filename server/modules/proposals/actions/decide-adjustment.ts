import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Assignment, AssignmentRole, approveAdjustmentSchema } from '../../../../contracts/proposals.ts';
import { assignmentRoleNames } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { newId } from '../../../platform/db/columns.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { itemAssignments } from '../../handling/handled-items.tables.ts';
import { notify } from '../../notifications/notify.ts';
import { loadCalendar } from '../../orgs/orgs.calendar.ts';
import { activeUnitNames, deadlinesFor, loadAssignmentRules, presentAssignmentFor } from '../assignments.queries.ts';
import { indexProposal } from '../proposals.search.ts';
import { notifyAssignedUnit } from './assign-proposal.ts';
import { loadForAssignmentAction, writeAssignment } from './assignment-action.ts';
import { reasonSentence } from './review-decision.ts';

/**
 * POST /assignments/{id}/actions/approve_adjustment: the office agrees to replace the unit. The row becomes
 * reassigned (replacedById set) and the replacement unit — active, and not already live on the proposal — gets a
 * new pending row in the same role with fresh deadlines counted from today. Both units are notified.
 */
export async function approveAdjustment(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: z.output<typeof approveAdjustmentSchema>,
  context: RequestContext,
): Promise<Assignment> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadForAssignmentAction(tx, actor, id, version, 'approve_adjustment');
    const { row, proposal } = subject;
    const names = await activeUnitNames(tx, actor.orgId, [input.replacementUnitId, row.unitId]);
    const replacementName = names.get(input.replacementUnitId);
    if (!replacementName) {
      throw unprocessable(
        '调整后的承办单位不存在或已停用',
        [{ field: 'replacementUnitId', message: '承办单位不存在或已停用' }],
        'unknown_unit',
      );
    }
    const [live] = await tx
      .select({ id: itemAssignments.id })
      .from(itemAssignments)
      .where(
        and(
          eq(itemAssignments.orgId, actor.orgId),
          eq(itemAssignments.itemId, row.itemId),
          eq(itemAssignments.unitId, input.replacementUnitId),
          ne(itemAssignments.state, 'reassigned'),
        ),
      );
    if (live) {
      throw unprocessable(
        `${replacementName}已在承办这件提案，请选择其他单位`,
        [{ field: 'replacementUnitId', message: '该单位已在承办这件提案' }],
        'unit_already_assigned',
      );
    }
    const rules = await loadAssignmentRules(tx, deps, actor.orgId);
    const now = deps.now().toISOString();
    const replacementId = newId();
    const reason = input.reason ?? null;
    const reassigned = await writeAssignment(tx, subject, now, { replacedById: replacementId, decisionReason: reason });
    const [replacement] = await tx
      .insert(itemAssignments)
      .values({
        orgId: actor.orgId,
        id: replacementId,
        itemId: row.itemId,
        unitId: input.replacementUnitId,
        role: row.role,
        state: 'pending',
        assignedAt: now,
        ...deadlinesFor(rules, row.role),
      })
      .returning()
      .catch((error: unknown) => {
        // Another approval gave the proposal to the same unit meanwhile.
        if (isUniqueViolation(error)) throw conflict(`${replacementName}已在承办这件提案，请刷新后重试`, 'unit_already_assigned');
        throw error;
      });
    const oldName = names.get(row.unitId) ?? '原承办单位';
    const role = assignmentRoleNames[row.role as AssignmentRole];
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'assignment.adjustment_approved',
      summary: `同意调整：提案“${proposal.title}”的${role}单位由${oldName}改为${replacementName}`,
      actor,
      subjectType: 'proposal_assignment',
      subjectId: id,
      before: { state: row.state, version: row.version, unitId: row.unitId },
      after: {
        state: reassigned.state,
        version: reassigned.version,
        replacedById: replacementId,
        replacement: { unitId: replacement.unitId, role: replacement.role, dueOn: replacement.dueOn },
        reason,
      },
      context,
    });
    await notifyAssignedUnit(tx, proposal, replacement, true);
    await notify(
      tx,
      actor.orgId,
      { unitIds: [row.unitId] },
      {
        title: `调整申请已同意：${proposal.title}`,
        body: `贵单位关于提案“${proposal.title}”的调整申请已同意，改由${replacementName}承办，贵单位不再办理。${reasonSentence(reason, '说明')}`,
        subjectType: 'proposal_assignment',
        subjectId: id,
        link: `/assignments/${id}`,
      },
    );
    await indexProposal(tx, actor.orgId, row.itemId);
    return presentAssignmentFor(tx, actor, reassigned, rules.today);
  });
}

/**
 * POST /assignments/{id}/actions/refuse_adjustment: the office keeps the unit, with a reason; the row is back to
 * pending (to be signed for) and the unit is notified.
 */
export async function refuseAdjustment(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  reason: string,
  context: RequestContext,
): Promise<Assignment> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadForAssignmentAction(tx, actor, id, version, 'refuse_adjustment');
    const { row, proposal } = subject;
    const now = deps.now().toISOString();
    const refused = await writeAssignment(tx, subject, now, { decisionReason: reason });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'assignment.adjustment_refused',
      summary: `不同意调整：提案“${proposal.title}”，理由：${reason}`,
      actor,
      subjectType: 'proposal_assignment',
      subjectId: id,
      before: { state: row.state, version: row.version },
      after: { state: refused.state, version: refused.version, reason },
      context,
    });
    await notify(
      tx,
      actor.orgId,
      { unitIds: [row.unitId] },
      {
        title: `调整申请未同意：${proposal.title}`,
        body: `贵单位关于提案“${proposal.title}”的调整申请未获同意，请签收并按期办理。${reasonSentence(reason)}`,
        subjectType: 'proposal_assignment',
        subjectId: id,
        link: `/assignments/${id}`,
      },
    );
    const calendar = await loadCalendar(tx, actor.orgId);
    return presentAssignmentFor(tx, actor, refused, calendar.today(deps.now()));
  });
}
