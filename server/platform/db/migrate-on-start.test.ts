import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyDatabase } from '../../test/empty-database.ts';
import { readBackupHeader } from './backup.ts';
import type { Database } from './database.ts';
import { MIGRATIONS_FOLDER } from './migrate.ts';
import { DatabaseNewerThanProgramError, migrateOnStart } from './migrate-on-start.ts';
import { findPendingMigrations, readMigrationJournal } from './pending-migrations.ts';
import { readBackupKind } from './restore-backup.ts';

/** Adds a migration to a copy of the migrations folder, the way drizzle-kit writes the next one. */
function addMigration(folder: string, name: string, statement: string): string {
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  const idx = journal.entries.length;
  const tag = `${String(idx).padStart(4, '0')}_${name}`;
  const when = Math.max(...journal.entries.map((entry: { when: number }) => entry.when)) + 1000;
  journal.entries.push({ idx, version: '7', when, tag, breakpoints: true });
  writeFileSync(join(folder, `${tag}.sql`), statement);
  writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  return tag;
}

/** True when the table exists in the public schema. */
async function tableExists(database: Database, name: string): Promise<boolean> {
  const result = await database.pool.query<{ found: string | null }>('select to_regclass($1)::text as found', [`public.${name}`]);
  return result.rows[0].found !== null;
}

describe('start-up migrations', () => {
  let database: Database;
  const folder = mkdtempSync(join(tmpdir(), 'cppcc-migrate-'));
  const migrations = join(folder, 'migrations');
  const dataDir = join(folder, 'data');
  const messages: string[] = [];
  const options = { dataDir, migrationsFolder: migrations, log: (message: string) => messages.push(message) };
  const backups = () => (existsSync(join(dataDir, 'backups')) ? readdirSync(join(dataDir, 'backups')) : []);
  const releasedTag = readMigrationJournal(MIGRATIONS_FOLDER).at(-1)!.tag;

  beforeAll(async () => {
    cpSync(MIGRATIONS_FOLDER, migrations, { recursive: true });
    database = await openEmptyDatabase();
  });
  afterAll(async () => {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('gives a new, empty database the whole schema without a backup', async () => {
    const before = await findPendingMigrations(database, migrations);
    expect(before.applied).toBeNull();
    expect(before.pending.map((entry) => entry.tag)).toEqual(readMigrationJournal(migrations).map((entry) => entry.tag));
    const result = await migrateOnStart(database, options);
    expect(result).toEqual({ outcome: 'new', applied: before.pending.map((entry) => entry.tag), backupFile: null });
    expect(backups()).toEqual([]);
    expect(await findPendingMigrations(database, migrations)).toMatchObject({ applied: { tag: releasedTag }, pending: [] });
  });

  it('does nothing more and writes no backup when no migration is pending', async () => {
    await database.pool.query(
      `insert into organizations (id, code, name, level) values (gen_random_uuid(), 'upgrade-probe', '升级测试政协', 'city')`,
    );
    expect(await migrateOnStart(database, options)).toEqual({ outcome: 'current', applied: [], backupFile: null });
    expect(backups()).toEqual([]);
  });

  it('refuses to upgrade an embedded database when its backup cannot be written, applying nothing', async () => {
    const tag = addMigration(migrations, 'upgrade_probe', 'CREATE TABLE "upgrade_probe" ("id" integer);');
    if (database.kind !== 'pglite') return; // no backup is taken on a server, so nothing can fail here
    writeFileSync(join(folder, 'not-a-folder'), '');
    await expect(migrateOnStart(database, { ...options, dataDir: join(folder, 'not-a-folder') })).rejects.toThrow();
    expect(await tableExists(database, 'upgrade_probe')).toBe(false);
    expect((await findPendingMigrations(database, migrations)).pending.map((entry) => entry.tag)).toEqual([tag]);
  });

  it('backs up an embedded database before applying pending migrations, in the format the previous release restores', async () => {
    messages.length = 0;
    const result = await migrateOnStart(database, options);
    expect(result.outcome).toBe('upgraded');
    expect(result.applied).toEqual([readMigrationJournal(migrations).at(-1)!.tag]);
    expect(await tableExists(database, 'upgrade_probe')).toBe(true);
    if (database.kind === 'pglite') {
      expect(backups()).toHaveLength(1);
      expect(backups()[0]).toMatch(new RegExp(`^cppcc-before-upgrade-\\d{8}-\\d{6}Z-from-${releasedTag}\\.backup\\.gz$`));
      expect(result.backupFile).toBe(join(dataDir, 'backups', backups()[0]));
      expect(await readBackupKind(result.backupFile!)).toBe('database');
      const header = await readBackupHeader(result.backupFile!);
      expect(header.tables.find((table) => table.name === 'organizations')?.rows).toBe(1);
      expect(header.tables.some((table) => table.name === 'upgrade_probe')).toBe(false); // taken before the upgrade
      expect(messages.some((message) => message.startsWith('升级前已备份数据库'))).toBe(true);
    } else {
      expect(result.backupFile).toBeNull();
      expect(backups()).toEqual([]);
      expect(messages.some((message) => message.includes('由运维'))).toBe(true);
    }
    expect(messages.at(-1)).toBe('数据库升级完成：已执行 1 个迁移');
  });

  it('refuses a database that a newer release has migrated', async () => {
    const older = join(folder, 'older-migrations');
    cpSync(MIGRATIONS_FOLDER, older, { recursive: true });
    const status = await findPendingMigrations(database, older);
    expect(status.newerThanProgram).toBe(true);
    await expect(migrateOnStart(database, { ...options, migrationsFolder: older })).rejects.toThrow(
      DatabaseNewerThanProgramError,
    );
  });
});
