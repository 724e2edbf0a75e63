import { and, eq, inArray } from 'drizzle-orm';
import type { Proposal, ProposalState } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { conflict, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { notify } from '../../notifications/notify.ts';
import { canTakeProposalAction } from '../proposals.policy.ts';
import {
  activeMemberIds,
  loadCoSigners,
  loadProposalSettings,
  loadVisibleProposal,
  presentProposalFor,
} from '../proposals.queries.ts';
import { indexProposal } from '../proposals.search.ts';
import { proposalCoSigners, proposals } from '../proposals.tables.ts';
import { proposalWorkflow } from '../proposals.workflow.ts';

/**
 * The lead proposer invites members to co-sign, before the co-signing deadline, and sets the deadline (a date
 * in the committee's time zone). A draft moves to co_signing. Re-inviting a member who declined or was
 * cancelled asks them again; members already invited or accepted are left as they are.
 */
export async function inviteCoSigners(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: { memberIds: string[]; deadline: string },
  context: RequestContext,
): Promise<Proposal> {
  return deps.database.orm.transaction(async (tx) => {
    const { proposal } = await loadVisibleProposal(tx, actor, id, true);
    const transition = guardTransition(
      proposalWorkflow,
      proposal.state as ProposalState,
      'invite_co_signers',
      actor.roles,
      canTakeProposalAction(actor, proposal, 'invite_co_signers'),
    );
    if (proposal.version !== version) throw versionConflict('提案');
    const settings = await loadProposalSettings(tx, deps, actor.orgId);
    if (proposal.state === 'co_signing' && proposal.coSigningDeadline && settings.today > proposal.coSigningDeadline) {
      throw conflict(`联名截止日期（${proposal.coSigningDeadline}）已过，不能再邀请联名`, 'co_signing_closed');
    }
    if (input.deadline < settings.today) {
      throw unprocessable(
        '联名截止日期不能早于今天',
        [{ field: 'deadline', message: '联名截止日期不能早于今天' }],
        'bad_deadline',
      );
    }
    const wanted = [...new Set(input.memberIds)];
    if (wanted.includes(proposal.leadMemberId ?? '')) {
      throw unprocessable('第一提案人不能邀请自己联名', [{ field: 'memberIds', message: '不能邀请自己' }], 'self_invitation');
    }
    const known = await activeMemberIds(tx, actor.orgId, wanted);
    const unknown = wanted.filter((memberId) => !known.has(memberId));
    if (unknown.length > 0) {
      throw unprocessable(
        `有 ${unknown.length} 位委员不存在或已不在任`,
        unknown.map((memberId) => ({ field: 'memberIds', message: `委员 ${memberId} 不存在或已不在任` })),
        'unknown_member',
      );
    }
    const now = deps.now().toISOString();
    const existing = await loadCoSigners(tx, actor.orgId, id);
    const existingIds = new Set(existing.map((row) => row.memberId));
    const fresh = wanted.filter((memberId) => !existingIds.has(memberId));
    const again = existing
      .filter((row) => wanted.includes(row.memberId) && (row.state === 'declined' || row.state === 'cancelled'))
      .map((row) => row.memberId);
    if (fresh.length > 0) {
      await tx
        .insert(proposalCoSigners)
        .values(fresh.map((memberId) => ({ orgId: actor.orgId, proposalId: id, memberId, state: 'invited', invitedAt: now })));
    }
    if (again.length > 0) {
      await tx
        .update(proposalCoSigners)
        .set({ state: 'invited', invitedAt: now, respondedAt: null })
        .where(
          and(
            eq(proposalCoSigners.orgId, actor.orgId),
            eq(proposalCoSigners.proposalId, id),
            inArray(proposalCoSigners.memberId, again),
          ),
        );
    }
    const updated = await tx
      .update(proposals)
      .set({ state: transition.to, coSigningDeadline: input.deadline, version: proposal.version + 1, updatedAt: now })
      .where(and(eq(proposals.orgId, actor.orgId), eq(proposals.id, id), eq(proposals.version, version)))
      .returning();
    assertVersionMatched(updated.length, '提案');
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal.co_signers_invited',
      summary: `邀请 ${fresh.length + again.length} 位委员联名提案“${proposal.title}”，截止 ${input.deadline}`,
      actor,
      subjectType: 'proposal',
      subjectId: id,
      before: { state: proposal.state, coSigningDeadline: proposal.coSigningDeadline },
      after: { state: transition.to, coSigningDeadline: input.deadline, invited: [...fresh, ...again] },
      context,
    });
    await notify(
      tx,
      actor.orgId,
      { memberIds: [...fresh, ...again] },
      {
        title: '联名邀请',
        body: `${actor.displayName}邀请您联名提案“${proposal.title}”，请在 ${input.deadline} 前答复。`,
        subjectType: 'proposal',
        subjectId: id,
        link: `/proposals/${id}`,
      },
    );
    await indexProposal(tx, actor.orgId, id);
    return presentProposalFor(tx, deps, actor, updated[0], await loadCoSigners(tx, actor.orgId, id), settings);
  });
}
