import { and, eq } from 'drizzle-orm';
import type { ProposalState } from '../../../../contracts/proposals.ts';
import type { Role } from '../../../../contracts/roles.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { addDays } from '../../../platform/calendar/business-date.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched } from '../../../platform/http/concurrency.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { notify } from '../../notifications/notify.ts';
import type { ProposalRow } from '../../proposals/proposals.queries.ts';
import { indexProposal } from '../../proposals/proposals.search.ts';
import { proposals } from '../../proposals/proposals.tables.ts';
import { itemAssignments } from '../handled-items.tables.ts';
import { syncProposalHandledItem } from '../../proposals/proposals.handled-item.ts';
import { proposalWorkflow } from '../../proposals/proposals.workflow.ts';
import { repliesToProposers } from '../handling.policy.ts';
import { assignmentsOwingReply } from '../handling.progress.ts';
import { type HandlingRules, loadLiveAssignmentRows, loadRaters, loadReplies, type ReplyRow } from '../handling.queries.ts';
import { itemReplies } from '../handling.tables.ts';

/**
 * Moves a proposal through its workflow (record_reply, reopen, close) for a handling action, with the proposal's
 * own event, and re-indexes it (the state is a search filter). `roles` are the actor's, or the office's for the
 * nightly scan.
 */
export async function moveProposal(
  tx: Transaction,
  deps: AppDependencies,
  proposal: ProposalRow,
  action: 'record_reply' | 'reopen' | 'close',
  changes: Partial<typeof proposals.$inferInsert>,
  who: { actor: Actor | null; roles: readonly Role[]; context?: RequestContext; summary: string },
): Promise<ProposalRow> {
  const transition = guardTransition(proposalWorkflow, proposal.state as ProposalState, action, who.roles);
  const now = deps.now().toISOString();
  const updated = await tx
    .update(proposals)
    .set({ ...changes, state: transition.to, version: proposal.version + 1, updatedAt: now })
    .where(and(eq(proposals.orgId, proposal.orgId), eq(proposals.id, proposal.id), eq(proposals.version, proposal.version)))
    .returning();
  assertVersionMatched(updated.length, '提案');
  await syncProposalHandledItem(tx, updated[0]);
  await recordEvent(tx, deps.config.auditHash, {
    orgId: proposal.orgId,
    type: `proposal.${transition.to}`,
    summary: who.summary,
    actor: who.actor,
    subjectType: 'proposal',
    subjectId: proposal.id,
    before: { state: proposal.state, version: proposal.version },
    after: { state: transition.to, version: proposal.version + 1, ...changes },
    context: who.context,
  });
  await indexProposal(tx, proposal.orgId, proposal.id);
  return updated[0];
}

/**
 * What follows a reply reaching the proposers: they are told; when it was the last reply the proposal owed (every
 * replying unit's latest reply sent, none reopened), the proposal becomes replied and the rating window opens.
 */
export async function afterReplySent(
  tx: Transaction,
  deps: AppDependencies,
  actor: Actor,
  proposal: ProposalRow,
  reply: ReplyRow,
  unitName: string,
  rules: HandlingRules,
  context: RequestContext,
): Promise<void> {
  const raters = await loadRaters(tx, proposal);
  const memberIds = raters.flatMap((rater) => (rater.memberId ? [rater.memberId] : []));
  const what = reply.kind === 'reply' ? '答复' : '后续办理情况报告';
  await notify(
    tx,
    proposal.orgId,
    { memberIds },
    {
      title: `${unitName}已${what}：${proposal.title}`,
      body:
        reply.kind === 'reply'
          ? `${unitName}已答复您的提案“${proposal.title}”，请查看答复并在 ${rules.ratingWindowDays} 天内评价。`
          : `${unitName}报告了提案“${proposal.title}”的后续办理情况。`,
      subjectType: 'proposal',
      subjectId: proposal.id,
      link: `/proposals/${proposal.id}`,
    },
  );
  await indexProposal(tx, proposal.orgId, proposal.id);
  if (reply.kind !== 'reply') return;
  const [assignment] = await tx
    .update(itemAssignments)
    .set({ repliedAt: deps.now().toISOString() })
    .where(and(eq(itemAssignments.orgId, proposal.orgId), eq(itemAssignments.id, reply.assignmentId)))
    .returning({ dueOn: itemAssignments.dueOn });
  await tx
    .update(itemReplies)
    .set({ dueOnAtSend: assignment?.dueOn ?? null })
    .where(and(eq(itemReplies.orgId, proposal.orgId), eq(itemReplies.id, reply.id)));
  if (proposal.state !== 'assigned' && proposal.state !== 'rehandling') return;
  const live = await loadLiveAssignmentRows(tx, proposal.orgId, proposal.id);
  const replyingIds = live.filter((row) => repliesToProposers(row.role)).map((row) => row.id);
  const owing = assignmentsOwingReply(replyingIds, await loadReplies(tx, proposal.orgId, proposal.id));
  if (owing.length > 0) return;
  await moveProposal(
    tx,
    deps,
    proposal,
    'record_reply',
    { repliedAt: deps.now().toISOString(), ratingDueOn: addDays(rules.today, rules.ratingWindowDays) },
    { actor, roles: actor.roles, context, summary: `提案“${proposal.title}”各承办单位均已答复，进入满意度评价` },
  );
}
