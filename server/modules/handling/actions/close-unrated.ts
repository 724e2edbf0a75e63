import type { AppDependencies } from '../../../platform/module.ts';
import { loadHandlingRules, loadProposalRow } from '../handling.queries.ts';
import { moveProposal } from './reply-sent.ts';

/**
 * Closes a replied proposal whose rating window has passed (the job of the nightly scan). Safe to run twice or
 * from two processes: the proposal row is locked and a proposal no longer replied, or still in its window, is
 * left alone. Returns whether it closed the proposal.
 */
export async function closeUnrated(deps: AppDependencies, orgId: string, proposalId: string): Promise<boolean> {
  return deps.database.orm.transaction(async (tx) => {
    const proposal = await loadProposalRow(tx, orgId, proposalId, true);
    const rules = await loadHandlingRules(tx, deps, orgId);
    if (proposal.state !== 'replied' || !proposal.ratingDueOn || proposal.ratingDueOn >= rules.today) return false;
    await moveProposal(
      tx,
      deps,
      proposal,
      'close',
      { closedAt: deps.now().toISOString() },
      {
        actor: null,
        roles: ['proposal_office'],
        summary: `提案“${proposal.title}”评价期（至 ${proposal.ratingDueOn}）已过，自动办结`,
      },
    );
    return true;
  });
}
