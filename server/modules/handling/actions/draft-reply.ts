import type { HandledKind, Reply, ReplyDraft } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { isUnitUserOf } from '../../proposals/assignments.policy.ts';
import { contactRefusal } from '../handling.policy.ts';
import { nextRound } from '../handling.progress.ts';
import { loadAssignmentWithItem, loadHandlingRules, loadReplies } from '../handling.queries.ts';
import { throwIfRefused } from '../handling.refusals.ts';
import { itemReplies } from '../handling.tables.ts';
import { handlingFacts } from '../handling.view.ts';
import { classOf, itemWords, presentReplyAfterWrite, unknownClass } from './reply-action.ts';

/**
 * POST /assignments/{id}/replies: a replying unit starts the reply of its current round (one per round; round 2
 * after a dissatisfied rating reopened handling), or a follow-up report once a reply with a class that promises
 * one (B) was sent. The draft is the unit's until it goes to the leader (or, for a kind without sign-off, out).
 */
export async function draftReply(
  deps: AppDependencies,
  actor: Actor,
  assignmentId: string,
  input: ReplyDraft,
  context: RequestContext,
): Promise<Reply> {
  return deps.database.orm.transaction(async (tx) => {
    const { assignment, owner, item } = await loadAssignmentWithItem(tx, actor, assignmentId, true);
    const rules = await loadHandlingRules(tx, deps, actor.orgId, item.kind as HandledKind);
    const replies = await loadReplies(tx, actor.orgId, owner.id);
    const classProblem = unknownClass(rules, input.resultClass);
    if (classProblem)
      throw unprocessable(classProblem, [{ field: 'resultClass', message: classProblem }], 'unknown_result_class');
    let round: number;
    if (input.kind === 'reply') {
      throwIfRefused(contactRefusal(actor, handlingFacts(assignment, rules), owner.phase), rules.kindName);
      round = nextRound(assignmentId, replies);
      if (replies.some((row) => row.assignmentId === assignmentId && row.kind === 'reply' && row.round === round)) {
        throw conflict('本轮答复已在起草中，请修改已有的答复稿', 'reply_exists');
      }
    } else {
      if (!isUnitUserOf(actor, assignment.unitId)) throw forbidden('只有本单位的经办人或分管领导可以报告后续办理情况');
      const promised = replies.filter(
        (row) =>
          row.assignmentId === assignmentId &&
          row.kind === 'reply' &&
          row.state === 'sent' &&
          rules.resultClasses.some((entry) => entry.code === row.resultClass && entry.needsFollowUp),
      );
      if (promised.length === 0) throw conflict('只有承诺后续办理（B 类）的答复才需要报告后续办理情况', 'no_follow_up_due');
      if (owner.phase === 'archived') throw conflict(`${rules.kindName}已归档，不能再报告`, 'archived');
      round = Math.max(...promised.map((row) => row.round));
    }
    const [row] = await tx
      .insert(itemReplies)
      .values({
        orgId: actor.orgId,
        itemId: owner.id,
        assignmentId,
        unitId: assignment.unitId,
        kind: input.kind,
        round,
        text: input.text,
        resultClass: classOf(rules, input.kind, input.resultClass),
        contactPerson: input.contactPerson,
        contactPhone: input.contactPhone,
        followUpDueOn: input.kind === 'reply' && rules.resultClasses.length > 0 ? (input.followUpDueOn ?? null) : null,
        draftedBy: actor.userId,
        draftedByName: actor.displayName,
      })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw conflict('本轮答复已在起草中，请修改已有的答复稿', 'reply_exists');
        throw error;
      });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'handling.reply_drafted',
      summary: `起草${input.kind === 'reply' ? `第 ${round} 轮答复` : '后续办理情况报告'}：${itemWords(rules, owner.title)}`,
      actor,
      subjectType: 'proposal_reply',
      subjectId: row.id,
      after: { state: row.state, version: row.version, kind: row.kind, round, resultClass: row.resultClass },
      context,
    });
    return presentReplyAfterWrite(tx, actor, owner.id, row.id, rules);
  });
}
