/**
 * `npm run seed:demo`: migrates the database (embedded in DATA_DIR, or DATABASE_URL; an embedded database with
 * pending migrations is backed up first) and seeds the demo committee into it when empty, then exits. Every release
 * keeps this entry point: the upgrade test runs a tagged release's copy of it to build that release's database.
 */
import { loadConfig } from '../server/config.ts';
import { seedDemoIfEmpty } from '../server/modules/demo-seed.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { migrateOnStart } from '../server/platform/db/migrate-on-start.ts';
import { createDependencies } from '../server/platform/dependencies.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateOnStart(database, { dataDir: config.dataDir, log: (message) => console.log(message) });
  const accounts = await seedDemoIfEmpty(createDependencies(config, database));
  console.log(accounts ? `演示数据已写入（${accounts.length} 个演示账户）` : '数据库已有数据，未写入演示数据');
} finally {
  await database.close();
}
