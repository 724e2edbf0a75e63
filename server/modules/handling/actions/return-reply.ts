import type { Reply } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { notify } from '../../notifications/notify.ts';
import { itemWords, loadReplyForWrite, presentReplyAfterWrite, writeReply } from './reply-action.ts';

/**
 * POST /replies/{id}/actions/return (退回修改): the unit leader (before sign-off) or the office (in review) sends
 * the reply back to the handler with a reason; it is a draft again.
 */
export async function returnReply(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  reason: string,
  context: RequestContext,
): Promise<Reply> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadReplyForWrite(tx, deps, actor, id, version, 'return');
    const { reply, owner, rules } = subject;
    const updated = await writeReply(tx, subject, deps.now().toISOString(), {
      returnReason: reason,
      signedOffBy: null,
      signedOffByName: null,
      signedOffAt: null,
    });
    const by = reply.state === 'office_review' ? '提案委' : '分管领导';
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'handling.reply_returned',
      summary: `${by}退回答复修改：${itemWords(rules, owner.title)}`,
      actor,
      subjectType: 'proposal_reply',
      subjectId: id,
      before: { state: reply.state, version: reply.version },
      after: { state: updated.state, version: updated.version, reason },
      context,
    });
    await notify(
      tx,
      actor.orgId,
      { unitIds: [reply.unitId] },
      {
        title: `答复被退回修改：${owner.title}`,
        body: `${by}退回了${itemWords(rules, owner.title)}的答复。理由：${reason}`,
        subjectType: 'proposal_reply',
        subjectId: id,
        link: `/handling/${reply.assignmentId}`,
      },
    );
    return presentReplyAfterWrite(tx, actor, owner.id, id, rules);
  });
}
