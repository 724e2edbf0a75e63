import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser } from '../../test/fixtures.ts';
import { openTestDatabase, testConfig } from '../../test/test-app.ts';
import { createDependencies } from '../dependencies.ts';
import { recordEvent } from '../events/record-event.ts';
import type { AppDependencies } from '../module.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import type { Database } from './database.ts';

/** Every row of every public table, as sorted JSON text: equal snapshots mean equal databases. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  const tables = await database.pool.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const result: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await database.pool.query<{ row: string }>(`select row_to_json(t)::text as row from "${name}" t`);
    result[name] = rows.rows.map((row) => row.row).sort();
  }
  return result;
}

describe('backup and restore', () => {
  let source: Database;
  let target: Database;
  let sourceDependencies: AppDependencies;
  const folder = mkdtempSync(join(tmpdir(), 'cppcc-backup-'));
  const file = join(folder, 'round-trip.backup.gz');

  beforeAll(async () => {
    [source, target] = await Promise.all([openTestDatabase(), openTestDatabase()]);
    sourceDependencies = createDependencies(testConfig(), source);
    const organization = await createOrganization(sourceDependencies, {
      name: '备份测试政协',
      settings: { security: { lockoutMinutes: 20 } },
    });
    const user = await createUser(sourceDependencies, { orgId: organization.id, roles: ['system_admin'], displayName: '张三' });
    await source.orm.transaction(async (transaction) => {
      for (let index = 0; index < 5; index += 1) {
        await recordEvent(transaction, sourceDependencies.config.auditHash, {
          orgId: organization.id,
          type: 'test.happened',
          summary: `第 ${index} 件事：含 "引号" 与 \\ 反斜杠`,
          actor: { userId: user.id, displayName: '张三' },
          after: { index, nested: { list: [1, 2, 3], text: '数據' } },
        });
      }
    });
  });
  afterAll(async () => {
    await Promise.all([source.close(), target.close()]);
    rmSync(folder, { recursive: true, force: true });
  });

  it('restores exactly what was backed up, tables of more than one batch included', async () => {
    await source.pool.query(
      `insert into jobs (id, type, payload) select gen_random_uuid(), 'test.bulk', jsonb_build_object('n', n)
       from generate_series(1, 2500) as n`,
    );
    const header = await backupDatabase(source, file);
    expect(header.tables.find((table) => table.name === 'events')?.rows).toBe(5);
    expect(header.tables.find((table) => table.name === 'jobs')?.rows).toBe(2500);
    const { rows } = await restoreDatabase(target, file);
    expect(rows).toBe(header.tables.reduce((sum, table) => sum + table.rows, 0));
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('refuses to overwrite a database that has data unless asked to replace it', async () => {
    await expect(restoreDatabase(target, file)).rejects.toThrow('已有数据');
    const { rows } = await restoreDatabase(target, file, { replace: true });
    expect(rows).toBeGreaterThan(0);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('leaves the target untouched when the backup file is cut short', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    const truncated = join(folder, 'truncated.backup.gz');
    writeFileSync(truncated, gzipSync(`${lines.slice(0, -2).join('\n')}\n`));
    const before = await snapshot(target);
    await expect(restoreDatabase(target, truncated, { replace: true })).rejects.toThrow('不完整');
    expect(await snapshot(target)).toEqual(before);
  });
});
