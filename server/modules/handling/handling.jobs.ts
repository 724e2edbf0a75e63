import { sql } from 'drizzle-orm';
import { businessDate } from '../../platform/calendar/business-date.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import type { JobHandler, ScheduledScan } from '../../platform/jobs/job-types.ts';
import { closeUnrated } from './actions/close-unrated.ts';

/** The job that closes one proposal whose rating window has passed. */
export const CLOSE_UNRATED_JOB = 'handling.close-unrated';

/** Jobs of handling. */
export const handlingJobs: Record<string, JobHandler> = {
  [CLOSE_UNRATED_JOB]: async (job, deps) => {
    const proposalId = String(job.payload.proposalId ?? '');
    if (!job.orgId || !proposalId) throw new Error(`${CLOSE_UNRATED_JOB} needs an organization and a proposal`);
    await closeUnrated(deps, job.orgId, proposalId);
  },
};

/**
 * Finds replied proposals past their rating window and enqueues one close job each; the dedupe key holds the
 * window's last day, so two processes scanning at once enqueue it once.
 */
export async function scanUnratedProposals(deps: Parameters<ScheduledScan['run']>[0]): Promise<number> {
  const orgs = await deps.database.orm.execute<{ id: string; time_zone: string }>(sql`select id, time_zone from organizations`);
  let enqueued = 0;
  for (const org of orgs.rows) {
    const today = businessDate(deps.now(), org.time_zone || undefined);
    const due = await deps.database.orm.execute<{ id: string; rating_due_on: string }>(sql`
      select id, rating_due_on::text from proposals
      where org_id = ${org.id} and state = 'replied' and rating_due_on < ${today}::date`);
    for (const row of due.rows) {
      const id = await enqueue(deps.database.orm, {
        type: CLOSE_UNRATED_JOB,
        orgId: org.id,
        payload: { proposalId: row.id },
        dedupeKey: `handling-close:${row.id}:${row.rating_due_on}`,
      });
      if (id) enqueued += 1;
    }
  }
  return enqueued;
}

/** Hourly, replied proposals past their rating window are closed (办结). */
export const handlingSchedules: ScheduledScan[] = [
  { name: 'handling.close-unrated', cron: '15 * * * *', run: async (deps) => void (await scanUnratedProposals(deps)) },
];
