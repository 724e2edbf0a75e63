import { and, eq } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { loadVisibleProposal } from '../../proposals/proposals.queries.ts';
import { proposals } from '../../proposals/proposals.tables.ts';
import { removeDocument } from '../../search/search-documents.ts';
import { canPublish } from '../publication.policy.ts';
import { publications } from '../publication.tables.ts';

/**
 * POST /proposals/{id}/secret (If-Match): the office marks a proposal secret (涉密) or not. Marking it secret
 * withdraws a publication at once, in the same transaction.
 */
export async function setSecret(
  deps: AppDependencies,
  actor: Actor,
  proposalId: string,
  version: number,
  secret: boolean,
  context: RequestContext,
): Promise<{ proposalId: string; secret: boolean; version: number }> {
  if (!canPublish(actor)) throw forbidden('只有提案委可以设置涉密标记');
  return deps.database.orm.transaction(async (tx) => {
    const { proposal } = await loadVisibleProposal(tx, actor, proposalId, true);
    if (proposal.version !== version) throw versionConflict('提案');
    const now = deps.now().toISOString();
    let withdrawn = false;
    if (secret) {
      const rows = await tx
        .delete(publications)
        .where(and(eq(publications.orgId, actor.orgId), eq(publications.proposalId, proposalId)))
        .returning({ id: publications.id });
      for (const row of rows) await removeDocument(tx, actor.orgId, row.id);
      withdrawn = rows.length > 0;
    }
    const updated = await tx
      .update(proposals)
      .set({
        isSecret: secret,
        ...(withdrawn ? { publicationDecision: 'not_published', publicationDecidedAt: now } : {}),
        version: version + 1,
        updatedAt: now,
      })
      .where(and(eq(proposals.orgId, actor.orgId), eq(proposals.id, proposalId), eq(proposals.version, version)))
      .returning({ version: proposals.version });
    assertVersionMatched(updated.length, '提案');
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: secret ? 'proposal.marked_secret' : 'proposal.unmarked_secret',
      summary: `${secret ? '标记为涉密' : '取消涉密标记'}${withdrawn ? '（已撤回公开）' : ''}：提案“${proposal.title}”`,
      actor,
      subjectType: 'proposal',
      subjectId: proposalId,
      before: { isSecret: proposal.isSecret, version },
      after: { isSecret: secret, version: version + 1, publicationWithdrawn: withdrawn },
      context,
    });
    return { proposalId, secret, version: version + 1 };
  });
}
