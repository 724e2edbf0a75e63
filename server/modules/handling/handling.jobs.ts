import { sql } from 'drizzle-orm';
import { businessDate } from '../../platform/calendar/business-date.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import type { JobHandler, ScheduledScan } from '../../platform/jobs/job-types.ts';
import { closeUnrated } from './actions/close-unrated.ts';
import { adapterFor } from './handled-kind-registry.ts';

/** The job that closes one item whose rating window has passed. */
export const CLOSE_UNRATED_JOB = 'handling.close-unrated';

/** Jobs of handling. */
export const handlingJobs: Record<string, JobHandler> = {
  [CLOSE_UNRATED_JOB]: async (job, deps) => {
    // Jobs queued before the engine handled other kinds name the proposal.
    const itemId = String(job.payload.itemId ?? job.payload.proposalId ?? '');
    if (!job.orgId || !itemId) throw new Error(`${CLOSE_UNRATED_JOB} needs an organization and an item`);
    await closeUnrated(deps, job.orgId, itemId);
  },
};

/**
 * Finds replied items of every kind past their rating window and enqueues one close job each; the dedupe key holds
 * the window's last day, so two processes scanning at once enqueue it once. The window is the owner's (each kind's
 * adapter reads it): the scan reads the engine's replied items, then each owner.
 */
export async function scanUnratedItems(deps: Parameters<ScheduledScan['run']>[0]): Promise<number> {
  const orgs = await deps.database.orm.execute<{ id: string; time_zone: string }>(sql`select id, time_zone from organizations`);
  let enqueued = 0;
  for (const org of orgs.rows) {
    const today = businessDate(deps.now(), org.time_zone || undefined);
    const replied = await deps.database.orm.execute<{ id: string; kind: string }>(sql`
      select id, kind from handled_items where org_id = ${org.id} and phase = 'replied'`);
    for (const row of replied.rows) {
      const owner = await adapterFor(row.kind).load(deps.database.orm, org.id, row.id);
      if (owner.phase !== 'replied' || !owner.ratingDueOn || owner.ratingDueOn >= today) continue;
      const id = await enqueue(deps.database.orm, {
        type: CLOSE_UNRATED_JOB,
        orgId: org.id,
        payload: row.kind === 'proposal' ? { proposalId: row.id, itemId: row.id } : { itemId: row.id, kind: row.kind },
        dedupeKey: `handling-close:${row.id}:${owner.ratingDueOn}`,
      });
      if (id) enqueued += 1;
    }
  }
  return enqueued;
}

/** The scan under its first name (proposals were the only kind then). */
export const scanUnratedProposals = scanUnratedItems;

/** Hourly, replied items past their rating window are closed (办结). */
export const handlingSchedules: ScheduledScan[] = [
  { name: 'handling.close-unrated', cron: '15 * * * *', run: async (deps) => void (await scanUnratedItems(deps)) },
];
