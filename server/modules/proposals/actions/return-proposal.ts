import type { Proposal } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { presentProposalFor } from '../proposals.queries.ts';
import { indexProposal } from '../proposals.search.ts';
import { loadForDecision, notifyProposers, reasonSentence, storedDecision, writeDecision } from './review-decision.ts';

/**
 * POST /proposals/{id}/actions/return (退回修改): sends a submitted proposal back to its proposer with the office's
 * comments; the proposer edits it (PATCH works in 'returned') and submits it again.
 */
export async function returnProposal(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  reason: string,
  context: RequestContext,
): Promise<Proposal> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadForDecision(tx, actor, id, version, 'return');
    const { proposal, coSigners } = subject;
    const now = deps.now().toISOString();
    const returned = await writeDecision(tx, subject, now, { decision: storedDecision('return', actor, now, { reason }) });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal.returned',
      summary: `退回修改：提案“${proposal.title}”，意见：${reason}`,
      actor,
      subjectType: 'proposal',
      subjectId: id,
      before: { state: proposal.state, version: proposal.version },
      after: { state: returned.state, reason, version: returned.version },
      context,
    });
    await notifyProposers(tx, returned, coSigners, {
      title: '提案被退回修改',
      body: `您的提案“${proposal.title}”需要修改后重新提交。${reasonSentence(reason, '修改意见')}`,
    });
    await indexProposal(tx, actor.orgId, id);
    return presentProposalFor(tx, deps, actor, returned, coSigners);
  });
}
