import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createOrganization } from '../../test/fixtures.ts';
import { openTestDatabase, testConfig } from '../../test/test-app.ts';
import { createDependencies } from '../dependencies.ts';
import { runDueJobs } from '../jobs/job-runner.ts';
import { jobs } from '../jobs/jobs.tables.ts';
import type { AppDependencies } from '../module.ts';
import { backupStamp, scheduledBackupName, scheduledBackupsToPrune } from './backup-names.ts';
import { BACKUP_JOB_TYPE, scheduledBackupModule } from './backup-schedule.ts';
import type { Database } from './database.ts';
import { restoreBackup } from './restore-backup.ts';

const day = (n: number) => scheduledBackupName(new Date(Date.UTC(2026, 0, n, 18, 30)));

describe('retention of scheduled backups (pure rule)', () => {
  const cases: { name: string; files: string[]; keep: number; pruned: string[] }[] = [
    { name: 'keeps everything up to the limit', files: [day(1), day(2)], keep: 2, pruned: [] },
    {
      name: 'prunes the oldest beyond the limit, whatever the listing order',
      files: [day(2), day(4), day(1), day(3)],
      keep: 2,
      pruned: [day(2), day(1)],
    },
    { name: 'keeps one when the limit is one', files: [day(1), day(3), day(2)], keep: 1, pruned: [day(2), day(1)] },
    {
      name: 'never prunes manual backups',
      files: ['cppcc-20260101-000000Z.backup.tar.gz', day(1), day(2)],
      keep: 1,
      pruned: [day(1)],
    },
    {
      name: 'never prunes pre-upgrade backups',
      files: ['cppcc-before-upgrade-20260101-000000Z-from-0000_init.backup.gz', day(1), day(2)],
      keep: 1,
      pruned: [day(1)],
    },
    {
      name: 'never prunes an unfinished backup or another file',
      files: [`${day(1)}.partial`, 'notes.txt', day(2), day(3)],
      keep: 1,
      pruned: [day(2)],
    },
    { name: 'prunes nothing when scheduled backups are off (0)', files: [day(1), day(2)], keep: 0, pruned: [] },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(scheduledBackupsToPrune(testCase.files, testCase.keep)).toEqual(testCase.pruned);
    });
  }

  it('names sort by time: the stamp is UTC, zero-padded, marked Z', () => {
    expect(backupStamp(new Date('2026-12-07T02:30:05.123Z'))).toBe('20261207-023005Z');
    expect(day(9).localeCompare(day(10))).toBeLessThan(0);
  });
});

describe('backup settings', () => {
  it('defaults to 02:30 every day, keeping 14', () => {
    const config = loadConfig({ SESSION_SECRET: 'x'.repeat(32), DATA_DIR: '/tmp/cppcc-config-test' });
    expect(config).toMatchObject({ backupSchedule: '30 2 * * *', backupRetention: 14 });
  });

  it('refuses a schedule that is not a cron pattern and a negative retention, naming the variable', () => {
    const base = { SESSION_SECRET: 'x'.repeat(32), DATA_DIR: '/tmp/cppcc-config-test' };
    expect(() => loadConfig({ ...base, BACKUP_SCHEDULE: 'every night' })).toThrow(/BACKUP_SCHEDULE: 不是有效的 cron 表达式/);
    expect(() => loadConfig({ ...base, BACKUP_RETENTION: '-1' })).toThrow(/BACKUP_RETENTION/);
    expect(loadConfig({ ...base, BACKUP_RETENTION: '0' }).backupRetention).toBe(0);
  });
});

describe('scheduled backup job', () => {
  let database: Database;
  let dependencies: AppDependencies;
  const dataDir = mkdtempSync(join(tmpdir(), 'cppcc-scheduled-'));
  const backups = join(dataDir, 'backups');
  let now = new Date('2026-03-01T18:30:00Z');

  beforeAll(async () => {
    database = await openTestDatabase();
    dependencies = createDependencies(testConfig({ dataDir, backupRetention: 2 }), database, () => now);
    await createOrganization(dependencies, { name: '定时备份测试政协' });
    mkdirSync(join(dataDir, 'files', 'proposals'), { recursive: true });
    writeFileSync(join(dataDir, 'files', 'proposals', 'attachment-1'), 'attachment bytes');
  });
  afterAll(async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs on the configured schedule', () => {
    const module = scheduledBackupModule({ backupSchedule: '0 3 * * 0' });
    expect(module.schedules?.map((scan) => scan.cron)).toEqual(['0 3 * * 0']);
    expect(Object.keys(module.jobs ?? {})).toEqual([BACKUP_JOB_TYPE]);
  });

  it('writes a backup archive of the database and files on each run and keeps the newest N', async () => {
    const module = scheduledBackupModule(dependencies.config);
    mkdirSync(backups, { recursive: true });
    writeFileSync(join(backups, 'cppcc-20260101-000000Z.backup.tar.gz'), 'a manual backup');
    for (let run = 0; run < 3; run += 1) {
      await module.schedules![0].run(dependencies);
      await module.schedules![0].run(dependencies); // the same slot twice: one job
      const summary = await runDueJobs(dependencies, module.jobs!, { workerId: 'backup-test', limit: 10 });
      expect(summary).toMatchObject({ claimed: 1, done: 1, failed: 0 });
      now = new Date(now.getTime() + 24 * 3600_000);
    }
    expect(readdirSync(backups).sort()).toEqual([
      'cppcc-20260101-000000Z.backup.tar.gz',
      'cppcc-scheduled-20260302-183000Z.backup.tar.gz',
      'cppcc-scheduled-20260303-183000Z.backup.tar.gz',
    ]);
    const done = await database.orm.select().from(jobs).where(eq(jobs.type, BACKUP_JOB_TYPE));
    expect(done.map((job) => job.state)).toEqual(['done', 'done', 'done']);

    // The newest is a whole backup: it restores the committee and the file.
    const target = await openTestDatabase();
    const restoredDir = mkdtempSync(join(tmpdir(), 'cppcc-scheduled-restore-'));
    try {
      const result = await restoreBackup(target, {
        dataDir: restoredDir,
        file: join(backups, 'cppcc-scheduled-20260303-183000Z.backup.tar.gz'),
      });
      expect(result.files).toEqual({ count: 1, bytes: 'attachment bytes'.length });
      const names = await target.pool.query<{ name: string }>('select name from organizations');
      expect(names.rows.map((row) => row.name)).toEqual(['定时备份测试政协']);
    } finally {
      await target.close();
      rmSync(restoredDir, { recursive: true, force: true });
    }
  });
});
