import type { Reply } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { notify } from '../../notifications/notify.ts';
import { submitRefusal } from '../handling.policy.ts';
import { loadHandlingRecords, loadLiveAssignmentRows, unitNamesOf } from '../handling.queries.ts';
import { throwIfRefused } from '../handling.refusals.ts';
import { itemWords, loadReplyForWrite, presentReplyAfterWrite, type ReplySubject, writeReply } from './reply-action.ts';

/**
 * Refuses a reply that may not leave the drafting unit yet: the proposers not contacted (when required), a
 * co-handler's opinion still due, no class, or no follow-up date for a class that needs one (kinds without classes
 * or co-handlers skip those).
 */
export async function assertReplyReady(tx: Transaction, actor: Actor, subject: ReplySubject): Promise<void> {
  const { reply, owner, rules } = subject;
  const records = await loadHandlingRecords(tx, actor.orgId, owner.id);
  const live = await loadLiveAssignmentRows(tx, actor.orgId, owner.id);
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
      classRequired: rules.resultClasses.length > 0,
    }),
    rules.kindName,
  );
}

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
    const { reply, owner, rules } = subject;
    await assertReplyReady(tx, actor, subject);
    const updated = await writeReply(tx, subject, deps.now().toISOString(), { returnReason: null });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'handling.reply_submitted',
      summary: `答复送领导签发：${itemWords(rules, owner.title)}`,
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
        title: `答复待签发：${owner.title}`,
        body: `${actor.displayName}已将${itemWords(rules, owner.title)}的答复送签，请分管领导审核签发。`,
        subjectType: 'proposal_reply',
        subjectId: id,
        link: `/handling/${reply.assignmentId}`,
      },
    );
    return presentReplyAfterWrite(tx, actor, owner.id, id, rules);
  });
}
