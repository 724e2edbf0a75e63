import { and, asc, eq, gt, ne } from 'drizzle-orm';
import type { Executor, Orm } from '../../platform/db/database.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { itemReplies } from '../handling/handling.tables.ts';
import { indexDocument } from '../search/search-documents.ts';
import { proposals } from './proposals.tables.ts';

/**
 * Writes a proposal's search document in the caller's transaction: title and key words (weight A), background
 * and suggestions (B), its number, session, state, category and live units (an assignment replaced after an
 * adjustment no longer counts), dated when it was handed in (or created, for a draft). Every proposal action that
 * changes the text or one of these fields calls it, so search never lags behind the proposal. Proposer names are
 * not indexed (the list matches them by name); sent replies are (weight C). The portal searches the public copies
 * (publication), never these.
 */
export async function indexProposal(executor: Executor, orgId: string, proposalId: string): Promise<void> {
  const [proposal] = await executor
    .select()
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.id, proposalId)));
  if (!proposal) return;
  const units = await executor
    .select({ unitId: itemAssignments.unitId })
    .from(itemAssignments)
    .where(
      and(eq(itemAssignments.orgId, orgId), eq(itemAssignments.itemId, proposalId), ne(itemAssignments.state, 'reassigned')),
    );
  // The units' sent replies count too (weight C): staff find a proposal by what was answered.
  const replies = await executor
    .select({ text: itemReplies.text })
    .from(itemReplies)
    .where(and(eq(itemReplies.orgId, orgId), eq(itemReplies.itemId, proposalId), eq(itemReplies.state, 'sent')))
    .orderBy(asc(itemReplies.id));
  await indexDocument(executor, {
    orgId,
    id: proposal.id,
    itemType: 'proposal',
    sessionId: proposal.sessionId,
    state: proposal.state,
    categoryId: proposal.categoryId,
    unitIds: [...new Set(units.map((unit) => unit.unitId))],
    number: proposal.number,
    title: proposal.title,
    keywords: proposal.keywords,
    body: [proposal.background, proposal.suggestions].filter((part) => part !== '').join('\n'),
    extra: replies.map((reply) => reply.text).join('\n'),
    published: false,
    occurredAt: proposal.submittedAt ?? proposal.createdAt,
  });
}

/**
 * Rewrites the search documents of every proposal of a committee, `batchSize` proposals per transaction (the
 * backfill `npm run search:reindex`). Returns how many were indexed.
 */
export async function reindexProposals(
  orm: Orm,
  orgId: string,
  batchSize = 500,
  onBatch: (done: number) => void = () => {},
): Promise<number> {
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const rows: { id: string }[] = await orm
      .select({ id: proposals.id })
      .from(proposals)
      .where(from ? and(eq(proposals.orgId, orgId), gt(proposals.id, from)) : eq(proposals.orgId, orgId))
      .orderBy(asc(proposals.id))
      .limit(batchSize);
    if (rows.length === 0) return done;
    await orm.transaction(async (tx) => {
      for (const row of rows) await indexProposal(tx, orgId, row.id);
    });
    done += rows.length;
    after = rows[rows.length - 1].id;
    onBatch(done);
  }
}
