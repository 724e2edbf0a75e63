import { sql } from 'drizzle-orm';
import { newId } from '../db/columns.ts';
import type { Executor } from '../db/database.ts';

/** What to run later: the job type names a handler in some module's `jobs`. */
export type JobInput = {
  type: string;
  payload?: Record<string, unknown>;
  /** The committee the job works for; null for platform work. */
  orgId?: string | null;
  /** Not before this instant; now when absent. */
  runAt?: Date;
  /** A job with the same key is enqueued at most once, ever (e.g. `reminder:<proposal>:<rule>`). */
  dedupeKey?: string;
  /** Attempts before the job is given up as failed; 5 when absent. */
  maxAttempts?: number;
};

/**
 * Enqueues a job in the caller's transaction, so it exists exactly when the change that needs it commits.
 * Returns the new job's id, or null when a job with the same dedupe key already exists.
 */
export async function enqueue(executor: Executor, input: JobInput): Promise<string | null> {
  if (input.maxAttempts !== undefined && (!Number.isInteger(input.maxAttempts) || input.maxAttempts < 1)) {
    throw new Error(`enqueue ${input.type}: maxAttempts must be a positive integer`);
  }
  const id = newId();
  const runAt = input.runAt ? input.runAt.toISOString() : null;
  const result = await executor.execute<{ id: string }>(sql`
    insert into jobs (id, org_id, type, payload, run_at, max_attempts, dedupe_key)
    values (
      ${id}, ${input.orgId ?? null}, ${input.type}, ${JSON.stringify(input.payload ?? {})}::jsonb,
      coalesce(${runAt}::timestamptz, now()), ${input.maxAttempts ?? 5}, ${input.dedupeKey ?? null}
    )
    on conflict (dedupe_key) do nothing
    returning id`);
  return result.rows[0]?.id ?? null;
}
