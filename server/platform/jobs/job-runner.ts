import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Cron } from 'croner';
import { sql } from 'drizzle-orm';
import { errorLogFields } from '../http/error-handler.ts';
import type { AppDependencies, AppModule } from '../module.ts';
import type { ClaimedJob, JobHandler } from './job-types.ts';

/** How long a claimed job stays locked to its worker; after that another worker may reclaim it. */
const DEFAULT_LOCK_SECONDS = 300;
/** First retry delay; each further failure doubles it, up to MAX_BACKOFF_SECONDS. */
const DEFAULT_BACKOFF_BASE_SECONDS = 30;
const MAX_BACKOFF_SECONDS = 3600;
const DEFAULT_POLL_INTERVAL_MS = 2000;
const DEFAULT_BATCH = 10;

/** Options of one claiming round. */
export type RunDueJobsOptions = {
  /** Written to locked_by, so a worker only finishes the jobs it holds. */
  workerId: string;
  /** Most jobs claimed in this round. */
  limit?: number;
  lockSeconds?: number;
  backoffBaseSeconds?: number;
};

/** What one round did. */
export type RunSummary = { claimed: number; done: number; retried: number; failed: number };

/** A pino-style logger (Fastify's `app.log` fits). */
export type JobLogger = {
  error: (object: Record<string, unknown>, message: string) => void;
  info?: (object: Record<string, unknown>, message: string) => void;
};

type ClaimedRow = ClaimedJob & { maxAttempts: number };

/**
 * The instant the runner treats as now: the app clock (tests move it) or the database clock, whichever is later.
 * Jobs enqueued with the database default `now()` are therefore due even when a test clock lies in the past.
 */
function effectiveNow(dependencies: AppDependencies) {
  return sql`greatest(now(), ${dependencies.now().toISOString()}::timestamptz)`;
}

/** A worker id unique to this process: host, pid and a random suffix. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** Collects the job handlers of the modules by type; two modules claiming one type is a programming error. */
export function collectJobHandlers(modules: readonly AppModule[]): Record<string, JobHandler> {
  const handlers: Record<string, JobHandler> = {};
  for (const module of modules) {
    for (const [type, handler] of Object.entries(module.jobs ?? {})) {
      if (handlers[type]) throw new Error(`job type ${type} is handled twice (module ${module.name})`);
      handlers[type] = handler;
    }
  }
  return handlers;
}

/**
 * Claims up to `limit` due jobs of the given types in one short statement: queued jobs whose run_at has come, and
 * running jobs whose lock expired (their worker died). `FOR UPDATE SKIP LOCKED` lets many workers claim side by
 * side without waiting on or taking each other's rows. Only types this node handles are claimed, so during a
 * rolling upgrade an older node leaves a newer job type to the nodes that know it.
 */
export async function claimDueJobs(
  dependencies: AppDependencies,
  types: readonly string[],
  options: RunDueJobsOptions,
): Promise<ClaimedRow[]> {
  if (types.length === 0) return [];
  const now = effectiveNow(dependencies);
  const typeList = sql.join(
    types.map((type) => sql`${type}`),
    sql`, `,
  );
  const lockSeconds = options.lockSeconds ?? DEFAULT_LOCK_SECONDS;
  const result = await dependencies.database.orm.execute<{
    id: string;
    org_id: string | null;
    type: string;
    payload: Record<string, unknown>;
    attempts: number;
    max_attempts: number;
  }>(sql`
    with due as (
      select id from jobs
      where type in (${typeList})
        and ((state = 'queued' and run_at <= ${now}) or (state = 'running' and locked_until < ${now}))
      order by run_at
      limit ${options.limit ?? DEFAULT_BATCH}
      for update skip locked
    )
    update jobs
    set state = 'running', locked_until = ${now} + ${lockSeconds} * interval '1 second',
        locked_by = ${options.workerId}, attempts = jobs.attempts + 1
    from due
    where jobs.id = due.id
    returning jobs.id, jobs.org_id, jobs.type, jobs.payload, jobs.attempts, jobs.max_attempts`);
  return result.rows.map((row) => ({
    id: row.id,
    orgId: row.org_id,
    type: row.type,
    payload: row.payload ?? {},
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
  }));
}

/** Marks a job this worker holds as done. */
async function markDone(dependencies: AppDependencies, job: ClaimedRow, workerId: string): Promise<void> {
  await dependencies.database.orm.execute(sql`
    update jobs set state = 'done', finished_at = ${effectiveNow(dependencies)}, locked_until = null, last_error = null
    where id = ${job.id} and state = 'running' and locked_by = ${workerId} and attempts = ${job.attempts}`);
}

/** Puts a failed job back in the queue with exponential backoff, or marks it failed after its last attempt. */
async function markFailure(
  dependencies: AppDependencies,
  job: ClaimedRow,
  workerId: string,
  message: string,
  backoffBaseSeconds: number,
): Promise<'retried' | 'failed'> {
  const final = job.attempts >= job.maxAttempts;
  const delaySeconds = Math.min(backoffBaseSeconds * 2 ** (job.attempts - 1), MAX_BACKOFF_SECONDS);
  const now = effectiveNow(dependencies);
  await dependencies.database.orm.execute(sql`
    update jobs
    set state = ${final ? 'failed' : 'queued'},
        run_at = ${final ? sql`run_at` : sql`${now} + ${delaySeconds} * interval '1 second'`},
        finished_at = ${final ? now : null},
        last_error = ${message.slice(0, 2000)}, locked_until = null, locked_by = null
    where id = ${job.id} and state = 'running' and locked_by = ${workerId} and attempts = ${job.attempts}`);
  return final ? 'failed' : 'retried';
}

/**
 * One round: claims due jobs, then runs their handlers outside any transaction (the embedded database has a
 * single connection, so no transaction may stay open while a handler runs), then records each outcome.
 * Tests call it directly; the runner calls it on every poll.
 */
export async function runDueJobs(
  dependencies: AppDependencies,
  handlers: Record<string, JobHandler>,
  options: RunDueJobsOptions,
): Promise<RunSummary> {
  const claimed = await claimDueJobs(dependencies, Object.keys(handlers), options);
  const summary: RunSummary = { claimed: claimed.length, done: 0, retried: 0, failed: 0 };
  const backoff = options.backoffBaseSeconds ?? DEFAULT_BACKOFF_BASE_SECONDS;
  // allSettled: one failed status write must not leave the other jobs of the round running unobserved.
  const settled = await Promise.allSettled(
    claimed.map(async (job) => {
      const handler = handlers[job.type];
      let error: string | null = null;
      if (job.attempts > job.maxAttempts) {
        error = '任务多次执行中断，已超过最大尝试次数';
      } else {
        try {
          const { maxAttempts: _maxAttempts, ...visible } = job;
          await handler(visible, dependencies);
        } catch (thrown) {
          error = thrown instanceof Error ? thrown.message || thrown.name : String(thrown);
        }
      }
      if (error === null) {
        await markDone(dependencies, job, options.workerId);
        summary.done += 1;
      } else {
        const outcome = await markFailure(dependencies, job, options.workerId, error, backoff);
        summary[outcome] += 1;
      }
    }),
  );
  const broken = settled.find((result) => result.status === 'rejected');
  if (broken) throw broken.reason;
  return summary;
}

/** Options of the background runner. */
export type JobRunnerOptions = {
  modules: readonly AppModule[];
  pollIntervalMs?: number;
  workerId?: string;
  batchSize?: number;
  lockSeconds?: number;
  backoffBaseSeconds?: number;
  logger?: JobLogger;
  /** Start the modules' cron schedules (default true). */
  schedules?: boolean;
};

/** A started runner. */
export type JobRunner = {
  /** Stops polling and the schedules, then waits for the jobs and scans in flight. */
  stop: () => Promise<void>;
  /** Polls now instead of at the next interval (e.g. right after enqueueing urgent work). */
  wake: () => void;
};

/**
 * Starts claiming and running jobs every `pollIntervalMs` (2 s), draining full batches at once, and starts the
 * modules' scheduled scans with croner in the deployment's time zone.
 */
export function startJobRunner(dependencies: AppDependencies, options: JobRunnerOptions): JobRunner {
  const handlers = collectJobHandlers(options.modules);
  const workerId = options.workerId ?? newWorkerId();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const logger: JobLogger = options.logger ?? { error: (object, message) => console.error(message, object) };
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let wakeRequested = false;

  const poll = async () => {
    try {
      let summary: RunSummary;
      do {
        summary = await runDueJobs(dependencies, handlers, {
          workerId,
          limit: batchSize,
          lockSeconds: options.lockSeconds,
          backoffBaseSeconds: options.backoffBaseSeconds,
        });
        if (summary.failed > 0) logger.error({ workerId, failed: summary.failed }, '后台任务执行失败，已停止重试');
      } while (!stopped && summary.claimed === batchSize);
    } catch (error) {
      logger.error({ error: errorLogFields(error), workerId }, '后台任务轮询出错');
    }
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, delay);
    timer.unref?.();
  };
  const run = () => {
    if (stopped) return;
    if (polling) {
      wakeRequested = true;
      return;
    }
    wakeRequested = false;
    polling = poll().finally(() => {
      polling = undefined;
      schedule(wakeRequested ? 0 : (options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS));
    });
  };

  const crons =
    options.schedules === false
      ? []
      : options.modules.flatMap((module) =>
          (module.schedules ?? []).map(
            (scan) =>
              new Cron(scan.cron, { timezone: dependencies.config.timeZone, protect: true }, async () => {
                if (stopped) return;
                const running = scan
                  .run(dependencies)
                  .catch((error: unknown) => logger.error({ error: errorLogFields(error), scan: scan.name }, '定时扫描出错'));
                inFlight.add(running);
                await running;
                inFlight.delete(running);
                run();
              }),
          ),
        );

  schedule(0);
  return {
    wake: () => (polling ? run() : schedule(0)),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      for (const cron of crons) cron.stop();
      await Promise.all([polling, ...inFlight]);
    },
  };
}
