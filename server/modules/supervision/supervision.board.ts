import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type HandledKind, handledKindNames } from '../../../contracts/handling.ts';
import { type AssignmentRole, assignmentRoleNames } from '../../../contracts/proposals.ts';
import { effectiveSettings } from '../../../contracts/settings.ts';
import { type BoardPage, type boardQuerySchema, type Light, lightNames } from '../../../contracts/supervision.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { badRequest, forbidden } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { adapterFor } from '../handling/handled-kind-registry.ts';
import { loadCalendar } from '../orgs/orgs.calendar.ts';
import { loadOrganization } from '../orgs/orgs.queries.ts';
import { dataVersion } from '../statistics/statistics.cache.ts';
import { cachedBoardCounts } from './supervision.counts.ts';
import { canSeeBoard, lightOf } from './supervision.policy.ts';

type BoardRow = {
  id: string;
  item_id: string;
  kind: string;
  unit_id: string;
  role: string;
  due_on: string;
  replied_at: string | null;
  assigned_on: string;
  number: string | null;
  title: string;
  state: string;
  unit_name: string;
  light: Light;
  last_reminder_at: string | null;
  reminder_count: string | number;
};

/** The cursor of the board is the offset of the next page (the order is computed, not a column). */
function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('分页游标无效', [{ field: 'cursor', message: '分页游标无效' }]);
  return offset;
}

/**
 * GET /supervision/board: every live assignment of items still handled (proposals and micro-suggestions, or one
 * kind; not archived), with its light on
 * today's date in the committee's time zone, most urgent first — red by most overdue, then yellow, green, done —
 * and the counts by light under the same filters. The lights are computed in SQL (the same rule as lightOf).
 */
export async function getBoard(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof boardQuerySchema>,
): Promise<BoardPage> {
  if (!canSeeBoard(actor)) throw forbidden('只有提案委、督办领导和党政领导可以查看督办台账');
  const orm = deps.database.orm;
  const organization = await loadOrganization(orm, actor.orgId);
  const yellowAt = effectiveSettings(organization.settings).proposals.yellowAtPercent;
  const calendar = await loadCalendar(orm, actor.orgId);
  const today = calendar.today(deps.now());
  const ofAssignment: SQL[] = [sql`a.org_id = ${actor.orgId}`, sql`a.state <> 'reassigned'`];
  const ofItem: SQL[] = [sql`h.phase in ('handling', 'replied', 'closed')`];
  // A session narrows the proposals; kinds counted by year (micro-suggestions) belong to no session and stay.
  if (query.sessionId) ofItem.push(sql`(h.session_id = ${query.sessionId} or h.session_id is null)`);
  if (query.unitId) ofAssignment.push(sql`a.unit_id = ${query.unitId}`);
  if (query.kind) ofItem.push(sql`h.kind = ${query.kind}`);
  const where = sql.join([...ofAssignment, ...ofItem], sql` and `);
  const from = sql`item_assignments a join handled_items h on h.org_id = a.org_id and h.id = a.item_id`;
  const assignedDay = sql`(a.assigned_at at time zone ${calendar.timeZone})::date`;
  const yellow = sql`(${today}::date - ${assignedDay}) * 100 >= ${yellowAt} * greatest(1, a.due_on - ${assignedDay})`;
  const offset = offsetOf(query.cursor);
  const wanted = offset + query.limit + 1;
  // The order is red (most overdue first), yellow, green, done, each by due date: one branch per group, each
  // reading no more rows than the page needs (red and done in due-date order), so a page never lights and sorts
  // every assignment of the committee. Units and reminders are read for the page's rows only.
  const branches: SQL[] = [];
  const wants = (light: Light) => !query.light || query.light === light;
  if (wants('red')) {
    branches.push(sql`(select a.id, 0 as rank, a.due_on from ${from}
      where ${where} and a.replied_at is null and a.due_on < ${today}::date order by a.due_on, a.id limit ${wanted})`);
  }
  if (wants('yellow') || wants('green')) {
    const rank = sql`case when ${yellow} then 1 else 2 end`;
    const only = query.light === 'yellow' ? sql`and ${yellow}` : query.light === 'green' ? sql`and not (${yellow})` : sql``;
    branches.push(sql`(select a.id, ${rank} as rank, a.due_on from ${from}
      where ${where} and a.replied_at is null and a.due_on >= ${today}::date ${only}
      order by 2, a.due_on, a.id limit ${wanted})`);
  }
  if (wants('done')) {
    branches.push(sql`(select a.id, 3 as rank, a.due_on from ${from}
      where ${where} and a.replied_at is not null order by a.due_on, a.id limit ${wanted})`);
  }
  const pageStatement = sql`
    with picked as (${sql.join(branches, sql` union all `)}),
    page as (select * from picked order by rank, due_on, id limit ${query.limit + 1} offset ${offset})
    select a.id, a.item_id, h.kind, a.unit_id, a.role, a.due_on::text as due_on, a.replied_at,
      ${assignedDay}::text as assigned_on, h.number, h.title, h.state, u.name as unit_name,
      (array['red', 'yellow', 'green', 'done'])[page.rank + 1] as light,
      r.last_reminder_at, coalesce(r.reminder_count, 0) as reminder_count
    from page
    join item_assignments a on a.org_id = ${actor.orgId} and a.id = page.id
    join handled_items h on h.org_id = a.org_id and h.id = a.item_id
    join units u on u.org_id = a.org_id and u.id = a.unit_id
    left join lateral (
      select max(sent_at) as last_reminder_at, count(*) as reminder_count
      from reminders where org_id = ${actor.orgId} and assignment_id = a.id
    ) r on true
    order by page.rank, page.due_on, page.id`;
  // The counts under the same filters, in one pass (yellow needs the assignment day, only of the open rows).
  // One unit's few thousand assignments look their items up one by one (a correlated lookup by key), rather than
  // hashing every item of the committee as the planner would for a join.
  const counted = query.unitId
    ? sql`from item_assignments a where ${sql.join(ofAssignment, sql` and `)} and coalesce((select true from handled_items h
        where h.org_id = a.org_id and h.id = a.item_id and ${sql.join(ofItem, sql` and `)}), false)`
    : sql`from ${from} where ${where}`;
  const countStatement = sql`
    select count(*) filter (where a.replied_at is null and a.due_on < ${today}::date) as red,
      count(*) filter (where a.replied_at is null and a.due_on >= ${today}::date and ${yellow}) as yellow,
      count(*) filter (where a.replied_at is null and a.due_on >= ${today}::date and not (${yellow})) as green,
      count(*) filter (where a.replied_at is not null) as done
    ${counted}`;
  // The counts read every assignment under the filters; they are computed once per state of the committee's data
  // (supervision.counts.ts). Two statements at once: on the PostgreSQL server they run side by side.
  const countKey = {
    orgId: actor.orgId,
    filters: JSON.stringify([query.sessionId ?? null, query.unitId ?? null, query.kind ?? null, yellowAt]),
    today,
    version: await dataVersion(orm, actor.orgId),
  };
  const [page, counts] = await Promise.all([
    orm.execute<BoardRow>(pageStatement),
    cachedBoardCounts(countKey, async () => {
      const [totals] = (await orm.execute<Record<Light, string | number>>(countStatement)).rows;
      const computed = { red: 0, yellow: 0, green: 0, done: 0, total: 0 };
      for (const light of ['red', 'yellow', 'green', 'done'] as const) {
        computed[light] = Number(totals?.[light] ?? 0);
        computed.total += computed[light];
      }
      return computed;
    }),
  ]);
  const rows = page.rows.slice(0, query.limit);
  return {
    items: rows.map((row) => {
      const computed = lightOf(
        { assignedOn: row.assigned_on, dueOn: row.due_on, replied: row.replied_at !== null },
        today,
        yellowAt,
      );
      const kind = row.kind as HandledKind;
      return {
        assignmentId: row.id,
        proposalId: row.item_id,
        proposalNumber: row.number,
        proposalTitle: row.title,
        proposalState: row.state,
        kind,
        kindName: handledKindNames[kind] ?? row.kind,
        itemId: row.item_id,
        itemNumber: row.number,
        itemTitle: row.title,
        link: adapterFor(kind).link({ id: row.item_id }),
        unitId: row.unit_id,
        unitName: row.unit_name,
        role: row.role,
        roleName: assignmentRoleNames[row.role as AssignmentRole] ?? row.role,
        assignedOn: row.assigned_on,
        dueOn: row.due_on,
        repliedAt: row.replied_at ? new Date(row.replied_at).toISOString() : null,
        light: row.light,
        lightName: lightNames[row.light],
        daysLeft: computed.daysLeft,
        percentUsed: computed.percentUsed,
        lastReminderAt: row.last_reminder_at ? new Date(row.last_reminder_at).toISOString() : null,
        reminderCount: Number(row.reminder_count),
      };
    }),
    nextCursor: page.rows.length > query.limit ? Buffer.from(String(offset + query.limit)).toString('base64url') : null,
    counts,
    today,
  };
}
