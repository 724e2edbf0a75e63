import { and, eq } from 'drizzle-orm';
import type { Proposal, ProposalState } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { canTakeProposalAction } from '../proposals.policy.ts';
import { loadVisibleProposal, presentProposalFor } from '../proposals.queries.ts';
import { indexProposal } from '../proposals.search.ts';
import { proposals } from '../proposals.tables.ts';
import { proposalWorkflow } from '../proposals.workflow.ts';

/** The proposer withdraws a proposal before the office has decided on it (after filing it is a 409). */
export async function withdrawProposal(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  reason: string | undefined,
  context: RequestContext,
): Promise<Proposal> {
  return deps.database.orm.transaction(async (tx) => {
    const { proposal, coSigners } = await loadVisibleProposal(tx, actor, id, true);
    const transition = guardTransition(
      proposalWorkflow,
      proposal.state as ProposalState,
      'withdraw',
      actor.roles,
      canTakeProposalAction(actor, proposal, 'withdraw'),
    );
    if (proposal.version !== version) throw versionConflict('提案');
    const now = deps.now().toISOString();
    const updated = await tx
      .update(proposals)
      .set({ state: transition.to, version: proposal.version + 1, updatedAt: now })
      .where(and(eq(proposals.orgId, actor.orgId), eq(proposals.id, id), eq(proposals.version, version)))
      .returning();
    assertVersionMatched(updated.length, '提案');
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal.withdrawn',
      summary: `撤回提案“${proposal.title}”${reason ? `，理由：${reason}` : ''}`,
      actor,
      subjectType: 'proposal',
      subjectId: id,
      before: { state: proposal.state },
      after: { state: transition.to, reason: reason ?? null },
      context,
    });
    await indexProposal(tx, actor.orgId, id);
    return presentProposalFor(tx, deps, actor, updated[0], coSigners);
  });
}
