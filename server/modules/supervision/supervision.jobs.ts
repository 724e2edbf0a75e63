import { and, eq, sql } from 'drizzle-orm';
import { addDays, businessDate } from '../../platform/calendar/business-date.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import type { JobHandler, ScheduledScan } from '../../platform/jobs/job-types.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { loadHandledItem } from '../handling/handled-items.ts';
import { remindedItem, writeReminder } from './actions/send-reminder.ts';
import { type ReminderRule, reminderRules, rulesDue } from './supervision.policy.ts';

/** The job that sends one scheduled reminder. */
export const SCHEDULED_REMINDER_JOB = 'supervision.scheduled-reminder';

/** The words of a scheduled reminder; `item` is 提案“…” or 微建议“…”, `raters` who the reply goes to. */
const ruleText: Record<ReminderRule, (item: string, dueOn: string, raters: string) => string> = {
  due_soon: (item, dueOn) => `${item}的答复期限为 ${dueOn}，距今已不足 7 天，请抓紧办理并按时答复。`,
  overdue: (item, dueOn, raters) => `${item}的答复期限 ${dueOn} 已过，请尽快答复${raters}；确有困难的请说明情况。`,
};

/** Jobs of supervision: one scheduled reminder each. */
export const supervisionJobs: Record<string, JobHandler> = {
  [SCHEDULED_REMINDER_JOB]: async (job, deps) => {
    const assignmentId = String(job.payload.assignmentId ?? '');
    const rule = String(job.payload.rule ?? '') as ReminderRule;
    if (!job.orgId || !assignmentId || !ruleText[rule]) throw new Error(`${SCHEDULED_REMINDER_JOB}: bad payload`);
    const orgId = job.orgId;
    await deps.database.orm.transaction(async (tx) => {
      const [assignment] = await tx
        .select()
        .from(itemAssignments)
        .where(and(eq(itemAssignments.orgId, orgId), eq(itemAssignments.id, assignmentId)))
        .for('update');
      // Replied, reassigned or moved meanwhile: nothing to remind of.
      if (!assignment || assignment.repliedAt || assignment.state === 'reassigned' || assignment.dueOn !== job.payload.dueOn)
        return;
      // The engine's row of the item: only an item still with its units is chased, whatever its kind.
      const item = await loadHandledItem(tx, orgId, assignment.itemId);
      if (item.phase !== 'handling') return;
      await writeReminder(tx, deps, {
        assignment,
        item,
        kind: 'scheduled',
        rule,
        message: ruleText[rule](remindedItem(item), assignment.dueOn, item.kind === 'proposal' ? '提案人' : '建议人'),
        actor: null,
      });
    });
  },
};

/**
 * Finds the unreplied assignments a rule is due for today (each committee's own date) and enqueues one job per
 * assignment, rule and due date: the dedupe key makes two processes scanning at once enqueue it once, and the
 * reminders' unique index makes the job itself safe to run twice. Returns how many jobs it enqueued.
 */
export async function scanReminders(deps: AppDependencies): Promise<number> {
  const orgs = await deps.database.orm.execute<{ id: string; time_zone: string }>(sql`select id, time_zone from organizations`);
  let enqueued = 0;
  for (const org of orgs.rows) {
    const today = businessDate(deps.now(), org.time_zone || undefined);
    const horizon = addDays(today, Math.max(...reminderRules.map((item) => item.daysBefore)));
    const due = await deps.database.orm.execute<{ id: string; due_on: string }>(sql`
      select a.id, a.due_on::text as due_on from item_assignments a
      join handled_items h on h.org_id = a.org_id and h.id = a.item_id
      where a.org_id = ${org.id} and a.state <> 'reassigned' and a.replied_at is null
        and h.phase = 'handling' and a.due_on <= ${horizon}::date`);
    for (const row of due.rows) {
      for (const rule of rulesDue(row.due_on, today)) {
        const id = await enqueue(deps.database.orm, {
          type: SCHEDULED_REMINDER_JOB,
          orgId: org.id,
          payload: { assignmentId: row.id, rule, dueOn: row.due_on },
          dedupeKey: `reminder:${row.id}:${rule}:${row.due_on}`,
        });
        if (id) enqueued += 1;
      }
    }
  }
  return enqueued;
}

/** Every morning at 08:30 the reminder rules are checked. */
export const supervisionSchedules: ScheduledScan[] = [
  { name: 'supervision.reminders', cron: '30 8 * * *', run: async (deps) => void (await scanReminders(deps)) },
];
