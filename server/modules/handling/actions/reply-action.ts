import { and, eq } from 'drizzle-orm';
import type { Reply, ReplyAction, ReplyState } from '../../../../contracts/handling.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { conflict, notFound } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition, type Transition } from '../../../platform/workflow/workflow.ts';
import type { ProposalRow } from '../../proposals/proposals.queries.ts';
import { canReadReply, canTakeReplyAction } from '../handling.policy.ts';
import { type HandlingRules, loadHandlingRules, loadProposalRow, type ReplyRow } from '../handling.queries.ts';
import { itemReplies } from '../handling.tables.ts';
import { presentRepliesFor } from '../handling.view.ts';
import { replyWorkflow } from '../handling.workflow.ts';

/** A reply loaded and locked for an action, with its proposal (locked first), the rules and the allowed move. */
export type ReplySubject = {
  reply: ReplyRow;
  proposal: ProposalRow;
  rules: HandlingRules;
  transition: Transition<ReplyState, ReplyAction> | null;
};

/**
 * Loads a reply the actor may work on (its unit's users and the office; 404 for anyone else), locking its
 * proposal and then the reply — the order every handling write uses — and, for a workflow action, asks the guard
 * (409 naming the state, 403 for the role or the policy) and checks the version sent in If-Match (409).
 */
export async function loadReplyForWrite(
  tx: Transaction,
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  action: ReplyAction | null,
): Promise<ReplySubject> {
  const [peek] = await tx
    .select({ proposalId: itemReplies.itemId })
    .from(itemReplies)
    .where(and(eq(itemReplies.orgId, actor.orgId), eq(itemReplies.id, id)));
  if (!peek) throw notFound('答复');
  const proposal = await loadProposalRow(tx, actor.orgId, peek.proposalId, true);
  const [reply] = await tx
    .select()
    .from(itemReplies)
    .where(and(eq(itemReplies.orgId, actor.orgId), eq(itemReplies.id, id)))
    .for('update');
  if (!reply || !canReadReply(actor, { unitId: reply.unitId, state: 'draft' }, false)) throw notFound('答复');
  if (proposal.state === 'archived') throw conflict('提案已随会议归档，不能再修改', 'archived');
  const rules = await loadHandlingRules(tx, deps, actor.orgId);
  const transition = action
    ? guardTransition(
        replyWorkflow,
        reply.state as ReplyState,
        action,
        actor.roles,
        canTakeReplyAction(actor, reply, action, rules.officeReviewsReplies),
      )
    : null;
  if (reply.version !== version) throw versionConflict('答复');
  return { reply, proposal, rules, transition };
}

/** Writes a reply's changes (and its new state, for an action) at the version checked, bumping it. */
export async function writeReply(
  tx: Transaction,
  subject: ReplySubject,
  now: string,
  changes: Partial<typeof itemReplies.$inferInsert>,
): Promise<ReplyRow> {
  const { reply, transition } = subject;
  const updated = await tx
    .update(itemReplies)
    .set({ ...changes, ...(transition ? { state: transition.to } : {}), version: reply.version + 1, updatedAt: now })
    .where(
      and(eq(itemReplies.orgId, reply.orgId), eq(itemReplies.id, reply.id), eq(itemReplies.version, reply.version)),
    )
    .returning();
  assertVersionMatched(updated.length, '答复');
  return updated[0];
}

/** The presented reply after a write, as the actor sees it now. */
export async function presentReplyAfterWrite(
  tx: Transaction,
  actor: Actor,
  proposalId: string,
  replyId: string,
  rules: HandlingRules,
): Promise<Reply> {
  const proposal = await loadProposalRow(tx, actor.orgId, proposalId);
  const found = (await presentRepliesFor(tx, actor, proposal, rules)).find((item) => item.id === replyId);
  if (!found) throw notFound('答复');
  return found;
}

/** The result class problem, or null: the code must be one of the committee's scheme. */
export function unknownClass(rules: HandlingRules, code: string | null | undefined): string | null {
  if (!code) return null;
  return rules.resultClasses.some((item) => item.code === code)
    ? null
    : `答复类别应为 ${rules.resultClasses.map((item) => item.code).join('、')} 之一`;
}
