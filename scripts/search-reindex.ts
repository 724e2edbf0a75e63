/**
 * `npm run search:reindex`: rewrites the search document of every proposal and imported history item of every
 * committee, in batches (one
 * transaction per batch), e.g. after the tokenizer or the indexed fields changed. Safe to run while the app runs:
 * each document is an upsert of the proposal's current state.
 */
import { pathToFileURL } from 'node:url';
import { asc } from 'drizzle-orm';
import { loadConfig } from '../server/config.ts';
import { organizations } from '../server/modules/orgs/orgs.tables.ts';
import { reindexProposals } from '../server/modules/proposals/proposals.search.ts';
import { reindexHistory } from '../server/modules/routing/routing.search.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { migrateOnStart } from '../server/platform/db/migrate-on-start.ts';

async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    relaxedDurability: config.relaxedDurability,
  });
  try {
    await migrateOnStart(database, { dataDir: config.dataDir, log: (message) => console.log(message) });
    const committees = await database.orm
      .select({ id: organizations.id, code: organizations.code, name: organizations.name })
      .from(organizations)
      .orderBy(asc(organizations.code));
    let total = 0;
    let historyTotal = 0;
    for (const committee of committees) {
      const count = await reindexProposals(database.orm, committee.id, 500, (done) => {
        process.stdout.write(`\r${committee.name}（${committee.code}）：已重建 ${done} 件提案的索引`);
      });
      if (count > 0) process.stdout.write('\n');
      total += count;
      const history = await reindexHistory(database.orm, committee.id, 500, (done) => {
        process.stdout.write(`\r${committee.name}（${committee.code}）：已重建 ${done} 条历史数据的索引`);
      });
      if (history > 0) process.stdout.write('\n');
      historyTotal += history;
    }
    console.log(`完成：${committees.length} 个政协，共 ${total} 件提案、${historyTotal} 条历史数据`);
    return 0;
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
