/**
 * `npm run backup [-- --out FILE]`: a consistent backup of the database (embedded or DATABASE_URL).
 * With the embedded database held by a running server, the server itself makes the backup (maintenance socket).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { backupDatabase } from '../server/platform/db/backup.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { DirectoryLockedError } from '../server/platform/db/directory-lock.ts';
import { sendMaintenanceCommand } from '../server/platform/db/maintenance-socket.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = loadConfig();
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const file = resolve(values.out ?? `${config.dataDir}/backups/cppcc-${stamp}.backup.gz`);
mkdirSync(dirname(file), { recursive: true });

let header: unknown;
try {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    header = await backupDatabase(database, file);
  } finally {
    await database.close();
  }
} catch (error) {
  if (!(error instanceof DirectoryLockedError)) throw error;
  console.log('服务器正在运行，由服务器执行在线备份…');
  header = await sendMaintenanceCommand(config.dataDir, { command: 'backup', file });
}
const tables = (header as { tables: { rows: number }[] }).tables;
console.log(`备份完成：${file}（${tables.length} 张表，${tables.reduce((sum, table) => sum + table.rows, 0)} 行）`);
