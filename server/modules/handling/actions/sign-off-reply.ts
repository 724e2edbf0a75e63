import type { Reply } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { notify } from '../../notifications/notify.ts';
import { proposalOfficeUserIds } from '../../proposals/actions/request-adjustment.ts';
import { unitNamesOf } from '../handling.queries.ts';
import { itemWords, loadReplyForWrite, presentReplyAfterWrite, ratersWord, writeReply } from './reply-action.ts';
import { afterReplySent } from './reply-sent.ts';

/**
 * POST /replies/{id}/actions/sign_off | sign_off_and_send (签发): the unit leader approves the reply. Where the
 * committee reviews replies it goes to the office (sign_off); otherwise straight to the raters
 * (sign_off_and_send), which may complete the item's replies.
 */
export async function signOffReply(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  action: 'sign_off' | 'sign_off_and_send',
  context: RequestContext,
): Promise<Reply> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadReplyForWrite(tx, deps, actor, id, version, action);
    const { reply, owner, adapter, rules } = subject;
    const now = deps.now().toISOString();
    const sending = action === 'sign_off_and_send';
    const updated = await writeReply(tx, subject, now, {
      signedOffBy: actor.userId,
      signedOffByName: actor.displayName,
      signedOffAt: now,
      ...(sending ? { sentAt: now } : {}),
    });
    const unitName = (await unitNamesOf(tx, actor.orgId, [reply.unitId])).get(reply.unitId) ?? '';
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: sending ? 'handling.reply_sent' : 'handling.reply_signed_off',
      summary: `${unitName}分管领导签发答复${sending ? `并送达${ratersWord(rules)}` : '，送提案委审核'}：${itemWords(rules, owner.title)}`,
      actor,
      subjectType: 'proposal_reply',
      subjectId: id,
      before: { state: reply.state, version: reply.version },
      after: { state: updated.state, version: updated.version, resultClass: updated.resultClass },
      context,
    });
    if (sending) {
      await afterReplySent(tx, deps, actor, subject, updated, unitName, rules, context);
    } else {
      await notify(
        tx,
        actor.orgId,
        { userIds: await proposalOfficeUserIds(tx, actor.orgId) },
        {
          title: `答复待审核：${owner.title}`,
          body: `${unitName}已签发${itemWords(rules, owner.title)}的答复，请审核后送达${ratersWord(rules)}。`,
          subjectType: 'proposal_reply',
          subjectId: id,
          link: adapter.link(owner),
        },
      );
    }
    return presentReplyAfterWrite(tx, actor, owner.id, id, rules);
  });
}
