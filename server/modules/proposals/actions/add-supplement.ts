import type { Proposal, ProposalState } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { canTakeProposalAction } from '../proposals.policy.ts';
import { loadVisibleProposal, presentProposalFor } from '../proposals.queries.ts';
import { proposalSupplements } from '../proposals.tables.ts';
import { proposalWorkflow } from '../proposals.workflow.ts';

/**
 * Appends a supplement to a submitted proposal. The text itself stays as submitted; supplements are append-only
 * and shown as such. The proposal's version does not change (nothing of it is overwritten).
 */
export async function addSupplement(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  text: string,
  context: RequestContext,
): Promise<Proposal> {
  return deps.database.orm.transaction(async (tx) => {
    const { proposal, coSigners } = await loadVisibleProposal(tx, actor, id, true);
    guardTransition(
      proposalWorkflow,
      proposal.state as ProposalState,
      'add_supplement',
      actor.roles,
      canTakeProposalAction(actor, proposal, 'add_supplement'),
    );
    const [row] = await tx
      .insert(proposalSupplements)
      .values({
        orgId: actor.orgId,
        proposalId: id,
        text,
        authorId: actor.userId,
        authorName: actor.displayName,
        createdAt: deps.now().toISOString(),
      })
      .returning();
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal.supplement_added',
      summary: `为提案“${proposal.title}”补充材料`,
      actor,
      subjectType: 'proposal',
      subjectId: id,
      after: { supplementId: row.id, text },
      context,
    });
    return presentProposalFor(tx, deps, actor, proposal, coSigners);
  });
}
