import type { AppDependencies } from '../module.ts';

/** A claimed job as a handler sees it. */
export type ClaimedJob = { id: string; orgId: string | null; type: string; payload: Record<string, unknown>; attempts: number };

/** Runs one job; throwing schedules a retry with backoff until maxAttempts. */
export type JobHandler = (job: ClaimedJob, dependencies: AppDependencies) => Promise<void>;

/** A scan run on a schedule; it usually enqueues jobs with dedupe keys so that many nodes enqueue each once. */
export type ScheduledScan = {
  name: string;
  /** Cron pattern (croner), evaluated in the deployment's default time zone. */
  cron: string;
  run: (dependencies: AppDependencies) => Promise<void>;
};
