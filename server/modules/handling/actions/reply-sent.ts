import { and, eq } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { addDays } from '../../../platform/calendar/business-date.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { notify } from '../../notifications/notify.ts';
import { itemAssignments } from '../handled-items.tables.ts';
import { repliesToProposers } from '../handling.policy.ts';
import { assignmentsOwingReply } from '../handling.progress.ts';
import {
  type HandledSubject,
  type HandlingRules,
  loadLiveAssignmentRows,
  loadReplies,
  type ReplyRow,
} from '../handling.queries.ts';
import { itemReplies } from '../handling.tables.ts';
import { itemWords } from './reply-action.ts';

/** Moves a proposal for a handling action (now the proposal kind's own move: proposals.handling.ts). */
export { moveProposal } from '../../proposals/proposals.handling.ts';

/**
 * What follows a reply reaching the raters: they are told; when it was the last reply the item owed (every
 * replying unit's latest reply sent, none reopened), the item's owner moves to replied and the rating window opens.
 */
export async function afterReplySent(
  tx: Transaction,
  deps: AppDependencies,
  actor: Actor,
  subject: Pick<HandledSubject, 'owner' | 'adapter'>,
  reply: ReplyRow,
  unitName: string,
  rules: HandlingRules,
  context: RequestContext,
): Promise<void> {
  const { owner, adapter } = subject;
  const raters = await adapter.raters(tx, owner);
  const memberIds = raters.flatMap((rater) => (rater.memberId ? [rater.memberId] : []));
  const what = reply.kind === 'reply' ? '答复' : '后续办理情况报告';
  await notify(
    tx,
    owner.orgId,
    { memberIds },
    {
      title: `${unitName}已${what}：${owner.title}`,
      body:
        reply.kind === 'reply'
          ? `${unitName}已答复您的${itemWords(rules, owner.title)}，请查看答复并在 ${rules.ratingWindowDays} 天内评价。`
          : `${unitName}报告了${itemWords(rules, owner.title)}的后续办理情况。`,
      subjectType: owner.kind,
      subjectId: owner.id,
      link: adapter.link(owner),
    },
  );
  if (adapter.reindex) await adapter.reindex(tx, owner);
  if (reply.kind !== 'reply') return;
  const [assignment] = await tx
    .update(itemAssignments)
    .set({ repliedAt: deps.now().toISOString() })
    .where(and(eq(itemAssignments.orgId, owner.orgId), eq(itemAssignments.id, reply.assignmentId)))
    .returning({ dueOn: itemAssignments.dueOn });
  await tx
    .update(itemReplies)
    .set({ dueOnAtSend: assignment?.dueOn ?? null })
    .where(and(eq(itemReplies.orgId, owner.orgId), eq(itemReplies.id, reply.id)));
  if (owner.phase !== 'handling') return;
  const live = await loadLiveAssignmentRows(tx, owner.orgId, owner.id);
  const replyingIds = live.filter((row) => repliesToProposers(row.role)).map((row) => row.id);
  const owing = assignmentsOwingReply(replyingIds, await loadReplies(tx, owner.orgId, owner.id));
  if (owing.length > 0) return;
  await adapter.move(
    tx,
    deps,
    owner,
    'record_reply',
    { repliedAt: deps.now().toISOString(), ratingDueOn: addDays(rules.today, rules.ratingWindowDays) },
    { actor, roles: actor.roles, context, summary: `${itemWords(rules, owner.title)}各承办单位均已答复，进入满意度评价` },
  );
}
