/**
 * `npm run seed:demo`: migrates the database (embedded in DATA_DIR, or DATABASE_URL) and seeds the demo committee
 * into it when empty, then exits. Every release keeps this entry point: the upgrade test runs a tagged release's copy
 * of it to build that release's database.
 */
import { loadConfig } from '../server/config.ts';
import { seedDemoIfEmpty } from '../server/modules/demo-seed.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import { createDependencies } from '../server/platform/dependencies.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await runMigrations(database);
  const accounts = await seedDemoIfEmpty(createDependencies(config, database));
  console.log(accounts ? `演示数据已写入（${accounts.length} 个演示账户）` : '数据库已有数据，未写入演示数据');
} finally {
  await database.close();
}
