import type { Reply, ReplyDraft } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { isUnitUserOf } from '../../proposals/assignments.policy.ts';
import { classOf, itemWords, loadReplyForWrite, presentReplyAfterWrite, unknownClass, writeReply } from './reply-action.ts';

/** PATCH /replies/{id} (If-Match): the unit edits its draft (also one sent back); the kind stays. */
export async function updateReply(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: Omit<ReplyDraft, 'kind'>,
  context: RequestContext,
): Promise<Reply> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadReplyForWrite(tx, deps, actor, id, version, null);
    const { reply, rules } = subject;
    if (!isUnitUserOf(actor, reply.unitId)) throw forbidden('只有本单位的经办人或分管领导可以修改答复稿');
    if (reply.state !== 'draft') throw conflict('答复已送签，不能再修改（可请分管领导退回修改）', 'invalid_transition');
    const classProblem = unknownClass(rules, input.resultClass);
    if (classProblem)
      throw unprocessable(classProblem, [{ field: 'resultClass', message: classProblem }], 'unknown_result_class');
    const classed = reply.kind === 'reply' && rules.resultClasses.length > 0;
    const updated = await writeReply(tx, subject, deps.now().toISOString(), {
      text: input.text,
      resultClass: classOf(rules, reply.kind, input.resultClass),
      contactPerson: input.contactPerson,
      contactPhone: input.contactPhone,
      followUpDueOn: classed ? (input.followUpDueOn ?? null) : null,
    });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'handling.reply_edited',
      summary: `修改答复稿：${itemWords(rules, subject.owner.title)}`,
      actor,
      subjectType: 'proposal_reply',
      subjectId: id,
      before: { version: reply.version, resultClass: reply.resultClass },
      after: { version: updated.version, resultClass: updated.resultClass },
      context,
    });
    return presentReplyAfterWrite(tx, actor, reply.itemId, id, rules);
  });
}
