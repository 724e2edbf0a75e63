import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testConfig } from '../../test/test-app.ts';
import { newId } from '../db/columns.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { createDependencies } from '../dependencies.ts';
import type { AppDependencies } from '../module.ts';
import { enqueue } from './enqueue.ts';
import { claimDueJobs, collectJobHandlers, runDueJobs, startJobRunner } from './job-runner.ts';
import type { ClaimedJob, JobHandler } from './job-types.ts';
import { jobs } from './jobs.tables.ts';

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('background jobs', () => {
  let database: Database;
  let dependencies: AppDependencies;
  // A clock a day ahead of the real one, so the test, not the database clock, decides what is due.
  let now = new Date(Date.now() + 24 * 3600_000);
  const advance = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    dependencies = createDependencies(testConfig(), database, () => now);
  });
  afterAll(async () => database.close());

  async function jobRow(id: string) {
    const [row] = await database.orm.select().from(jobs).where(eq(jobs.id, id));
    return row;
  }

  /** Each test uses its own job type, so jobs left by one test never run in another. */
  const uniqueType = (name: string) => `test.${name}.${newId().slice(-6)}`;

  it('enqueues in the caller transaction: a rolled back change leaves no job', async () => {
    const type = uniqueType('rollback');
    await expect(
      database.orm.transaction(async (transaction) => {
        await enqueue(transaction, { type });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const rows = await database.orm.select().from(jobs).where(eq(jobs.type, type));
    expect(rows).toHaveLength(0);
  });

  it('enqueues a job with a dedupe key only once', async () => {
    const type = uniqueType('dedupe');
    const dedupeKey = `reminder:${newId()}:overdue`;
    const first = await database.orm.transaction((transaction) => enqueue(transaction, { type, dedupeKey, payload: { n: 1 } }));
    const second = await database.orm.transaction((transaction) => enqueue(transaction, { type, dedupeKey, payload: { n: 2 } }));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBeNull();
    const rows = await database.orm.select().from(jobs).where(eq(jobs.dedupeKey, dedupeKey));
    expect(rows).toHaveLength(1);
    expect(rows[0].payload).toEqual({ n: 1 });
    // Without a key, the same job may be enqueued any number of times.
    await enqueue(database.orm, { type });
    await enqueue(database.orm, { type });
    expect(await database.orm.select().from(jobs).where(eq(jobs.type, type))).toHaveLength(3);
  });

  it('runs a due job once, passes its payload, and leaves a future job alone', async () => {
    const type = uniqueType('run');
    const orgId = newId();
    const seen: ClaimedJob[] = [];
    const handlers: Record<string, JobHandler> = {
      [type]: async (job) => {
        seen.push(job);
      },
    };
    const due = await enqueue(database.orm, { type, orgId, payload: { proposalId: 'p1' } });
    const later = await enqueue(database.orm, { type, runAt: new Date(now.getTime() + 3600_000) });
    const summary = await runDueJobs(dependencies, handlers, { workerId: 'w1', limit: 50 });
    expect(summary).toMatchObject({ done: 1, retried: 0, failed: 0 });
    expect(seen).toEqual([{ id: due, orgId, type, payload: { proposalId: 'p1' }, attempts: 1 }]);
    expect(await jobRow(due!)).toMatchObject({ state: 'done', attempts: 1, lockedBy: 'w1' });
    expect((await jobRow(later!)).state).toBe('queued');
    // Nothing more is due: a second round runs nothing.
    expect((await runDueJobs(dependencies, handlers, { workerId: 'w1', limit: 50 })).done).toBe(0);
  });

  it('retries a failing job with exponential backoff, then marks it failed with the last error', async () => {
    const type = uniqueType('retry');
    let calls = 0;
    const handlers: Record<string, JobHandler> = {
      [type]: async () => {
        calls += 1;
        throw new Error(`第 ${calls} 次失败`);
      },
    };
    const id = (await enqueue(database.orm, { type, maxAttempts: 3 }))!;
    const options = { workerId: 'w1', limit: 50, backoffBaseSeconds: 10 };

    expect(await runDueJobs(dependencies, handlers, options)).toMatchObject({ claimed: 1, retried: 1 });
    let row = await jobRow(id);
    expect(row).toMatchObject({ state: 'queued', attempts: 1, lastError: '第 1 次失败', lockedBy: null });
    expect(new Date(row.runAt).getTime()).toBe(now.getTime() + 10_000);

    // Not due before the delay has passed.
    advance(9);
    expect((await runDueJobs(dependencies, handlers, options)).claimed).toBe(0);
    advance(2);
    expect(await runDueJobs(dependencies, handlers, options)).toMatchObject({ claimed: 1, retried: 1 });
    row = await jobRow(id);
    expect(row).toMatchObject({ state: 'queued', attempts: 2, lastError: '第 2 次失败' });
    expect(new Date(row.runAt).getTime()).toBe(now.getTime() + 20_000); // doubled

    advance(21);
    expect(await runDueJobs(dependencies, handlers, options)).toMatchObject({ claimed: 1, failed: 1 });
    row = await jobRow(id);
    expect(row).toMatchObject({ state: 'failed', attempts: 3, lastError: '第 3 次失败' });
    expect(row.finishedAt).not.toBeNull();

    advance(3600);
    expect((await runDueJobs(dependencies, handlers, options)).claimed).toBe(0);
    expect(calls).toBe(3);
  });

  it('finishes a job that succeeds on a retry', async () => {
    const type = uniqueType('flaky');
    let calls = 0;
    const handlers: Record<string, JobHandler> = {
      [type]: async () => {
        calls += 1;
        if (calls === 1) throw new Error('暂时失败');
      },
    };
    const id = (await enqueue(database.orm, { type }))!;
    await runDueJobs(dependencies, handlers, { workerId: 'w1', backoffBaseSeconds: 5 });
    advance(6);
    await runDueJobs(dependencies, handlers, { workerId: 'w1', backoffBaseSeconds: 5 });
    expect(await jobRow(id)).toMatchObject({ state: 'done', attempts: 2, lastError: null });
  });

  it('leaves a job type it has no handler for to the nodes that have one', async () => {
    const type = uniqueType('unknown');
    const id = (await enqueue(database.orm, { type }))!;
    const other = uniqueType('other');
    expect(await runDueJobs(dependencies, { [other]: async () => {} }, { workerId: 'w1' })).toMatchObject({ claimed: 0 });
    expect(await jobRow(id)).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('reclaims a running job whose worker died', async () => {
    const type = uniqueType('stale');
    const id = (await enqueue(database.orm, { type }))!;
    // Worker A claims the job and dies (never reports back).
    const claimed = await claimDueJobs(dependencies, [type], { workerId: 'worker-a', limit: 50, lockSeconds: 60 });
    expect(claimed.map((job) => job.id)).toContain(id);
    expect(await jobRow(id)).toMatchObject({ state: 'running', lockedBy: 'worker-a', attempts: 1 });

    const ran: string[] = [];
    const handlers: Record<string, JobHandler> = { [type]: async (job) => void ran.push(job.id) };
    // While the lock holds, nobody else takes it.
    advance(30);
    expect((await runDueJobs(dependencies, handlers, { workerId: 'worker-b', limit: 50 })).claimed).toBe(0);
    advance(31);
    expect(await runDueJobs(dependencies, handlers, { workerId: 'worker-b', limit: 50 })).toMatchObject({ claimed: 1, done: 1 });
    expect(ran).toEqual([id]);
    expect(await jobRow(id)).toMatchObject({ state: 'done', lockedBy: 'worker-b', attempts: 2 });
  });

  it('ignores the late report of a worker whose lock expired meanwhile', async () => {
    const type = uniqueType('late');
    const id = (await enqueue(database.orm, { type }))!;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let slowStarted!: () => void;
    const slowRunning = new Promise<void>((resolve) => {
      slowStarted = resolve;
    });
    const slow = runDueJobs(
      dependencies,
      {
        [type]: async () => {
          slowStarted();
          await gate;
          throw new Error('迟到的失败');
        },
      },
      { workerId: 'slow', limit: 50, lockSeconds: 10 },
    );
    await slowRunning;
    advance(11);
    expect(await runDueJobs(dependencies, { [type]: async () => {} }, { workerId: 'fast', limit: 50 })).toMatchObject({
      done: 1,
    });
    release();
    await slow;
    // The slow worker's failure does not put the finished job back in the queue.
    expect(await jobRow(id)).toMatchObject({ state: 'done', lockedBy: 'fast', attempts: 2, lastError: null });
  });

  it('gives up a job whose workers keep dying once its attempts are used up', async () => {
    const type = uniqueType('crashy');
    const id = (await enqueue(database.orm, { type, maxAttempts: 1 }))!;
    await claimDueJobs(dependencies, [type], { workerId: 'worker-a', limit: 50, lockSeconds: 1 });
    advance(2);
    let ran = false;
    const summary = await runDueJobs(
      dependencies,
      {
        [type]: async () => {
          ran = true;
        },
      },
      { workerId: 'worker-b', limit: 50 },
    );
    expect(summary.failed).toBe(1);
    expect(ran).toBe(false);
    expect(await jobRow(id)).toMatchObject({ state: 'failed', attempts: 2 });
  });

  it('never runs a job twice when two runners claim side by side (50 jobs)', async () => {
    const type = uniqueType('parallel');
    // On the PostgreSQL server the second runner has its own pool, like a second app node.
    const url = database.connection.connectionString;
    const secondDatabase = url ? await openDatabase({ databaseUrl: url, poolSize: 5 }) : database;
    const second = createDependencies(dependencies.config, secondDatabase, () => now);
    try {
      const ids = new Set<string>();
      await database.orm.transaction(async (transaction) => {
        for (let index = 0; index < 50; index += 1) ids.add((await enqueue(transaction, { type, payload: { index } }))!);
      });
      const runs = new Map<string, string[]>();
      const handlerFor =
        (worker: string): JobHandler =>
        async (job) => {
          runs.set(job.id, [...(runs.get(job.id) ?? []), worker]);
          await pause(Math.random() * 5);
        };
      const loop = async (deps: AppDependencies, worker: string) => {
        let total = 0;
        for (;;) {
          const summary = await runDueJobs(deps, { [type]: handlerFor(worker) }, { workerId: worker, limit: 3 });
          if (summary.claimed === 0) return total;
          total += summary.done;
        }
      };
      const [doneByA, doneByB] = await Promise.all([loop(dependencies, 'runner-a'), loop(second, 'runner-b')]);
      expect(doneByA + doneByB).toBe(50);
      expect(doneByA).toBeGreaterThan(0);
      expect(doneByB).toBeGreaterThan(0);
      expect(runs.size).toBe(50);
      for (const id of ids) expect(runs.get(id)).toHaveLength(1);
      const states = await database.orm.execute<{ state: string; count: number }>(
        sql`select state, count(*)::int as count from jobs where type = ${type} group by state`,
      );
      expect(states.rows).toEqual([{ state: 'done', count: 50 }]);
    } finally {
      if (secondDatabase !== database) await secondDatabase.close();
    }
  });

  it('refuses two modules handling the same job type', () => {
    const handler: JobHandler = async () => {};
    expect(() =>
      collectJobHandlers([
        { name: 'a', jobs: { 'x.y': handler } },
        { name: 'b', jobs: { 'x.y': handler } },
      ]),
    ).toThrow(/handled twice/);
  });

  it('polls, runs scheduled scans, and on stop waits for the job in flight', async () => {
    const type = uniqueType('runner');
    let scans = 0;
    let finished = false;
    let started!: () => void;
    const startedPromise = new Promise<void>((resolve) => {
      started = resolve;
    });
    const runner = startJobRunner(dependencies, {
      pollIntervalMs: 50,
      modules: [
        {
          name: 'test',
          jobs: {
            [type]: async () => {
              started();
              await pause(300);
              finished = true;
            },
          },
        },
      ],
    });
    try {
      const id = (await enqueue(database.orm, { type }))!;
      await startedPromise;
      await runner.stop();
      expect(finished).toBe(true);
      expect((await jobRow(id)).state).toBe('done');
      // Stopped: a new job is not picked up any more.
      const after = (await enqueue(database.orm, { type }))!;
      await pause(200);
      expect((await jobRow(after)).state).toBe('queued');
    } finally {
      await runner.stop();
    }
    // Scheduled scans run on their cron pattern (here every second) while the runner is up.
    const runner2 = startJobRunner(dependencies, {
      pollIntervalMs: 60_000,
      modules: [
        {
          name: 'scan',
          schedules: [
            {
              name: 'tick',
              cron: '* * * * * *',
              run: async () => {
                scans += 1;
              },
            },
          ],
        },
      ],
    });
    await pause(2100);
    await runner2.stop();
    expect(scans).toBeGreaterThanOrEqual(1);
  });
});
