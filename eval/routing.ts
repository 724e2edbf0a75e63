/**
 * `npm run eval -- routing --train FILE… --test FILE`: imports the train files (CSV or JSON Lines with title, body,
 * label) as history into a fresh committee of an in-memory app through the product's own history import, trains
 * its routing models with the product's training action, then asks the same category suggestion service the API
 * uses for each test item and compares the first suggestion (and the first three) with the item's label.
 */
import { readFileSync } from 'node:fs';
import { dictionaryEntries } from '../server/modules/orgs/orgs.tables.ts';
import { importHistory } from '../server/modules/routing/actions/import-history.ts';
import { trainRouting } from '../server/modules/routing/actions/train-routing.ts';
import { suggestCategories } from '../server/modules/routing/routing.suggestions.ts';
import type { Actor } from '../server/platform/auth/actor.ts';
import { newId } from '../server/platform/db/columns.ts';
import { readCsv, readJsonLines, type TableFile } from '../server/platform/files/table-file.ts';
import { createOrganization, createUser } from '../server/test/fixtures.ts';
import { createTestApp } from '../server/test/test-app.ts';

type LabelledItem = { title: string; body: string; label: string };

/** The labelled rows of a CSV or JSON Lines file (either text column may be missing). */
function readLabelled(path: string): LabelledItem[] {
  const text = readFileSync(path, 'utf8');
  const file: TableFile = /\.jsonl?$/i.test(path) ? readJsonLines(text) : readCsv(text);
  if ('failure' in file) throw new Error(`${path}: ${file.failure}`);
  return file.rows.map(({ cells }) => ({
    title: cells.get('title') ?? '',
    body: cells.get('body') ?? '',
    label: cells.get('label') ?? cells.get('category') ?? '',
  }));
}

/** Macro-averaged F1 over every label seen in the test items or the predictions. */
export function macroF1(pairs: { expected: string; predicted: string }[]): number {
  const labels = new Set(pairs.flatMap((pair) => [pair.expected, pair.predicted]));
  let total = 0;
  for (const label of labels) {
    const truePositives = pairs.filter((pair) => pair.expected === label && pair.predicted === label).length;
    const predicted = pairs.filter((pair) => pair.predicted === label).length;
    const expected = pairs.filter((pair) => pair.expected === label).length;
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = expected === 0 ? 0 : truePositives / expected;
    total += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return labels.size === 0 ? 0 : total / labels.size;
}

/** Runs the routing evaluation and returns its figures. */
export async function run(options: Record<string, string[]>): Promise<Record<string, number | string>> {
  const trainPaths = options.train ?? [];
  const testPaths = options.test ?? [];
  if (trainPaths.length === 0 || testPaths.length === 0) throw new Error('routing needs --train FILE… and --test FILE');
  const trainLabels = new Set(trainPaths.flatMap((path) => readLabelled(path).map((item) => item.label)));
  trainLabels.delete('');
  const testItems = testPaths.flatMap(readLabelled).filter((item) => item.label !== '');

  const test = await createTestApp();
  try {
    const deps = test.dependencies;
    const org = await createOrganization(deps);
    const user = await createUser(deps, { orgId: org.id, roles: ['proposal_office'] });
    const actor: Actor = { ...user, userId: user.id, displayName: '评测', memberId: null, unitId: null, sessionId: newId() };
    // The committee's category dictionary: the labels the history uses, as a committee sets them up before importing.
    await deps.database.orm.insert(dictionaryEntries).values(
      [...trainLabels].map((label, index) => ({
        orgId: org.id,
        kind: 'proposal_category',
        code: `c${index + 1}`,
        name: label,
        sortOrder: index,
      })),
    );
    const importStarted = performance.now();
    let imported = 0;
    for (const path of trainPaths) imported += (await importHistory(deps, actor, readFileSync(path), null)).imported;
    const importSeconds = (performance.now() - importStarted) / 1000;
    const trainStarted = performance.now();
    await trainRouting(deps, org.id, actor);
    const trainSeconds = (performance.now() - trainStarted) / 1000;

    const pairs: { expected: string; predicted: string }[] = [];
    let topThree = 0;
    let elapsed = 0;
    for (const item of testItems) {
      const started = performance.now();
      const { items } = await suggestCategories(deps.database.orm, org.id, { title: item.title, body: item.body }, 3);
      elapsed += performance.now() - started;
      pairs.push({ expected: item.label, predicted: items[0]?.categoryName ?? '' });
      if (items.some((suggestion) => suggestion.categoryName === item.label)) topThree += 1;
    }
    const round = (value: number) => Math.round(value * 1000) / 1000;
    const correct = pairs.filter((pair) => pair.expected === pair.predicted).length;
    return {
      items: testItems.length,
      accuracy: round(correct / testItems.length),
      macro_f1: round(macroF1(pairs)),
      top3_accuracy: round(topThree / testItems.length),
      ms_per_item: round(elapsed / testItems.length),
      train_items: imported,
      labels: trainLabels.size,
      import_seconds: round(importSeconds),
      train_seconds: round(trainSeconds),
    };
  } finally {
    await test.close();
  }
}
