import { and, eq } from 'drizzle-orm';
import type { PublicationDecisionInput } from '../../../../contracts/publication.ts';
import { publicationDecisionNames } from '../../../../contracts/publication.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { conflict, forbidden, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { dictionaryEntries } from '../../orgs/orgs.tables.ts';
import { loadVisibleProposal, type ProposalRow } from '../../proposals/proposals.queries.ts';
import { proposals } from '../../proposals/proposals.tables.ts';
import { indexDocument, removeDocument } from '../../search/search-documents.ts';
import { canPublish, publicationRefusal } from '../publication.policy.ts';
import { publications } from '../publication.tables.ts';
import { buildPublicText } from '../publication.text.ts';

/** The outcome of a decision. */
export type DecisionOutcome = {
  proposalId: string;
  decision: PublicationDecisionInput['decision'];
  publicationId: string | null;
  version: number;
};

/**
 * Applies a publication decision to a locked proposal in the caller's transaction: publishing writes (or rewrites)
 * the public copy and its portal search document; not publishing deletes them. The proposal records the decision.
 */
export async function applyPublication(
  tx: Transaction,
  deps: AppDependencies,
  actor: Actor,
  proposal: ProposalRow,
  input: PublicationDecisionInput,
  context: RequestContext,
): Promise<DecisionOutcome> {
  const refusal = publicationRefusal(proposal, input.decision);
  if (refusal) throw conflict(refusal.detail, refusal.code);
  if (input.decision === 'partly_published' && !input.text) {
    throw unprocessable(
      '部分公开须提供删改后的公开文本',
      [{ field: 'text', message: '请填写删改后的公开文本' }],
      'text_required',
    );
  }
  const now = deps.now().toISOString();
  const [existing] = await tx
    .select({ id: publications.id })
    .from(publications)
    .where(and(eq(publications.orgId, actor.orgId), eq(publications.proposalId, proposal.id)));
  let publicationId: string | null = null;
  let removed: Record<string, number> = {};
  if (input.decision === 'not_published') {
    if (existing) {
      await tx.delete(publications).where(and(eq(publications.orgId, actor.orgId), eq(publications.id, existing.id)));
      await removeDocument(tx, actor.orgId, existing.id);
    }
  } else {
    const built = await buildPublicText(tx, proposal, input.decision === 'partly_published' ? input.text : undefined);
    removed = built.removed;
    const [category] = proposal.categoryId
      ? await tx
          .select({ name: dictionaryEntries.name })
          .from(dictionaryEntries)
          .where(and(eq(dictionaryEntries.orgId, actor.orgId), eq(dictionaryEntries.id, proposal.categoryId)))
      : [];
    const values = {
      mode: input.decision,
      sessionId: proposal.sessionId,
      number: proposal.number,
      sequence: proposal.sequence,
      title: built.text.title,
      proposerNames: built.proposerNames,
      categoryId: proposal.categoryId,
      categoryName: category?.name ?? null,
      background: built.text.background,
      suggestions: built.text.suggestions,
      replies: built.text.replies,
      unitNames: built.unitNames,
      publishedBy: actor.userId,
      publishedAt: now,
    };
    const [row] = existing
      ? await tx
          .update(publications)
          .set(values)
          .where(and(eq(publications.orgId, actor.orgId), eq(publications.id, existing.id)))
          .returning()
      : await tx
          .insert(publications)
          .values({ orgId: actor.orgId, proposalId: proposal.id, ...values })
          .returning();
    publicationId = row.id;
    await indexDocument(tx, {
      orgId: actor.orgId,
      id: row.id,
      itemType: 'publication',
      sessionId: row.sessionId,
      state: row.mode,
      categoryId: row.categoryId,
      number: row.number,
      title: row.title,
      body: [row.background, row.suggestions].filter((part) => part !== '').join('\n'),
      extra: row.replies.map((reply) => reply.text).join('\n'),
      published: true,
      occurredAt: now,
    });
  }
  const updated = await tx
    .update(proposals)
    .set({ publicationDecision: input.decision, publicationDecidedAt: now, version: proposal.version + 1, updatedAt: now })
    .where(and(eq(proposals.orgId, actor.orgId), eq(proposals.id, proposal.id), eq(proposals.version, proposal.version)))
    .returning({ version: proposals.version });
  assertVersionMatched(updated.length, '提案');
  await recordEvent(tx, deps.config.auditHash, {
    orgId: actor.orgId,
    type: `publication.${input.decision}`,
    summary: `${publicationDecisionNames[input.decision]}：提案“${proposal.title}”`,
    actor,
    subjectType: 'proposal',
    subjectId: proposal.id,
    before: { publicationDecision: proposal.publicationDecision, version: proposal.version },
    after: {
      publicationDecision: input.decision,
      version: proposal.version + 1,
      publicationId,
      removed,
      reason: input.reason ?? null,
    },
    context,
  });
  return { proposalId: proposal.id, decision: input.decision, publicationId, version: proposal.version + 1 };
}

/** POST /proposals/{id}/publication (If-Match): the office's decision on one proposal. */
export async function decidePublication(
  deps: AppDependencies,
  actor: Actor,
  proposalId: string,
  version: number,
  input: PublicationDecisionInput,
  context: RequestContext,
): Promise<DecisionOutcome> {
  if (!canPublish(actor)) throw forbidden('只有提案委可以决定公开');
  return deps.database.orm.transaction(async (tx) => {
    const { proposal } = await loadVisibleProposal(tx, actor, proposalId, true);
    if (proposal.version !== version) throw versionConflict('提案');
    return applyPublication(tx, deps, actor, proposal, input, context);
  });
}
