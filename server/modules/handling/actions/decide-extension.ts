import { and, eq } from 'drizzle-orm';
import type { Extension, ExtensionAction, HandledKind } from '../../../../contracts/handling.ts';
import { handledKindNames } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { conflict, notFound } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { notify } from '../../notifications/notify.ts';
import { itemAssignments } from '../handled-items.tables.ts';
import { loadHandledItem } from '../handled-items.ts';
import { presentExtension } from '../handling.presenter.ts';
import { unitNamesOf } from '../handling.queries.ts';
import { extensionRequests } from '../handling.tables.ts';
import { extensionWorkflow } from '../handling.workflow.ts';

/**
 * POST /extension-requests/{id}/actions/approve|refuse: the office decides. Approval moves the assignment's due
 * date to the requested one (the assignment's version moves too); refusal needs a reason. The unit is told.
 */
export async function decideExtension(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  action: ExtensionAction,
  reason: string | null,
  context: RequestContext,
): Promise<Extension> {
  return deps.database.orm.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(extensionRequests)
      .where(and(eq(extensionRequests.orgId, actor.orgId), eq(extensionRequests.id, id)))
      .for('update');
    if (!row) throw notFound('延期申请');
    const transition = guardTransition(extensionWorkflow, row.state as Extension['state'], action, actor.roles);
    if (row.version !== version) throw versionConflict('延期申请');
    const item = await loadHandledItem(tx, actor.orgId, row.itemId);
    const kindName = handledKindNames[item.kind as HandledKind] ?? item.kind;
    if (item.phase === 'archived') throw conflict(`${kindName}已随会议归档，不能再审批延期`, 'archived');
    const now = deps.now().toISOString();
    const updated = await tx
      .update(extensionRequests)
      .set({
        state: transition.to,
        decidedBy: actor.userId,
        decidedAt: now,
        decisionReason: reason,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(extensionRequests.orgId, actor.orgId), eq(extensionRequests.id, id), eq(extensionRequests.version, version)))
      .returning();
    assertVersionMatched(updated.length, '延期申请');
    if (action === 'approve') {
      const [assignment] = await tx
        .select()
        .from(itemAssignments)
        .where(and(eq(itemAssignments.orgId, actor.orgId), eq(itemAssignments.id, row.assignmentId)))
        .for('update');
      if (!assignment) throw notFound('交办件');
      await tx
        .update(itemAssignments)
        .set({ dueOn: row.requestedDueOn, version: assignment.version + 1, updatedAt: now })
        .where(and(eq(itemAssignments.orgId, actor.orgId), eq(itemAssignments.id, assignment.id)));
    }
    const unitName = (await unitNamesOf(tx, actor.orgId, [row.unitId])).get(row.unitId) ?? '';
    const verdict = action === 'approve' ? `同意延期至 ${row.requestedDueOn}` : '不同意延期';
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: action === 'approve' ? 'handling.extension_approved' : 'handling.extension_refused',
      summary: `${verdict}：${unitName}承办的${kindName}“${item.title}”`,
      actor,
      subjectType: 'extension_request',
      subjectId: id,
      before: { state: row.state, version: row.version, dueOn: row.previousDueOn },
      after: {
        state: transition.to,
        version: row.version + 1,
        dueOn: action === 'approve' ? row.requestedDueOn : row.previousDueOn,
        reason,
      },
      context,
    });
    await notify(
      tx,
      actor.orgId,
      { unitIds: [row.unitId] },
      {
        title: `延期申请${action === 'approve' ? '已同意' : '未同意'}：${item.title}`,
        body: `${kindName}“${item.title}”的延期申请：${verdict}。${reason ? `说明：${reason}` : ''}`,
        subjectType: 'proposal_assignment',
        subjectId: row.assignmentId,
        link: `/handling/${row.assignmentId}`,
      },
    );
    return presentExtension(actor, updated[0], { unitName, proposalTitle: item.title, kind: item.kind });
  });
}
