import type { Reply } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { unitNamesOf } from '../handling.queries.ts';
import { itemWords, loadReplyForWrite, presentReplyAfterWrite, writeReply } from './reply-action.ts';
import { afterReplySent } from './reply-sent.ts';
import { assertReplyReady } from './submit-reply.ts';

/**
 * POST /replies/{id}/actions/send (发送答复): for a kind whose replies need no leader's sign-off (a micro-suggestion
 * unless the committee asks for one), the unit's handler sends the draft straight to the raters; it may complete
 * the item's replies. Never offered for a proposal (the policy).
 */
export async function sendReply(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  context: RequestContext,
): Promise<Reply> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadReplyForWrite(tx, deps, actor, id, version, 'send');
    const { reply, owner, rules } = subject;
    await assertReplyReady(tx, actor, subject);
    const now = deps.now().toISOString();
    const updated = await writeReply(tx, subject, now, { returnReason: null, sentAt: now });
    const unitName = (await unitNamesOf(tx, actor.orgId, [reply.unitId])).get(reply.unitId) ?? '';
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'handling.reply_sent',
      summary: `${unitName}答复${itemWords(rules, owner.title)}`,
      actor,
      subjectType: 'proposal_reply',
      subjectId: id,
      before: { state: reply.state, version: reply.version },
      after: { state: updated.state, version: updated.version },
      context,
    });
    await afterReplySent(tx, deps, actor, subject, updated, unitName, rules, context);
    return presentReplyAfterWrite(tx, actor, owner.id, id, rules);
  });
}
