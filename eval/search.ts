/**
 * Search evaluation (`npm run eval -- search --corpus FILE…`): on a fresh in-memory app, one tenant gets the corpus
 * items (JSON Lines id/title/body[/label]) through the history import (or, while that does not exist, straight
 * through the search module's indexNewDocuments as items of type `history`). Then, for every item, the two rarest content words of its
 * title (document frequency over the corpus as segmentWords cuts it, ties by general IDF) are searched as "w1 w2"
 * through searchItems (relevance, 10 results), and again converted to Traditional: a hit when the item is among
 * the 10. Prints queries, hit_at_10, hit_at_10_traditional, p95_ms (over both scripts). With EVAL_VERBOSE=1 (or
 * `--verbose`, when the runner passes it) the misses go to stderr with a diagnosis: whether the item's own
 * tsvector holds every query word (a segmentation miss) or how many corpus items match (a ranking miss).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { searchItems } from '../server/modules/search/search.queries.ts';
import { indexNewDocuments } from '../server/modules/search/search-documents.ts';
import { newId } from '../server/platform/db/columns.ts';
import { readJsonLines } from '../server/platform/files/table-file.ts';
import { toTraditional } from '../server/platform/i18n/chinese-script.ts';
import type { AppDependencies } from '../server/platform/module.ts';
import { parseQuery } from '../server/platform/search/query.ts';
import { isContentWord, normalizeText, segmentWords } from '../server/platform/search/segment.ts';
import { generalIdf } from '../server/platform/search/term-weights.ts';
import { buildTsvector } from '../server/platform/search/tsvector.ts';
import { createOrganization, createUser } from '../server/test/fixtures.ts';
import { createTestApp } from '../server/test/test-app.ts';

type Item = { key: string; title: string; body: string; label: string; time: string };

/** The corpus items of the JSON Lines files, in file order (rows without a title are skipped). */
function readCorpus(files: string[]): Item[] {
  const items: Item[] = [];
  for (const file of files) {
    const table = readJsonLines(readFileSync(resolve(file), 'utf8'));
    if ('failure' in table) throw new Error(`${file}: ${table.failure}`);
    for (const row of table.rows) {
      const title = row.cells.get('title') ?? '';
      if (title === '') continue;
      items.push({
        key: row.cells.get('id') || `${file}:${row.row}`,
        title,
        body: row.cells.get('body') ?? '',
        label: row.cells.get('label') ?? '',
        time: row.cells.get('time') ?? '',
      });
    }
  }
  return items;
}

/** An ISO instant of the corpus's "2019/2/28 11:25:05" (Asia/Shanghai), or a fixed date when it has none. */
function occurredAt(time: string): string {
  const match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(time);
  if (!match) return '2020-01-01T00:00:00.000Z';
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const utc = Date.UTC(+year, +month - 1, +day, +hour - 8, +minute, +second);
  return new Date(utc).toISOString();
}

/** The lexemes of an item's tsvector as the index holds them (for diagnosing misses). */
function lexemesOf(title: string, body: string): Set<string> {
  const literal = buildTsvector('00000000-0000-0000-0000-000000000000', [
    { text: title, weight: 'A' },
    { text: body, weight: 'B' },
  ]);
  return new Set([...literal.matchAll(/'((?:[^']|'')*)'/g)].map((match) => match[1].replace(/''/g, "'")));
}

type ImportHistory = (deps: AppDependencies, actor: unknown, rows: unknown[]) => Promise<unknown>;

/**
 * Loads the items into the tenant: through the routing module's history import when it exists (the ids it gives
 * are mapped back by title and body), else with indexNewDocuments (what the import writes with). Returns the search ids of every item and the path.
 */
async function loadItems(dependencies: AppDependencies, orgId: string, items: Item[]): Promise<{ ids: string[][]; via: string }> {
  const importPath = resolve(import.meta.dirname, '../server/modules/routing/actions/import-history.ts');
  if (existsSync(importPath)) {
    const module = (await import(importPath)) as { importHistoryRows?: ImportHistory };
    if (module.importHistoryRows) {
      const actor = await createUser(dependencies, { orgId, roles: ['admin'] as never, username: 'eval-admin' });
      await module.importHistoryRows(
        dependencies,
        { ...actor, userId: actor.id },
        items.map((item) => ({ title: item.title, body: item.body, ...(item.label ? { label: item.label } : {}) })),
      );
      const found = await dependencies.database.pool.query<{ id: string; title: string; body: string }>(
        `select id, title, body from search_documents where org_id = $1 and item_type = 'history'`,
        [orgId],
      );
      const byText = new Map<string, string[]>();
      for (const row of found.rows) {
        const key = `${row.title}\u0000${row.body}`;
        byText.set(key, [...(byText.get(key) ?? []), row.id]);
      }
      const ids = items.map((item) => byText.get(`${item.title}\u0000${item.body}`) ?? []);
      const unmapped = ids.filter((list) => list.length === 0).length;
      if (unmapped > 0) console.error(`warning: ${unmapped} items not found in search_documents after the import`);
      return { ids, via: 'importHistoryRows' };
    }
  }
  const ids = items.map(() => [newId()]);
  await dependencies.database.orm.transaction(async (tx) => {
    await indexNewDocuments(
      tx,
      items.map((item, index) => ({
        orgId,
        id: ids[index][0],
        itemType: 'history' as const,
        title: item.title,
        body: item.body,
        occurredAt: occurredAt(item.time),
      })),
    );
  });
  return { ids, via: 'indexNewDocuments' };
}

/** The value at quantile q of sorted numbers. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Runs the evaluation on `--corpus` (default ../shared/eval/messages-hot.jsonl) and returns the figures. */
export async function run(options: Record<string, string[]>): Promise<Record<string, number | string>> {
  const verbose = process.env.EVAL_VERBOSE === '1' || (options.verbose ?? []).length > 0;
  const files = options.corpus?.length ? options.corpus : [resolve(import.meta.dirname, '../../shared/eval/messages-hot.jsonl')];
  const items = readCorpus(files);

  // Document frequency of every content word over the corpus, as segmentWords cuts title + body.
  const documentFrequency = new Map<string, number>();
  for (const item of items) {
    for (const word of new Set(segmentWords(`${item.title}\n${item.body}`))) {
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
  }
  let shortTitles = 0;
  const queries = items.map((item) => {
    const words = [...new Set(segmentWords(item.title).filter(isContentWord))];
    if (words.length < 2) shortTitles += 1;
    words.sort(
      (left, right) =>
        (documentFrequency.get(left) ?? 0) - (documentFrequency.get(right) ?? 0) || generalIdf(right) - generalIdf(left),
    );
    return words.slice(0, 2).join(' ');
  });

  const testApp = await createTestApp();
  try {
    const { dependencies } = testApp;
    const organization = await createOrganization(dependencies);
    const started = performance.now();
    const { ids, via } = await loadItems(dependencies, organization.id, items);
    const loadSeconds = (performance.now() - started) / 1000;

    const timings: number[] = [];
    const search = async (q: string) => {
      const before = performance.now();
      const page = await searchItems(dependencies.database.orm, { orgId: organization.id }, { q, sort: 'relevance', limit: 10 });
      timings.push(performance.now() - before);
      return page;
    };
    let evaluated = 0;
    let hits = 0;
    let traditionalHits = 0;
    const misses: { index: number; q: string; script: string; words: string[] }[] = [];
    for (const [index, q] of queries.entries()) {
      if (q === '' || ids[index].length === 0) continue;
      evaluated += 1;
      const wanted = new Set(ids[index]);
      const simplified = await search(q);
      if (simplified.items.some((hit) => wanted.has(hit.id))) hits += 1;
      else misses.push({ index, q, script: 'simplified', words: simplified.words });
      const traditional = toTraditional(q);
      const converted = await search(traditional);
      if (converted.items.some((hit) => wanted.has(hit.id))) traditionalHits += 1;
      else misses.push({ index, q: traditional, script: 'traditional', words: converted.words });
    }

    if (verbose) {
      const lexemes = items.map((item) => lexemesOf(item.title, item.body));
      const shown = new Map<string, number>();
      for (const miss of misses) {
        const item = items[miss.index];
        const parsed = parseQuery(miss.q);
        const matchingItems = lexemes.filter((set) =>
          parsed.parts.every((part) => part.words.every((word) => set.has(word))),
        ).length;
        const own = lexemes[miss.index];
        const absent = parsed.parts.flatMap((part) => part.words).filter((word) => !own.has(word));
        const kind =
          absent.length > 0
            ? 'segmentation'
            : matchingItems > 10
              ? 'ranking'
              : miss.script === 'traditional' && normalizeText(miss.q) !== queries[miss.index]
                ? 'script'
                : 'other';
        shown.set(kind, (shown.get(kind) ?? 0) + 1);
        if ((shown.get(kind) ?? 0) > 8) continue;
        const titleWords = segmentWords(item.title).join('/');
        console.error(
          `[${kind}] ${miss.script} q=${JSON.stringify(miss.q)} parsed=${parsed.parts
            .map((part) => part.words.join('+'))
            .join(' & ')} absent=${absent.join(',') || '-'} matching=${matchingItems}` +
            ` | title ${item.key}: ${item.title} | cut: ${titleWords}`,
        );
      }
      console.error(
        `misses by kind: ${[...shown.entries()].map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none'}; loaded via ${via} in ${loadSeconds.toFixed(1)} s; ${shortTitles} titles with < 2 content words`,
      );
    }
    timings.sort((left, right) => left - right);
    const round = (value: number) => Number(value.toFixed(4));
    return {
      queries: evaluated,
      hit_at_10: round(hits / Math.max(1, evaluated)),
      hit_at_10_traditional: round(traditionalHits / Math.max(1, evaluated)),
      p95_ms: Number(quantile(timings, 0.95).toFixed(1)),
      p50_ms: Number(quantile(timings, 0.5).toFixed(1)),
      short_titles: shortTitles,
      loaded_via: via,
    };
  } finally {
    await testApp.close();
  }
}
