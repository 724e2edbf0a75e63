import type { Reply } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { notify } from '../../notifications/notify.ts';
import { submitRefusal } from '../handling.policy.ts';
import { loadHandlingRecords, loadLiveAssignmentRows, unitNamesOf } from '../handling.queries.ts';
import { throwIfRefused } from '../handling.refusals.ts';
import { loadReplyForWrite, presentReplyAfterWrite, writeReply } from './reply-action.ts';

/**
 * POST /replies/{id}/actions/submit (送签): the handler sends the draft to the unit leader. Refused until the
 * proposers were contacted (when required), while a co-handler's opinion is still due, without a class, or
 * without the follow-up date a class-B reply needs.
 */
export async function submitReply(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  context: RequestContext,
): Promise<Reply> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadReplyForWrite(tx, deps, actor, id, version, 'submit');
    const { reply, proposal, rules } = subject;
    const records = await loadHandlingRecords(tx, actor.orgId, proposal.id);
    const live = await loadLiveAssignmentRows(tx, actor.orgId, proposal.id);
    const assignment = live.find((row) => row.id === reply.assignmentId);
    const coRows = assignment?.role === 'lead' ? live.filter((row) => row.role === 'co') : [];
    const sent = new Set(records.opinions.map((row) => row.assignmentId));
    const names = await unitNamesOf(
      tx,
      actor.orgId,
      coRows.map((row) => row.unitId),
    );
    throwIfRefused(
      submitRefusal({
        kind: reply.kind as Reply['kind'],
        requireContact: rules.requireContactBeforeReply,
        contactCount: records.contacts.filter((row) => row.assignmentId === reply.assignmentId).length,
        resultClass: reply.resultClass,
        classNeedsFollowUp: rules.resultClasses.some((item) => item.code === reply.resultClass && item.needsFollowUp),
        followUpDueOn: reply.followUpDueOn,
        today: rules.today,
        awaitingCoHandlers: coRows
          .filter((row) => !sent.has(row.id))
          .map((row) => ({ unitName: names.get(row.unitId) ?? '', dueOn: row.dueOn })),
      }),
    );
    const updated = await writeReply(tx, subject, deps.now().toISOString(), { returnReason: null });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'handling.reply_submitted',
      summary: `答复送领导签发：提案“${proposal.title}”`,
      actor,
      subjectType: 'proposal_reply',
      subjectId: id,
      before: { state: reply.state, version: reply.version },
      after: { state: updated.state, version: updated.version },
      context,
    });
    await notify(
      tx,
      actor.orgId,
      { unitIds: [reply.unitId] },
      {
        title: `答复待签发：${proposal.title}`,
        body: `${actor.displayName}已将提案“${proposal.title}”的答复送签，请分管领导审核签发。`,
        subjectType: 'proposal_reply',
        subjectId: id,
        link: `/handling/${reply.assignmentId}`,
      },
    );
    return presentReplyAfterWrite(tx, actor, proposal.id, id, rules);
  });
}
