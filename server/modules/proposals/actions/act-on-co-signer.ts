import { and, eq } from 'drizzle-orm';
import type { CoSignerAction, CoSignerState, Proposal } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, notFound } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { canTakeCoSignerAction } from '../proposals.policy.ts';
import { loadCoSigners, loadProposalSettings, loadVisibleProposal, presentProposalFor } from '../proposals.queries.ts';
import { proposalCoSigners } from '../proposals.tables.ts';
import { coSignerWorkflow, proposalWorkflow } from '../proposals.workflow.ts';

const summaries: Record<CoSignerAction, string> = { accept: '同意联名', decline: '谢绝联名', cancel: '取消联名邀请' };

/**
 * An invited member accepts or declines (until the co-signing deadline; afterwards 409), or the lead proposer
 * cancels an invitation (until the proposal is submitted).
 */
export async function actOnCoSigner(
  deps: AppDependencies,
  actor: Actor,
  proposalId: string,
  memberId: string,
  action: CoSignerAction,
  context: RequestContext,
): Promise<Proposal> {
  return deps.database.orm.transaction(async (tx) => {
    const { proposal, coSigners } = await loadVisibleProposal(tx, actor, proposalId, true);
    const invitation = coSigners.find((row) => row.memberId === memberId);
    if (!invitation) throw notFound('联名邀请');
    const settings = await loadProposalSettings(tx, deps, actor.orgId);
    if (proposal.state !== 'co_signing') {
      const stateName = proposalWorkflow.states[proposal.state as keyof typeof proposalWorkflow.states] ?? proposal.state;
      throw conflict(`提案当前状态为“${stateName}”，联名已结束`, 'co_signing_closed', { state: proposal.state });
    }
    const transition = guardTransition(
      coSignerWorkflow,
      invitation.state as CoSignerState,
      action,
      actor.roles,
      canTakeCoSignerAction(actor, proposal, memberId, action),
    );
    if (action !== 'cancel' && proposal.coSigningDeadline && settings.today > proposal.coSigningDeadline) {
      throw conflict(`联名截止日期（${proposal.coSigningDeadline}）已过，不能再答复`, 'co_signing_closed');
    }
    const now = deps.now().toISOString();
    await tx
      .update(proposalCoSigners)
      .set({ state: transition.to, respondedAt: action === 'cancel' ? invitation.respondedAt : now })
      .where(and(eq(proposalCoSigners.orgId, actor.orgId), eq(proposalCoSigners.id, invitation.id)));
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: `proposal.co_signer_${transition.to}`,
      summary: `${summaries[action]}：${invitation.name}，提案“${proposal.title}”`,
      actor,
      subjectType: 'proposal',
      subjectId: proposalId,
      before: { memberId, state: invitation.state },
      after: { memberId, state: transition.to },
      context,
    });
    return presentProposalFor(tx, deps, actor, proposal, await loadCoSigners(tx, actor.orgId, proposalId), settings);
  });
}
