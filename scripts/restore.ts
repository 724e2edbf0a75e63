/**
 * `npm run restore -- FILE [--replace]`: restores a backup made by `npm run backup` into the configured database
 * (embedded or DATABASE_URL), in one transaction. Stop the server first when it uses the embedded database.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { restoreDatabase } from '../server/platform/db/backup.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { DirectoryLockedError } from '../server/platform/db/directory-lock.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';

const { values, positionals } = parseArgs({ options: { replace: { type: 'boolean', default: false } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error('用法：npm run restore -- <备份文件> [--replace]');
  process.exit(2);
}
const config = loadConfig();
try {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database);
    const { rows } = await restoreDatabase(database, positionals[0], { replace: values.replace });
    console.log(`恢复完成：${rows} 行`);
  } finally {
    await database.close();
  }
} catch (error) {
  if (error instanceof DirectoryLockedError) console.error('服务器正在使用嵌入式数据库：请先停止服务器再恢复。');
  else console.error(`恢复失败：${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
