import { sql } from 'drizzle-orm';
import { purgeIdempotencyKeys } from '../http/idempotency.ts';
import type { AppDependencies, AppModule } from '../module.ts';
import { enqueue } from './enqueue.ts';

/** The job that clears expired platform data. */
export const PURGE_JOB_TYPE = 'platform.purge_expired';
/** Finished jobs without a dedupe key are kept this long for inspection. */
const FINISHED_JOB_RETENTION_DAYS = 30;

/** The calendar date of an instant in a time zone, YYYY-MM-DD. */
function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * Deletes what has expired: what each module's `purgeExpired` clears (login sessions that ended over a day ago…),
 * idempotency keys older than 24 h, and done jobs without a dedupe key older than 30 days (jobs with a key stay, or
 * the key could be enqueued again).
 */
export async function purgeExpired(
  dependencies: AppDependencies,
  modules: readonly AppModule[] = [],
): Promise<{ idempotencyKeys: number; jobs: number }> {
  const orm = dependencies.database.orm;
  const now = dependencies.now();
  for (const module of modules) await module.purgeExpired?.(dependencies);
  const keys = await purgeIdempotencyKeys(orm, now);
  const cutoff = new Date(now.getTime() - FINISHED_JOB_RETENTION_DAYS * 24 * 3600_000).toISOString();
  const jobs = await orm.execute(
    sql`delete from jobs where state = 'done' and dedupe_key is null and finished_at < ${cutoff}::timestamptz`,
  );
  return { idempotencyKeys: keys, jobs: jobs.rowCount ?? 0 };
}

/** Enqueues today's purge once, however many app nodes run the schedule. */
export async function enqueueDailyPurge(dependencies: AppDependencies): Promise<string | null> {
  const day = localDate(dependencies.now(), dependencies.config.timeZone);
  return enqueue(dependencies.database.orm, { type: PURGE_JOB_TYPE, dedupeKey: `${PURGE_JOB_TYPE}:${day}`, maxAttempts: 3 });
}

/** Platform housekeeping over the given modules: a daily scan (03:15 local time) that enqueues the purge job. */
export function createMaintenanceModule(modules: readonly AppModule[]): AppModule {
  return {
    name: 'platform-maintenance',
    jobs: {
      [PURGE_JOB_TYPE]: async (_job, dependencies) => {
        await purgeExpired(dependencies, modules);
      },
    },
    schedules: [
      { name: 'platform.daily_purge', cron: '15 3 * * *', run: (dependencies) => enqueueDailyPurge(dependencies).then(() => {}) },
    ],
  };
}
