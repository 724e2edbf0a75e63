import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CoOpinion, coOpinionCreateSchema, HandledKind } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { notify } from '../../notifications/notify.ts';
import { itemAssignments } from '../handled-items.tables.ts';
import { opinionRefusal } from '../handling.policy.ts';
import { presentOpinion } from '../handling.presenter.ts';
import {
  loadAssignmentWithItem,
  loadHandlingRecords,
  loadHandlingRules,
  loadLiveAssignmentRows,
  unitNamesOf,
} from '../handling.queries.ts';
import { throwIfRefused } from '../handling.refusals.ts';
import { coHandlerOpinions } from '../handling.tables.ts';
import { handlingFacts } from '../handling.view.ts';

/**
 * POST /assignments/{id}/co-opinion (会办意见): a co-handling unit sends its opinion to the lead unit, once. After
 * the co-handler's deadline it is still accepted and marked late (the lead unit may already have replied without).
 */
export async function sendCoOpinion(
  deps: AppDependencies,
  actor: Actor,
  assignmentId: string,
  input: z.output<typeof coOpinionCreateSchema>,
  context: RequestContext,
): Promise<CoOpinion> {
  return deps.database.orm.transaction(async (tx) => {
    const { assignment, owner: proposal, item } = await loadAssignmentWithItem(tx, actor, assignmentId, true);
    const rules = await loadHandlingRules(tx, deps, actor.orgId, item.kind as HandledKind);
    const records = await loadHandlingRecords(tx, actor.orgId, proposal.id);
    const alreadySent = records.opinions.some((row) => row.assignmentId === assignmentId);
    throwIfRefused(opinionRefusal(actor, handlingFacts(assignment, rules), proposal.phase, alreadySent), rules.kindName);
    const late = rules.today > assignment.dueOn;
    const [row] = await tx
      .insert(coHandlerOpinions)
      .values({
        orgId: actor.orgId,
        assignmentId,
        itemId: proposal.id,
        unitId: assignment.unitId,
        text: input.text,
        late,
        sentBy: actor.userId,
        sentByName: actor.displayName,
      })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw conflict('本单位已提出会办意见，不能重复提交', 'already_sent');
        throw error;
      });
    await tx
      .update(itemAssignments)
      .set({ repliedAt: row.sentAt })
      .where(and(eq(itemAssignments.orgId, actor.orgId), eq(itemAssignments.id, assignmentId)));
    const names = await unitNamesOf(tx, actor.orgId, [assignment.unitId]);
    const unitName = names.get(assignment.unitId) ?? '';
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'handling.co_opinion_sent',
      summary: `${unitName}提出会办意见${late ? '（逾期）' : ''}：提案“${proposal.title}”`,
      actor,
      subjectType: 'proposal_assignment',
      subjectId: assignmentId,
      after: { opinionId: row.id, late, proposalId: proposal.id },
      context,
    });
    const lead = (await loadLiveAssignmentRows(tx, actor.orgId, proposal.id)).find((item) => item.role === 'lead');
    if (lead) {
      await notify(
        tx,
        actor.orgId,
        { unitIds: [lead.unitId] },
        {
          title: `收到会办意见：${proposal.title}`,
          body: `${unitName}对提案“${proposal.title}”提出了会办意见，请在起草答复时参考。`,
          subjectType: 'proposal_assignment',
          subjectId: lead.id,
          link: `/handling/${lead.id}`,
        },
      );
    }
    return presentOpinion(row, unitName);
  });
}
