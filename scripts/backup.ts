/**
 * `npm run backup [-- --out FILE]`: one archive file holding a consistent backup of the database (embedded or
 * DATABASE_URL) and every attachment file under DATA_DIR/files. With the embedded database held by a running
 * server, the server itself makes the backup (maintenance socket).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { type ArchiveManifest, writeBackup } from '../server/platform/db/backup-archive.ts';
import { backupFolder, manualBackupName } from '../server/platform/db/backup-names.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { DirectoryLockedError } from '../server/platform/db/directory-lock.ts';
import { sendMaintenanceCommand } from '../server/platform/db/maintenance-socket.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = loadConfig();
const file = resolve(values.out ?? `${backupFolder(config.dataDir)}/${manualBackupName(new Date())}`);

let manifest: ArchiveManifest;
try {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    manifest = await writeBackup(database, { dataDir: config.dataDir, file });
  } finally {
    await database.close();
  }
} catch (error) {
  if (!(error instanceof DirectoryLockedError)) throw error;
  console.log('服务器正在运行，由服务器执行在线备份…');
  manifest = (await sendMaintenanceCommand(config.dataDir, { command: 'backup', file })) as ArchiveManifest;
}
const tables = manifest.database.tables;
const rows = tables.reduce((sum, table) => sum + table.rows, 0);
const megabytes = (manifest.files.bytes / 1024 / 1024).toFixed(1);
console.log(`备份完成：${file}（数据库 ${tables.length} 张表 ${rows} 行；附件 ${manifest.files.count} 个文件 ${megabytes} MB）`);
