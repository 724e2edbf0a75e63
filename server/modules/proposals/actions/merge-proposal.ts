import { and, eq } from 'drizzle-orm';
import type { Proposal, ProposalState } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { proposalNumberLabel } from '../proposals.numbering.ts';
import { filedAndLaterStates } from '../proposals.policy.ts';
import { countedProposers, type ProposalRow, presentProposalFor } from '../proposals.queries.ts';
import { indexProposal } from '../proposals.search.ts';
import { proposals } from '../proposals.tables.ts';
import { proposalWorkflow } from '../proposals.workflow.ts';
import { loadForDecision, notifyProposers, reasonSentence, storedDecision, writeDecision } from './review-decision.ts';

/** What the office sends to merge a proposal: the filed proposal it joins and why. */
export type MergeInput = { targetId: string; reason?: string };

/** 422 unless the target exists in the committee; 409 naming its state unless it is filed and not merged away. */
function assertMergeTarget(target: ProposalRow | undefined): asserts target is ProposalRow {
  if (!target) {
    throw unprocessable(
      '并入的目标提案不存在',
      [{ field: 'targetId', message: '请选择本委员会已立案的提案' }],
      'invalid_reference',
    );
  }
  if (!filedAndLaterStates.includes(target.state) || target.mergedIntoId !== null) {
    const stateName = proposalWorkflow.states[target.state as ProposalState] ?? target.state;
    throw conflict(`目标提案当前状态为"${stateName}"，只能并入已立案的提案`, 'invalid_merge_target', {
      state: target.state,
    });
  }
}

/**
 * Loads and locks the merge target: a proposal of the same committee, not the proposal itself (422), already filed
 * and not merged away. It is checked before it is locked too, so two crossed merges of unfiled proposals are
 * refused at once instead of waiting on each other's locks.
 */
async function loadMergeTarget(tx: Transaction, source: ProposalRow, targetId: string): Promise<ProposalRow> {
  if (targetId === source.id) {
    throw unprocessable(
      '提案不能并入其自身',
      [{ field: 'targetId', message: '请选择另一件已立案的提案' }],
      'invalid_merge_target',
    );
  }
  const query = tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.orgId, source.orgId), eq(proposals.id, targetId)));
  const [seen] = await query;
  assertMergeTarget(seen);
  const [target] = await query.for('update');
  assertMergeTarget(target);
  return target;
}

/**
 * POST /proposals/{id}/actions/merge (并案): a submitted proposal joins a filed one and is handled with it. It keeps
 * its text and history; its proposers become proposers of the target (computed when the target is read). Both
 * proposals get an event (the target's version moves too: its proposers changed), and the source's proposers are
 * told which proposal now carries theirs.
 */
export async function mergeProposal(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: MergeInput,
  context: RequestContext,
): Promise<Proposal> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadForDecision(tx, actor, id, version, 'merge');
    const { proposal, coSigners } = subject;
    const target = await loadMergeTarget(tx, proposal, input.targetId);
    const now = deps.now().toISOString();
    const reason = input.reason ?? null;
    const merged = await writeDecision(tx, subject, now, {
      mergedIntoId: target.id,
      decision: storedDecision('merge', actor, now, { reason }),
    });
    await tx
      .update(proposals)
      .set({ version: target.version + 1, updatedAt: now })
      .where(and(eq(proposals.orgId, target.orgId), eq(proposals.id, target.id)));
    const label = target.number ? proposalNumberLabel(target.number) : '';
    const targetName = `${label}提案“${target.title}”`;
    const proposers = await countedProposers(tx, proposal);
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal.merged',
      summary: `并案：提案“${proposal.title}”并入${targetName}${reason ? `，理由：${reason}` : ''}`,
      actor,
      subjectType: 'proposal',
      subjectId: id,
      before: { state: proposal.state, version: proposal.version },
      after: { state: merged.state, mergedIntoId: target.id, targetNumber: target.number, reason, version: merged.version },
      context,
    });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal.merge_received',
      summary: `并案：提案“${proposal.title}”并入本提案，其提案人一并成为本提案的提案人`,
      actor,
      subjectType: 'proposal',
      subjectId: target.id,
      before: { version: target.version },
      after: {
        mergedProposalId: id,
        proposerMemberIds: proposers.flatMap((person) => (person.memberId ? [person.memberId] : [])),
        reason,
        version: target.version + 1,
      },
      context,
    });
    await notifyProposers(tx, merged, coSigners, {
      title: `提案已并案（并入${label || '已立案提案'}）`,
      body: `您的提案“${proposal.title}”与${targetName}内容相近，已并案办理；您仍是提案人，将一并收到答复。${reasonSentence(reason)}`,
    });
    await indexProposal(tx, actor.orgId, id);
    return presentProposalFor(tx, deps, actor, merged, coSigners);
  });
}
