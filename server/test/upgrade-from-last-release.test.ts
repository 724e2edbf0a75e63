import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { headersFrom, login } from '../modules/auth/auth.test-support.ts';
import { totpCodeAt } from '../platform/auth/totp.ts';
import { readBackupHeader } from '../platform/db/backup.ts';
import { type Database, openDatabase } from '../platform/db/database.ts';
import { MIGRATIONS_FOLDER } from '../platform/db/migrate.ts';
import { migrateOnStart, type StartUpMigration } from '../platform/db/migrate-on-start.ts';
import { readMigrationJournal } from '../platform/db/pending-migrations.ts';
import { createDependencies } from '../platform/dependencies.ts';
import { type DatabaseFingerprint, fingerprintDatabase } from './database-fingerprint.ts';
import { createServerDatabase } from './empty-database.ts';
import { lastRelease } from './last-release.ts';
import { releaseTree, resolveReleaseCommit, tsxCli } from './release-tree.ts';

const DEMO_PASSWORD = 'Demo@2026';
/** Tables the migrations since the release renamed (0006: the handling engine's tables, decision 0016). */
const tablesRenamedSinceRelease: Record<string, string> = {
  proposal_assignments: 'item_assignments',
  proposal_replies: 'item_replies',
};

/** The release's seed takes ~15–30 s on two busy cores; building and upgrading its database gets ten minutes. */
const SETUP_TIMEOUT = 600_000;

/** Runs the release's own `scripts/seed-demo.ts` (migrate + demo data) in a child process against the environment. */
async function seedWithRelease(folder: string, environment: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [tsxCli(), 'scripts/seed-demo.ts'], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? folder, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number>((done, fail) => {
    child.on('error', fail);
    child.on('close', (exitCode) => done(exitCode ?? 1));
  });
  if (code !== 0) throw new Error(`${lastRelease.tag}'s scripts/seed-demo.ts failed (exit ${code}):\n${output}`);
  if (!output.includes('演示数据已写入')) throw new Error(`${lastRelease.tag}'s seed wrote no demo data:\n${output}`);
}

describe(`upgrade from the last release (${lastRelease.tag}) with the current code`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cppcc-upgrade-'));
  let releaseFolder: string;
  let dropServerDatabase: (() => Promise<void>) | undefined;
  let database: Database;
  let config: Config;
  let app: FastifyInstance;
  let before: DatabaseFingerprint;
  let after: DatabaseFingerprint;
  let startUp: StartUpMigration;
  const log: string[] = [];

  beforeAll(async () => {
    const commit = resolveReleaseCommit(lastRelease);
    releaseFolder = await releaseTree(lastRelease, commit);
    const environment: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' };
    const serverUrl = process.env.DATABASE_URL;
    if (serverUrl) {
      const created = await createServerDatabase(serverUrl, 'test_upgrade');
      dropServerDatabase = created.drop;
      environment.DATABASE_URL = created.url;
    }
    await seedWithRelease(releaseFolder, environment);

    // The same DATA_DIR and environment as the release had: its generated secret and files stay in use.
    config = { ...loadConfig(environment), rateLimitPerMinute: 100_000, loginRateLimit: 100_000 };
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    before = await fingerprintDatabase(database);
    startUp = await migrateOnStart(database, { dataDir: config.dataDir, log: (message) => log.push(message) });
    after = await fingerprintDatabase(database);
    app = await buildApp(createDependencies(config, database), { serveWeb: false });
    await app.ready();
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await dropServerDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('built a real database with the release: the demo committee with proposals, users and an event chain', () => {
    expect(before.proposals.length).toBeGreaterThan(10);
    expect(before.usernames).toEqual(expect.arrayContaining(['admin', 'auditor', 'office', 'member1']));
    expect(before.eventCount).toBeGreaterThan(0);
    expect(before.chainHeads.length).toBeGreaterThan(0);
  });

  it('applies exactly the migrations added since the release, after a pre-upgrade backup in embedded mode', async () => {
    const released = readMigrationJournal(join(releaseFolder, 'server', 'migrations'));
    const releasedTags = new Set(released.map((entry) => entry.tag));
    const added = readMigrationJournal(MIGRATIONS_FOLDER)
      .map((entry) => entry.tag)
      .filter((tag) => !releasedTags.has(tag));
    expect(startUp.applied).toEqual(added);
    expect(startUp.outcome).toBe(added.length > 0 ? 'upgraded' : 'current');
    if (added.length === 0 || database.kind !== 'pglite') {
      expect(startUp.backupFile).toBeNull();
      return;
    }
    expect(startUp.backupFile).toContain(join(dataDir, 'backups', 'cppcc-before-upgrade-'));
    const header = await readBackupHeader(startUp.backupFile!);
    const lastReleased = released.at(-1)!;
    const releasedSql = readFileSync(join(releaseFolder, 'server', 'migrations', `${lastReleased.tag}.sql`), 'utf8');
    expect(header.migration).toBe(createHash('sha256').update(releasedSql).digest('hex'));
    expect(Object.fromEntries(header.tables.map((table) => [table.name, table.rows]))).toEqual(before.rowCounts);
    expect(log.some((message) => message.startsWith('升级前已备份数据库'))).toBe(true);
  });

  it('keeps every row of every table of the release, and their contents', () => {
    for (const [table, rows] of Object.entries(before.rowCounts)) {
      const now = tablesRenamedSinceRelease[table] ?? table;
      expect(after.rowCounts[now], `rows of ${table} (now ${now}) after the upgrade`).toBe(rows);
    }
    expect(after.proposals).toEqual(before.proposals);
    expect(after.usernames).toEqual(before.usernames);
    expect(after.chainHeads).toEqual(before.chainHeads);
    expect(after.eventCount).toBe(before.eventCount);
  });

  it('gives every proposal that went to a unit its handled item, in the state of its proposal (migration 0006)', async () => {
    const { rows } = await database.pool.query<{ assigned: number; items: number; drift: number }>(
      `select (select count(distinct item_id)::int from item_assignments) as assigned,
              (select count(*)::int from handled_items) as items,
              (select count(*)::int from handled_items h join proposals p on p.org_id = h.org_id and p.id = h.id
                where h.kind <> 'proposal' or h.state <> p.state) as drift`,
    );
    expect(rows[0].assigned).toBeGreaterThan(0);
    expect(rows[0]).toEqual({ assigned: rows[0].assigned, items: rows[0].assigned, drift: 0 });
  });

  it('lets a demo member log in and read a proposal', async () => {
    const loggedIn = await login(app, 'member1', DEMO_PASSWORD);
    expect(loggedIn.statusCode, loggedIn.body).toBe(200);
    const headers = headersFrom(loggedIn);
    const list = await app.inject({ method: 'GET', url: '/api/v1/proposals', headers });
    expect(list.statusCode, list.body).toBe(200);
    const first = list.json().items[0] as { id: string; title: string };
    const detail = await app.inject({ method: 'GET', url: `/api/v1/proposals/${first.id}`, headers });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().title).toBe(first.title);
    expect(before.proposals.some((line) => line.split('|')[1] === first.title)).toBe(true);
  });

  it('verifies the audit chain the release wrote, for the auditor', async () => {
    const loggedIn = await login(app, 'auditor', DEMO_PASSWORD);
    expect(loggedIn.statusCode, loggedIn.body).toBe(200);
    const headers = headersFrom(loggedIn);
    if (loggedIn.json().secondFactor === 'enroll') {
      // The current code may require TOTP of administrators: the auditor enrols first, as after a real upgrade.
      const setup = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers, payload: {} });
      expect(setup.statusCode, setup.body).toBe(200);
      const code = await totpCodeAt(setup.json().secret, new Date());
      const enabled = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', headers, payload: { code } });
      expect(enabled.statusCode, enabled.body).toBe(200);
    } else {
      expect(loggedIn.json().secondFactor).toBe('none');
    }
    const response = await app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ valid: true, firstBrokenSequence: null });
    expect(response.json().checked).toBeGreaterThanOrEqual(before.eventCount);
  });
});
