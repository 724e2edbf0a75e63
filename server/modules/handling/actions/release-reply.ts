import type { Reply } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { unitNamesOf } from '../handling.queries.ts';
import { itemWords, loadReplyForWrite, presentReplyAfterWrite, unknownClass, writeReply } from './reply-action.ts';
import { afterReplySent } from './reply-sent.ts';

/**
 * POST /replies/{id}/actions/release (审核通过并答复): the office, having reviewed a signed-off reply, sends it to
 * the proposers, optionally with another result class (the unit's class is kept beside it).
 */
export async function releaseReply(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  resultClass: string | undefined,
  context: RequestContext,
): Promise<Reply> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadReplyForWrite(tx, deps, actor, id, version, 'release');
    const { reply, owner, rules } = subject;
    const classProblem = unknownClass(rules, resultClass);
    if (classProblem)
      throw unprocessable(classProblem, [{ field: 'resultClass', message: classProblem }], 'unknown_result_class');
    const changed =
      reply.kind === 'reply' && rules.resultClasses.length > 0 && resultClass !== undefined && resultClass !== reply.resultClass;
    const now = deps.now().toISOString();
    const updated = await writeReply(tx, subject, now, {
      releasedBy: actor.userId,
      sentAt: now,
      ...(changed ? { resultClass, unitResultClass: reply.resultClass } : {}),
    });
    const unitName = (await unitNamesOf(tx, actor.orgId, [reply.unitId])).get(reply.unitId) ?? '';
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'handling.reply_sent',
      summary: `提案委审核通过${unitName}的答复${changed ? `（类别由 ${reply.resultClass} 改为 ${resultClass}）` : ''}：${itemWords(rules, owner.title)}`,
      actor,
      subjectType: 'proposal_reply',
      subjectId: id,
      before: { state: reply.state, version: reply.version, resultClass: reply.resultClass },
      after: { state: updated.state, version: updated.version, resultClass: updated.resultClass },
      context,
    });
    await afterReplySent(tx, deps, actor, subject, updated, unitName, rules, context);
    return presentReplyAfterWrite(tx, actor, owner.id, id, rules);
  });
}
