import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { backupDatabase } from './backup.ts';
import { backupFolder, preUpgradeBackupName } from './backup-names.ts';
import type { Database } from './database.ts';
import { MIGRATIONS_FOLDER, runMigrations } from './migrate.ts';
import { findPendingMigrations } from './pending-migrations.ts';

/** What start-up did to the schema. */
export type StartUpMigration = {
  /** new: an empty database got the whole schema; upgraded: pending migrations applied; current: nothing to do. */
  outcome: 'new' | 'upgraded' | 'current';
  /** The migrations applied now, by tag. */
  applied: string[];
  /** The backup written before upgrading (embedded database only). */
  backupFile: string | null;
};

/** Thrown when the database was already migrated by a newer release than this program. */
export class DatabaseNewerThanProgramError extends Error {}

/**
 * The start-up path of the schema: finds the migrations this database lacks and, when an existing embedded
 * database is about to be upgraded, first writes a database backup into `DATA_DIR/backups` (named
 * `cppcc-before-upgrade-…`, in the format the previous release restores). Then applies the migrations. On a
 * PostgreSQL server the operator's own backups cover the upgrade. Refuses a database a newer release migrated.
 * Says what it did through `log`, in Chinese.
 */
export async function migrateOnStart(
  database: Database,
  options: { dataDir: string; log: (message: string) => void; migrationsFolder?: string; now?: () => Date },
): Promise<StartUpMigration> {
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS_FOLDER;
  const status = await findPendingMigrations(database, migrationsFolder);
  if (status.newerThanProgram) {
    throw new DatabaseNewerThanProgramError(
      '数据库已由较新版本的程序升级，本程序不能使用它：请使用较新版本的程序，或恢复升级前的备份（DATA_DIR/backups 中的 cppcc-before-upgrade-… 文件）',
    );
  }
  const applied = status.pending.map((entry) => entry.tag);
  if (status.applied === null) {
    options.log(`新数据库：正在建立数据库结构（${applied.length} 个迁移）`);
    await runMigrations(database, { migrationsFolder });
    return { outcome: 'new', applied, backupFile: null };
  }
  if (applied.length === 0) {
    await runMigrations(database, { migrationsFolder });
    return { outcome: 'current', applied, backupFile: null };
  }
  const from = status.applied.tag ?? '未知版本';
  options.log(`数据库需要升级：当前结构 ${from}，待执行 ${applied.length} 个迁移（${applied.join('、')}）`);
  let backupFile: string | null = null;
  if (database.kind === 'pglite') {
    const folder = backupFolder(options.dataDir);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    backupFile = join(folder, preUpgradeBackupName((options.now ?? (() => new Date()))(), status.applied.tag));
    const header = await backupDatabase(database, backupFile);
    const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
    options.log(`升级前已备份数据库：${backupFile}（${header.tables.length} 张表，${rows} 行）`);
  } else {
    options.log('数据库服务器模式：升级前的数据库备份由运维按其备份制度负责');
  }
  await runMigrations(database, { migrationsFolder });
  options.log(`数据库升级完成：已执行 ${applied.length} 个迁移`);
  return { outcome: 'upgraded', applied, backupFile };
}
