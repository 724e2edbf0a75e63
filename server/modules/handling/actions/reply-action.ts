import { and, eq } from 'drizzle-orm';
import type { Reply, ReplyAction, ReplyState } from '../../../../contracts/handling.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { conflict, notFound } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition, type Transition } from '../../../platform/workflow/workflow.ts';
import { canReadReply, canTakeReplyAction } from '../handling.policy.ts';
import {
  type HandledSubject,
  type HandlingRules,
  loadHandledSubject,
  loadHandlingRules,
  type ReplyRow,
} from '../handling.queries.ts';
import { itemReplies } from '../handling.tables.ts';
import { presentRepliesFor } from '../handling.view.ts';
import { replyWorkflow } from '../handling.workflow.ts';

/** A reply loaded and locked for an action, with its item (its owner locked first), the rules and the allowed move. */
export type ReplySubject = HandledSubject & {
  reply: ReplyRow;
  rules: HandlingRules;
  transition: Transition<ReplyState, ReplyAction> | null;
};

/**
 * Loads a reply the actor may work on (its unit's users and the office; 404 for anyone else), locking its
 * item's owner and then the reply — the order every handling write uses — and, for a workflow action, asks the
 * guard (409 naming the state, 403 for the role or the policy) and checks the version sent in If-Match (409).
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
    .select({ itemId: itemReplies.itemId })
    .from(itemReplies)
    .where(and(eq(itemReplies.orgId, actor.orgId), eq(itemReplies.id, id)));
  if (!peek) throw notFound('答复');
  const subject = await loadHandledSubject(tx, actor.orgId, peek.itemId, true);
  const [reply] = await tx
    .select()
    .from(itemReplies)
    .where(and(eq(itemReplies.orgId, actor.orgId), eq(itemReplies.id, id)))
    .for('update');
  if (!reply || !canReadReply(actor, { unitId: reply.unitId, state: 'draft' }, false)) throw notFound('答复');
  const rules = await loadHandlingRules(tx, deps, actor.orgId, subject.item.kind as HandlingRules['kind']);
  if (subject.owner.phase === 'archived') throw conflict(`${rules.kindName}已随会议归档，不能再修改`, 'archived');
  const transition = action
    ? guardTransition(
        replyWorkflow,
        reply.state as ReplyState,
        action,
        actor.roles,
        canTakeReplyAction(actor, reply, action, rules.officeReviewsReplies, rules.leaderSignOff),
      )
    : null;
  if (reply.version !== version) throw versionConflict('答复');
  return { ...subject, reply, rules, transition };
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
    .where(and(eq(itemReplies.orgId, reply.orgId), eq(itemReplies.id, reply.id), eq(itemReplies.version, reply.version)))
    .returning();
  assertVersionMatched(updated.length, '答复');
  return updated[0];
}

/** The presented reply after a write, as the actor sees it now. */
export async function presentReplyAfterWrite(
  tx: Transaction,
  actor: Actor,
  itemId: string,
  replyId: string,
  rules: HandlingRules,
): Promise<Reply> {
  const subject = await loadHandledSubject(tx, actor.orgId, itemId);
  const found = (await presentRepliesFor(tx, actor, subject, rules)).find((item) => item.id === replyId);
  if (!found) throw notFound('答复');
  return found;
}

/** The result class problem, or null: the code must be one of the committee's scheme (kinds without classes: none). */
export function unknownClass(rules: HandlingRules, code: string | null | undefined): string | null {
  if (!code || rules.resultClasses.length === 0) return null;
  return rules.resultClasses.some((item) => item.code === code)
    ? null
    : `答复类别应为 ${rules.resultClasses.map((item) => item.code).join('、')} 之一`;
}

/** The class a reply keeps: the one given for a reply of a kind whose replies are classed, else none. */
export function classOf(rules: HandlingRules, kind: string, code: string | null | undefined): string | null {
  return kind === 'reply' && rules.resultClasses.length > 0 ? (code ?? null) : null;
}

/** The words an event or notice uses for the item: 提案“…”, 微建议“…”. */
export function itemWords(rules: Pick<HandlingRules, 'kindName'>, title: string): string {
  return `${rules.kindName}“${title}”`;
}

/** The reference to the item an event's payload carries: proposalId for a proposal (as before), else itemId and kind. */
export function itemReference(kind: string, id: string): Record<string, string> {
  return kind === 'proposal' ? { proposalId: id } : { itemId: id, kind };
}

/** Who the replies answer: 提案人 for a proposal, 建议人 for the members who raised another kind of item. */
export function ratersWord(rules: Pick<HandlingRules, 'kind'>): string {
  return rules.kind === 'proposal' ? '提案人' : '建议人';
}
