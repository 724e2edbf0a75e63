/**
 * `npm run restore -- FILE [--replace]`: restores a backup made by `npm run backup` (the database in one
 * transaction, then the attachment files under DATA_DIR/files) into the configured database (embedded or
 * DATABASE_URL). An older database-only backup restores the database and leaves the files alone. With the
 * embedded database held by a running server, the server itself restores (maintenance socket).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { DirectoryLockedError } from '../server/platform/db/directory-lock.ts';
import { sendMaintenanceCommand } from '../server/platform/db/maintenance-socket.ts';
import { migrateOnStart } from '../server/platform/db/migrate-on-start.ts';
import { type RestoreResult, restoreBackup } from '../server/platform/db/restore-backup.ts';

const { values, positionals } = parseArgs({ options: { replace: { type: 'boolean', default: false } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error('用法：npm run restore -- <备份文件> [--replace]');
  process.exit(2);
}
const config = loadConfig();
const file = resolve(positionals[0]);

/** Restores with this process's own connection: the database is not in use by a running embedded server. */
async function restoreHere(): Promise<RestoreResult> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateOnStart(database, { dataDir: config.dataDir, log: (message) => console.log(message) });
    return await restoreBackup(database, {
      dataDir: config.dataDir,
      file,
      replace: values.replace,
      staleFolders: [config.auditCheckpointDir],
    });
  } finally {
    await database.close();
  }
}

try {
  let result: RestoreResult;
  try {
    result = await restoreHere();
  } catch (error) {
    if (!(error instanceof DirectoryLockedError)) throw error;
    console.log('服务器正在运行，由服务器执行恢复…');
    result = (await sendMaintenanceCommand(config.dataDir, {
      command: 'restore',
      file,
      replace: values.replace,
    })) as RestoreResult;
    console.log('提示：服务器内存中的统计等缓存仍是恢复前的，建议在空闲时重启服务器');
  }
  const files = result.files ? `附件 ${result.files.count} 个文件` : '旧格式备份只含数据库，附件文件保持不变';
  console.log(`恢复完成：数据库 ${result.rows} 行；${files}`);
  for (const folder of result.setAside ?? []) {
    console.log(`审计检查点描述的是恢复前的数据，已移至 ${folder}（留给审计员核对；之后的检查点从恢复后的记录重新开始）`);
  }
} catch (error) {
  console.error(`恢复失败：${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
