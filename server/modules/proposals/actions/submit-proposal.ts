import { and, eq } from 'drizzle-orm';
import type { Proposal, ProposalState } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { loadSession } from '../../orgs/orgs.queries.ts';
import { canTakeProposalAction } from '../proposals.policy.ts';
import { kindOn, loadProposalSettings, loadVisibleProposal, presentProposalFor } from '../proposals.queries.ts';
import { indexProposal } from '../proposals.search.ts';
import { proposals } from '../proposals.tables.ts';
import { assertBodyWithinLimit, assertReadyToSubmit } from '../proposals.validation.ts';
import { proposalWorkflow } from '../proposals.workflow.ts';

/**
 * Submits a draft, a proposal collecting co-signatures, or one returned for revision. From here on the text is
 * immutable; only co-signers who accepted count as proposers. The route is idempotent (Idempotency-Key).
 */
export async function submitProposal(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  context: RequestContext,
): Promise<Proposal> {
  return deps.database.orm.transaction(async (tx) => {
    const { proposal, coSigners } = await loadVisibleProposal(tx, actor, id, true);
    const transition = guardTransition(
      proposalWorkflow,
      proposal.state as ProposalState,
      'submit',
      actor.roles,
      canTakeProposalAction(actor, proposal, 'submit'),
    );
    if (proposal.version !== version) throw versionConflict('提案');
    const settings = await loadProposalSettings(tx, deps, actor.orgId);
    assertReadyToSubmit(proposal);
    assertBodyWithinLimit(proposal, settings.bodyMaxCharacters);
    const session = await loadSession(tx, actor.orgId, proposal.sessionId);
    const now = deps.now().toISOString();
    const updated = await tx
      .update(proposals)
      .set({
        state: transition.to,
        kind: kindOn(session, settings.today),
        submittedAt: now,
        version: proposal.version + 1,
        updatedAt: now,
      })
      .where(and(eq(proposals.orgId, actor.orgId), eq(proposals.id, id), eq(proposals.version, version)))
      .returning();
    assertVersionMatched(updated.length, '提案');
    const accepted = coSigners.filter((row) => row.state === 'accepted');
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal.submitted',
      summary: `提交提案“${proposal.title}”${accepted.length > 0 ? `（联名 ${accepted.length} 人）` : ''}`,
      actor,
      subjectType: 'proposal',
      subjectId: id,
      before: { state: proposal.state },
      after: { state: transition.to, kind: updated[0].kind, coSigners: accepted.map((row) => row.memberId) },
      context,
    });
    await indexProposal(tx, actor.orgId, id);
    return presentProposalFor(tx, deps, actor, updated[0], coSigners, settings);
  });
}
