import { and, eq, inArray } from 'drizzle-orm';
import type { KeyProposal, KeyProposalAction, KeyProposalState } from '../../../../contracts/key-proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { loadProposalRow } from '../../handling/handling.queries.ts';
import { notify } from '../../notifications/notify.ts';
import { userRoles, users } from '../../people/people.tables.ts';
import { loadKeyProposal, presentKeyProposals } from '../key-proposals.queries.ts';
import { keyProposals } from '../key-proposals.tables.ts';
import { keyProposalWorkflow } from '../key-proposals.workflow.ts';

/**
 * POST /key-proposals/{id}/actions/shortlist | approve | decline (If-Match): the office's selection. Approval
 * names the supervising leaders (active accounts with the supervisor or leader role), who are notified.
 */
export async function decideKeyProposal(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  action: KeyProposalAction,
  input: { supervisorIds?: string[]; reason?: string },
  context: RequestContext,
): Promise<KeyProposal> {
  return deps.database.orm.transaction(async (tx) => {
    const row = await loadKeyProposal(tx, actor.orgId, id, true);
    const transition = guardTransition(keyProposalWorkflow, row.state as KeyProposalState, action, actor.roles);
    if (row.version !== version) throw versionConflict('重点提案');
    let supervisorIds = row.supervisorIds;
    if (action === 'approve') {
      const wanted = [...new Set(input.supervisorIds ?? [])];
      const found = wanted.length
        ? await tx
            .selectDistinct({ id: users.id })
            .from(users)
            .innerJoin(userRoles, and(eq(userRoles.orgId, users.orgId), eq(userRoles.userId, users.id)))
            .where(
              and(
                eq(users.orgId, actor.orgId),
                inArray(users.id, wanted),
                eq(users.state, 'active'),
                inArray(userRoles.role, ['supervisor', 'leader']),
              ),
            )
        : [];
      const unknown = wanted.filter((userId) => !found.some((item) => item.id === userId));
      if (wanted.length === 0 || unknown.length > 0) {
        throw unprocessable(
          '督办领导须是本会在用的督办领导或党政领导账户',
          [{ field: 'supervisorIds', message: '督办领导无效' }],
          'unknown_supervisor',
        );
      }
      supervisorIds = wanted;
    }
    const now = deps.now().toISOString();
    const updated = await tx
      .update(keyProposals)
      .set({
        state: transition.to,
        supervisorIds,
        declineReason: action === 'decline' ? (input.reason ?? null) : row.declineReason,
        approvedAt: action === 'approve' ? now : row.approvedAt,
        version: version + 1,
        updatedAt: now,
      })
      .where(and(eq(keyProposals.orgId, actor.orgId), eq(keyProposals.id, id), eq(keyProposals.version, version)))
      .returning();
    assertVersionMatched(updated.length, '重点提案');
    const proposal = await loadProposalRow(tx, actor.orgId, row.proposalId);
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: `key_proposal.${transition.to}`,
      summary: `${transition.label}：“${proposal.title}”`,
      actor,
      subjectType: 'key_proposal',
      subjectId: id,
      before: { state: row.state, version },
      after: { state: transition.to, version: version + 1, supervisorIds, reason: input.reason ?? null },
      context,
    });
    if (action === 'approve') {
      await notify(
        tx,
        actor.orgId,
        { userIds: supervisorIds },
        {
          title: `重点提案督办：${proposal.title}`,
          body: `提案“${proposal.title}”已确定为重点提案，请您领衔督办。`,
          subjectType: 'key_proposal',
          subjectId: id,
          link: '/office/key-proposals',
        },
      );
    }
    const [view] = await presentKeyProposals(tx, actor, updated);
    return view;
  });
}
