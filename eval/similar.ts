/**
 * `npm run eval -- similar --corpus FILE… --pairs FILE`: loads the corpus (JSON Lines: id, title, body, time) and
 * the `a` side of each near-duplicate pair (CSV: id_a, title_a, id_b, title_b, …) into a fresh in-memory app as
 * imported history items, then asks for the items similar to each `b` side (its title, and its body when the corpus
 * holds it) through the product's similar-item service, the `b` item itself excluded, and reports how often `a` is
 * found at rank 1 and within the first five.
 */
import { readFileSync } from 'node:fs';
import { indexDocument } from '../server/modules/search/search-documents.ts';
import { findSimilarItems } from '../server/modules/search/similar.ts';
import { compactText } from '../server/modules/search/similar-scoring.ts';
import { newId } from '../server/platform/db/columns.ts';
import { readCsv, readJsonLines, type TableRow } from '../server/platform/files/table-file.ts';
import { createOrganization } from '../server/test/fixtures.ts';
import { createTestApp } from '../server/test/test-app.ts';

type SourceItem = { sourceId: string; title: string; body: string; occurredAt: string };

const RESULTS = 10;
const BATCH = 500;

/** The rows of a table file, or an error naming the file. */
function rowsOf(path: string, parse: (text: string) => ReturnType<typeof readCsv>): TableRow[] {
  const file = parse(readFileSync(path, 'utf8'));
  if ('failure' in file) throw new Error(`${path}: ${file.failure}`);
  return file.rows;
}

/** The board's "2019/2/28 11:25:05" as an instant (Asia/Shanghai), or a fixed date when missing. */
function instantOf(time: string | undefined): string {
  const match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: (\d{1,2}):(\d{2}):(\d{2}))?/.exec(time ?? '');
  if (!match) return '2019-01-01T00:00:00+08:00';
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const two = (value: string) => value.padStart(2, '0');
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${minute}:${second}+08:00`;
}

/** Runs the similar-item evaluation and returns its figures. */
export async function run(options: Record<string, string[]>): Promise<Record<string, number | string>> {
  const [pairsPath] = options.pairs ?? [];
  if (!pairsPath || (options.corpus ?? []).length === 0) throw new Error('similar needs --corpus FILE and --pairs FILE');
  const corpus = new Map<string, SourceItem>();
  for (const path of options.corpus) {
    for (const row of rowsOf(path, readJsonLines)) {
      const sourceId = row.cells.get('id') ?? '';
      if (sourceId === '' || corpus.has(sourceId)) continue;
      const title = row.cells.get('title') ?? '';
      corpus.set(sourceId, { sourceId, title, body: row.cells.get('body') ?? '', occurredAt: instantOf(row.cells.get('time')) });
    }
  }
  const pairs = rowsOf(pairsPath, readCsv).map((row) => ({
    a: row.cells.get('id_a') ?? '',
    titleA: row.cells.get('title_a') ?? '',
    b: row.cells.get('id_b') ?? '',
    titleB: row.cells.get('title_b') ?? '',
  }));
  const existing = new Map(corpus);
  for (const pair of pairs) {
    if (!existing.has(pair.a)) {
      existing.set(pair.a, { sourceId: pair.a, title: pair.titleA, body: '', occurredAt: instantOf(undefined) });
    }
  }

  const test = await createTestApp();
  try {
    const org = await createOrganization(test.dependencies);
    const productIds = new Map<string, string>();
    const sourceIds = new Map<string, string>();
    const items = [...existing.values()];
    for (let start = 0; start < items.length; start += BATCH) {
      await test.dependencies.database.orm.transaction(async (transaction) => {
        for (const item of items.slice(start, start + BATCH)) {
          const id = newId();
          productIds.set(item.sourceId, id);
          sourceIds.set(id, item.sourceId);
          await indexDocument(transaction, {
            orgId: org.id,
            id,
            itemType: 'history',
            title: item.title,
            body: item.body,
            occurredAt: item.occurredAt,
          });
        }
      });
    }

    let measured = 0;
    let skipped = 0;
    let hitsAt1 = 0;
    let hitsAt5 = 0;
    let reciprocalRanks = 0;
    let tiesAt1 = 0;
    let tiesAt5 = 0;
    let sameTitleAt5 = 0;
    let elapsed = 0;
    for (const pair of pairs) {
      // A pair of one item with itself says nothing once the item being written is left out.
      if (pair.a === pair.b) {
        skipped += 1;
        continue;
      }
      const written = corpus.get(pair.b);
      const excluded = productIds.get(pair.b);
      const started = performance.now();
      const found = await findSimilarItems(test.dependencies.database.orm, org.id, {
        title: written?.title ?? pair.titleB,
        body: written?.body,
        excludeIds: excluded ? [excluded] : [],
        limit: RESULTS,
      });
      elapsed += performance.now() - started;
      measured += 1;
      const ranked = found.map((item) => ({ sourceId: sourceIds.get(item.id) ?? '', score: item.score, title: item.title }));
      const rank = ranked.findIndex((item) => item.sourceId === pair.a);
      if (process.env.EVAL_VERBOSE === '1' && (rank < 0 || rank >= 5)) {
        console.error(
          `miss rank=${rank} b=${pair.b} ${written?.title ?? pair.titleB} | a=${pair.a} ${existing.get(pair.a)?.title} | got ${ranked
            .slice(0, 3)
            .map((item) => `${item.score} ${item.title}`)
            .join(' ; ')}`,
        );
      }
      if (rank === 0) hitsAt1 += 1;
      if (rank >= 0 && rank < 5) hitsAt5 += 1;
      if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
      // Ties: an item with the same score ranked above `a` only by the deterministic tie-break.
      const score = rank >= 0 ? ranked[rank].score : undefined;
      if (rank > 0 && ranked[0].score === score) tiesAt1 += 1;
      if (rank >= 5 && ranked[4].score === score) tiesAt5 += 1;
      const titleA = compactText(existing.get(pair.a)?.title ?? pair.titleA);
      if (ranked.slice(0, 5).some((item) => compactText(item.title) === titleA)) sameTitleAt5 += 1;
    }
    const round = (value: number) => Math.round(value * 1000) / 1000;
    return {
      pairs: measured,
      recall_at_1: round(hitsAt1 / measured),
      recall_at_5: round(hitsAt5 / measured),
      mrr: round(reciprocalRanks / measured),
      ms_per_query: round(elapsed / measured),
      items: items.length,
      skipped_same_id: skipped,
      ties_lost_at_1: tiesAt1,
      ties_lost_at_5: tiesAt5,
      title_of_a_at_5: round(sameTitleAt5 / measured),
    };
  } finally {
    await test.close();
  }
}
