import { sql } from 'drizzle-orm';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import type { JobHandler, ScheduledScan } from '../../platform/jobs/job-types.ts';
import { filedAndLaterStates } from '../proposals/proposals.policy.ts';
import { TRAIN_JOB } from './actions/import-history.ts';
import { trainRouting } from './actions/train-routing.ts';
import { HISTORY_IMPORT_JOB, historyImportJob } from './routing.imports.ts';

/** Jobs of routing: retraining a committee's models (after an import, and nightly), and large history imports. */
export const routingJobs: Record<string, JobHandler> = {
  [TRAIN_JOB]: async (job, deps) => {
    if (!job.orgId) throw new Error(`${TRAIN_JOB} needs an organization`);
    await trainRouting(deps, job.orgId, null);
  },
  [HISTORY_IMPORT_JOB]: historyImportJob,
};

/**
 * Nightly, every committee with history or filed proposals is retrained once (the dedupe key holds the date), so that
 * the day's filings and assignments count from the next morning, whichever app process runs the scan.
 */
export const routingSchedules: ScheduledScan[] = [
  {
    name: 'routing.nightly-training',
    cron: '30 2 * * *',
    run: async (deps) => {
      const day = deps.now().toISOString().slice(0, 10);
      const result = await deps.database.orm.execute<{ org_id: string }>(sql`
        select distinct org_id from routing_history
        union
        select distinct org_id from proposals
        where state in (${sql.join(
          filedAndLaterStates.map((state) => sql`${state}`),
          sql`, `,
        )})`);
      for (const { org_id: orgId } of result.rows) {
        await enqueue(deps.database.orm, { type: TRAIN_JOB, orgId, dedupeKey: `routing-train:${orgId}:${day}` });
      }
    },
  },
];
