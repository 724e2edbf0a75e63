import { and, eq } from 'drizzle-orm';
import { type Proposal, type ProposalState, type ProposalUpdate, proposalFieldLabels } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { canTakeProposalAction } from '../proposals.policy.ts';
import { proposalAuditView } from '../proposals.presenter.ts';
import { loadProposalSettings, loadVisibleProposal, presentProposalFor } from '../proposals.queries.ts';
import { indexProposal } from '../proposals.search.ts';
import { proposals } from '../proposals.tables.ts';
import { assertBodyWithinLimit, assertDictionaryEntry } from '../proposals.validation.ts';
import { proposalWorkflow } from '../proposals.workflow.ts';

/** The Chinese names of the fields a draft edit may change, for the history line. */
const fieldNames: Record<string, string> = {
  ...proposalFieldLabels,
  categoryId: '类别',
  keywords: '关键词',
  agreesToPublish: '是否同意公开',
  publicationRefusalReason: '不同意公开的理由',
};

/**
 * Saves changes to a draft (or a proposal returned for revision) at the version the client saw. A partial
 * body changes only the fields it carries, so the editor can autosave what changed.
 */
export async function updateProposal(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: ProposalUpdate,
  context: RequestContext,
): Promise<Proposal> {
  return deps.database.orm.transaction(async (tx) => {
    const { proposal, coSigners } = await loadVisibleProposal(tx, actor, id, true);
    guardTransition(
      proposalWorkflow,
      proposal.state as ProposalState,
      'edit',
      actor.roles,
      canTakeProposalAction(actor, proposal, 'edit'),
    );
    if (proposal.version !== version) throw versionConflict('提案');
    const settings = await loadProposalSettings(tx, deps, actor.orgId);
    if (input.categoryId) {
      await assertDictionaryEntry(tx, actor.orgId, input.categoryId, ['proposal_category'], 'categoryId', '提案类别');
    }
    const changes = Object.fromEntries(
      Object.entries(input).filter(
        ([key, value]) => value !== undefined && !sameValue(value, proposal[key as keyof ProposalUpdate]),
      ),
    ) as ProposalUpdate;
    // An autosave that changes nothing writes nothing: same version, no event.
    if (Object.keys(changes).length === 0) return presentProposalFor(tx, deps, actor, proposal, coSigners, settings);
    assertBodyWithinLimit({ ...proposal, ...changes }, settings.bodyMaxCharacters);
    const updated = await tx
      .update(proposals)
      .set({ ...changes, version: proposal.version + 1, updatedAt: deps.now().toISOString() })
      .where(and(eq(proposals.orgId, actor.orgId), eq(proposals.id, id), eq(proposals.version, version)))
      .returning();
    assertVersionMatched(updated.length, '提案');
    const row = updated[0];
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal.updated',
      summary: `修改提案“${row.title}”（${Object.keys(changes)
        .map((key) => fieldNames[key] ?? key)
        .join('、')}）`,
      actor,
      subjectType: 'proposal',
      subjectId: id,
      before: proposalAuditView(proposal),
      after: proposalAuditView(row),
      context,
    });
    await indexProposal(tx, actor.orgId, id);
    return presentProposalFor(tx, deps, actor, row, coSigners, settings);
  });
}

/** True when a sent value equals the stored one (keywords compare as lists). */
function sameValue(sent: unknown, stored: unknown): boolean {
  return JSON.stringify(sent) === JSON.stringify(stored);
}
