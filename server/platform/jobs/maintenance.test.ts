import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginSessions } from '../../modules/auth/login-sessions.tables.ts';
import { modules } from '../../modules/index.ts';
import { openTestDatabase, testConfig } from '../../test/test-app.ts';
import { newId } from '../db/columns.ts';
import type { Database } from '../db/database.ts';
import { createDependencies } from '../dependencies.ts';
import { idempotencyKeys } from '../http/idempotency.tables.ts';
import type { AppDependencies } from '../module.ts';
import { collectJobHandlers, runDueJobs } from './job-runner.ts';
import { jobs } from './jobs.tables.ts';
import { enqueueDailyPurge, PURGE_JOB_TYPE, purgeExpired } from './maintenance.ts';

describe('platform maintenance', () => {
  let database: Database;
  let dependencies: AppDependencies;
  let now = new Date('2027-03-10T02:00:00Z'); // 10:00 in Asia/Shanghai
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000).toISOString();

  beforeAll(async () => {
    database = await openTestDatabase();
    dependencies = createDependencies(testConfig(), database, () => now);
  });
  afterAll(async () => database.close());

  it('is listed among the modules, with its job and daily schedule', () => {
    const maintenance = modules.find((module) => module.name === 'platform-maintenance');
    expect(maintenance?.schedules?.map((scan) => scan.cron)).toEqual(['15 3 * * *']);
    expect(Object.keys(collectJobHandlers(modules))).toContain(PURGE_JOB_TYPE);
  });

  it('enqueues the purge once per local day, however many nodes run the scan', async () => {
    const first = await enqueueDailyPurge(dependencies);
    const second = await enqueueDailyPurge(dependencies);
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const [row] = await database.orm.select().from(jobs).where(eq(jobs.id, first!));
    expect(row.dedupeKey).toBe(`${PURGE_JOB_TYPE}:2027-03-10`);
    now = new Date(now.getTime() + 24 * 3600_000);
    expect(await enqueueDailyPurge(dependencies)).not.toBeNull();
  });

  it('purges ended sessions, old idempotency keys and old finished jobs, and keeps the rest', async () => {
    const orgId = newId();
    const userId = newId();
    const session = (label: string, fields: { expiresAt: string; revokedAt?: string }) => ({
      orgId,
      id: newId(),
      userId,
      tokenHash: `${label}-${newId()}`,
      csrfToken: 'x',
      createdAt: hoursAgo(72),
      lastSeenAt: hoursAgo(48),
      ...fields,
    });
    const sessions = [
      session('expired-long-ago', { expiresAt: hoursAgo(30) }),
      session('revoked-long-ago', { expiresAt: hoursAgo(-5), revokedAt: hoursAgo(30) }),
      session('expired-recently', { expiresAt: hoursAgo(2) }),
      session('active', { expiresAt: hoursAgo(-5) }),
    ];
    await database.orm.insert(loginSessions).values(sessions);
    const key = (name: string, createdAt: string) => ({
      orgId,
      userId,
      key: name,
      requestHash: 'h',
      method: 'POST',
      path: '/p',
      statusCode: 201,
      createdAt,
    });
    await database.orm.insert(idempotencyKeys).values([key('old', hoursAgo(25)), key('fresh', hoursAgo(23))]);
    const job = (state: string, finishedAt: string | null, dedupeKey: string | null) => ({
      id: newId(),
      type: 'test.finished',
      state,
      finishedAt,
      dedupeKey,
    });
    const finished = [
      job('done', hoursAgo(31 * 24), null), // purged
      job('done', hoursAgo(31 * 24), `kept-${newId()}`), // its key must stay taken
      job('failed', hoursAgo(31 * 24), null), // kept for inspection
      job('done', hoursAgo(24), null), // recent
    ];
    await database.orm.insert(jobs).values(finished);

    const result = await purgeExpired(dependencies, modules);
    expect(result).toEqual({ idempotencyKeys: 1, jobs: 1 });
    const leftSessions = await database.orm
      .select({ tokenHash: loginSessions.tokenHash })
      .from(loginSessions)
      .where(eq(loginSessions.orgId, orgId));
    expect(leftSessions.map((row) => row.tokenHash.split('-')[0]).sort()).toEqual(['active', 'expired']);
    const leftKeys = await database.orm.select().from(idempotencyKeys).where(eq(idempotencyKeys.orgId, orgId));
    expect(leftKeys.map((row) => row.key)).toEqual(['fresh']);
    const leftJobs = await database.orm
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        inArray(
          jobs.id,
          finished.map((item) => item.id),
        ),
      );
    expect(leftJobs.map((row) => row.id).sort()).toEqual(
      finished
        .slice(1)
        .map((item) => item.id)
        .sort(),
    );
  });

  it('runs the purge as a background job', async () => {
    const orgId = newId();
    await database.orm.insert(idempotencyKeys).values({
      orgId,
      userId: newId(),
      key: 'stale',
      requestHash: 'h',
      method: 'POST',
      path: '/p',
      createdAt: hoursAgo(48),
    });
    const summary = await runDueJobs(dependencies, collectJobHandlers(modules), { workerId: 'test' });
    expect(summary.done).toBeGreaterThanOrEqual(1);
    expect(summary.retried + summary.failed).toBe(0);
    expect(await database.orm.select().from(idempotencyKeys).where(eq(idempotencyKeys.orgId, orgId))).toHaveLength(0);
  });
});
