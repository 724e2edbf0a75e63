import { and, eq, sql } from 'drizzle-orm';
import type { SearchItemType } from '../../../contracts/search.ts';
import type { Executor } from '../../platform/db/database.ts';
import { buildTsvector } from '../../platform/search/tsvector.ts';
import { searchDocuments } from './search.tables.ts';

/** What the owning module says about one of its text items, for the search index. */
export type SearchDocumentInput = {
  orgId: string;
  id: string;
  itemType: SearchItemType;
  sessionId?: string | null;
  state?: string | null;
  categoryId?: string | null;
  unitIds?: string[];
  number?: string | null;
  title: string;
  /** Key words, indexed with the title's weight (A) but not shown as part of the title. */
  keywords?: string[];
  /** Body text (weight B), e.g. background and suggestions. */
  body: string;
  /** Replies and other text (weight C). */
  extra?: string;
  published?: boolean;
  occurredAt: string;
};

/** The row of an item's search document, its words segmented and weighted. */
function documentRow(input: SearchDocumentInput) {
  const words = buildTsvector(input.orgId, [
    { text: input.title, weight: 'A' },
    { text: (input.keywords ?? []).join(' '), weight: 'A' },
    { text: input.body, weight: 'B' },
    { text: input.extra ?? '', weight: 'C' },
  ]);
  return {
    orgId: input.orgId,
    id: input.id,
    itemType: input.itemType,
    sessionId: input.sessionId ?? null,
    state: input.state ?? null,
    categoryId: input.categoryId ?? null,
    unitIds: input.unitIds ?? [],
    number: input.number ?? null,
    title: input.title,
    body: [input.body, input.extra ?? ''].filter((part) => part !== '').join('\n'),
    published: input.published ?? false,
    occurredAt: input.occurredAt,
    words,
    updatedAt: sql`now()`,
  };
}

/**
 * Writes (or rewrites) the search document of an item, in the caller's transaction: the owning module calls it in
 * every action that changes the item's text or a filtered field, so the index never lags behind the item.
 */
export async function indexDocument(executor: Executor, input: SearchDocumentInput): Promise<void> {
  const values = documentRow(input);
  const { orgId: _orgId, id: _id, ...changes } = values;
  await executor
    .insert(searchDocuments)
    .values(values)
    .onConflictDoUpdate({ target: [searchDocuments.orgId, searchDocuments.id], set: changes });
}

/** Writes the search documents of new items (an import), a few hundred rows per statement, in the caller's transaction. */
export async function indexNewDocuments(executor: Executor, inputs: SearchDocumentInput[]): Promise<void> {
  for (let start = 0; start < inputs.length; start += 200) {
    await executor.insert(searchDocuments).values(inputs.slice(start, start + 200).map(documentRow));
  }
}

/** Removes an item from the search index (deleted drafts, undone imports). */
export async function removeDocument(executor: Executor, orgId: string, id: string): Promise<void> {
  await executor.delete(searchDocuments).where(and(eq(searchDocuments.orgId, orgId), eq(searchDocuments.id, id)));
}
