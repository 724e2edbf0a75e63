import { and, asc, eq, gt } from 'drizzle-orm';
import type { Orm } from '../../platform/db/database.ts';
import type { SearchDocumentInput } from '../search/search-documents.ts';
import { indexDocument } from '../search/search-documents.ts';
import { routingHistory } from './routing.tables.ts';

/** The search document of an imported history item: its title (or the opening of its body), dated when handed in. */
export function historyDocument(row: typeof routingHistory.$inferSelect): SearchDocumentInput {
  return {
    orgId: row.orgId,
    id: row.id,
    itemType: 'history',
    categoryId: row.categoryId,
    unitIds: row.unitIds,
    title: row.title || `${[...row.body].slice(0, 30).join('')}…`,
    body: row.body,
    occurredAt: row.occurredAt ?? row.importedAt,
  };
}

/** Rewrites the search documents of a committee's imported history, `batchSize` rows per transaction. */
export async function reindexHistory(orm: Orm, orgId: string, batchSize = 500, onBatch: (done: number) => void = () => {}) {
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const rows = await orm
      .select()
      .from(routingHistory)
      .where(from ? and(eq(routingHistory.orgId, orgId), gt(routingHistory.id, from)) : eq(routingHistory.orgId, orgId))
      .orderBy(asc(routingHistory.id))
      .limit(batchSize);
    if (rows.length === 0) return done;
    await orm.transaction(async (tx) => {
      for (const row of rows) await indexDocument(tx, historyDocument(row));
    });
    done += rows.length;
    after = rows[rows.length - 1].id;
    onBatch(done);
  }
}
