import { and, asc, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { itemReplies } from '../handling/handling.tables.ts';
import { indexDocument, removeDocument } from '../search/search-documents.ts';
import { microSuggestions } from './micro-suggestions.tables.ts';

/**
 * Writes a micro-suggestion's search document in the caller's transaction (item type micro_suggestion): title
 * (weight A), place, problem and suggestion (B), sent replies and the member's result (C), its number, state,
 * category and live unit, dated when it was submitted (or created, for a draft). Every action that changes one of
 * these calls it; the similar-items service finds merge candidates here. Staff search and the portal do not show
 * this kind (the portal reads the public copies).
 */
export async function indexMicroSuggestion(executor: Executor, orgId: string, id: string): Promise<void> {
  const [row] = await executor
    .select()
    .from(microSuggestions)
    .where(and(eq(microSuggestions.orgId, orgId), eq(microSuggestions.id, id)));
  if (!row) return;
  const units = await executor
    .select({ unitId: itemAssignments.unitId })
    .from(itemAssignments)
    .where(and(eq(itemAssignments.orgId, orgId), eq(itemAssignments.itemId, id), ne(itemAssignments.state, 'reassigned')));
  const replies = await executor
    .select({ text: itemReplies.text })
    .from(itemReplies)
    .where(and(eq(itemReplies.orgId, orgId), eq(itemReplies.itemId, id), eq(itemReplies.state, 'sent')))
    .orderBy(asc(itemReplies.id));
  await indexDocument(executor, {
    orgId,
    id,
    itemType: 'micro_suggestion',
    state: row.state,
    categoryId: row.categoryId,
    unitIds: [...new Set(units.map((unit) => unit.unitId))],
    number: row.number,
    title: row.title,
    body: [row.place, row.problem, row.suggestion].filter((part) => part !== '').join('\n'),
    extra: [...replies.map((reply) => reply.text), row.memberReport ?? ''].filter((part) => part !== '').join('\n'),
    published: false,
    occurredAt: row.submittedAt ?? row.createdAt,
  });
}

/** Removes a micro-suggestion from the search index. */
export async function unindexMicroSuggestion(executor: Executor, orgId: string, id: string): Promise<void> {
  await removeDocument(executor, orgId, id);
}
