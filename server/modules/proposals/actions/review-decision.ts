import { and, eq } from 'drizzle-orm';
import type { ProposalAction, ProposalState } from '../../../../contracts/proposals.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { guardTransition, type Transition } from '../../../platform/workflow/workflow.ts';
import { notify, type Recipients } from '../../notifications/notify.ts';
import { canTakeProposalAction } from '../proposals.policy.ts';
import type { StoredDecision } from '../proposals.presenter.ts';
import { type CoSignerRow, loadVisibleProposal, type ProposalRow } from '../proposals.queries.ts';
import { proposals } from '../proposals.tables.ts';
import { proposalWorkflow } from '../proposals.workflow.ts';

/** The review actions of the proposal office (审查): each records a decision on a submitted proposal. */
export type ReviewAction = Extract<ProposalAction, StoredDecision['action']>;

/** A proposal loaded and locked for a review decision, with the transition the guard allowed. */
export type DecisionSubject = {
  proposal: ProposalRow;
  coSigners: CoSignerRow[];
  transition: Transition<ProposalState, ProposalAction>;
};

/**
 * Loads and locks a proposal of the actor's committee for a review decision (404 otherwise), asks the workflow
 * guard (409 naming the state, 403 for a role that may not decide) and checks the version sent in If-Match (409).
 */
export async function loadForDecision(
  tx: Transaction,
  actor: Actor,
  id: string,
  version: number,
  action: ReviewAction,
): Promise<DecisionSubject> {
  const { proposal, coSigners } = await loadVisibleProposal(tx, actor, id, true);
  const transition = guardTransition(
    proposalWorkflow,
    proposal.state as ProposalState,
    action,
    actor.roles,
    canTakeProposalAction(actor, proposal, action),
  );
  if (proposal.version !== version) throw versionConflict('提案');
  return { proposal, coSigners, transition };
}

/** The decision as stored on the proposal (proposals.decision): what, why, when and by whom. */
export function storedDecision(
  action: ReviewAction,
  actor: Actor,
  decidedAt: string,
  details: Omit<StoredDecision, 'action' | 'decidedAt' | 'decidedBy'> = {},
): StoredDecision {
  return { action, reason: null, ...details, decidedAt, decidedBy: actor.userId };
}

/** Writes the decided state and fields at the version checked, bumping it; 409 if the version moved meanwhile. */
export async function writeDecision(
  tx: Transaction,
  subject: DecisionSubject,
  now: string,
  changes: Partial<typeof proposals.$inferInsert>,
): Promise<ProposalRow> {
  const { proposal, transition } = subject;
  const updated = await tx
    .update(proposals)
    .set({ ...changes, state: transition.to, version: proposal.version + 1, updatedAt: now })
    .where(and(eq(proposals.orgId, proposal.orgId), eq(proposals.id, proposal.id), eq(proposals.version, proposal.version)))
    .returning();
  assertVersionMatched(updated.length, '提案');
  return updated[0];
}

/** Who is told of a decision: the lead and the co-signers who accepted, or the creator of a collective proposal. */
export function proposerRecipients(proposal: ProposalRow, coSigners: readonly CoSignerRow[]): Recipients {
  if (proposal.authorType === 'collective') return { userIds: [proposal.createdBy] };
  const accepted = coSigners.filter((row) => row.state === 'accepted').map((row) => row.memberId);
  return { memberIds: proposal.leadMemberId ? [proposal.leadMemberId, ...accepted] : accepted };
}

/** Notifies a proposal's proposers of a decision in the caller's transaction, linking to the proposal. */
export async function notifyProposers(
  tx: Transaction,
  proposal: ProposalRow,
  coSigners: readonly CoSignerRow[],
  notice: { title: string; body: string },
): Promise<number> {
  return notify(tx, proposal.orgId, proposerRecipients(proposal, coSigners), {
    ...notice,
    subjectType: 'proposal',
    subjectId: proposal.id,
    link: `/proposals/${proposal.id}`,
  });
}

/** A sentence "理由：…。" for a notice body, or nothing when there is no reason. */
export function reasonSentence(reason: string | null | undefined, label = '理由'): string {
  return reason ? `${label}：${reason.replace(/[。.!！]+$/, '')}。` : '';
}
