import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type AssignmentRole, assignmentRoleNames } from '../../../contracts/proposals.ts';
import { effectiveSettings } from '../../../contracts/settings.ts';
import { type BoardPage, type boardQuerySchema, type Light, lightNames } from '../../../contracts/supervision.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { badRequest, forbidden } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { loadCalendar } from '../orgs/orgs.calendar.ts';
import { loadOrganization } from '../orgs/orgs.queries.ts';
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
 * GET /supervision/board: every live assignment of proposals still handled (not archived), with its light on
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
  const filters: SQL[] = [
    sql`a.org_id = ${actor.orgId}`,
    sql`a.state <> 'reassigned'`,
    sql`h.phase in ('handling', 'replied', 'closed')`,
  ];
  if (query.sessionId) filters.push(sql`h.session_id = ${query.sessionId}`);
  if (query.unitId) filters.push(sql`a.unit_id = ${query.unitId}`);
  const lit = sql`
    with base as (
      select a.id, a.item_id, h.kind, a.unit_id, a.role, a.due_on::text as due_on, a.replied_at,
             (a.assigned_at at time zone ${calendar.timeZone})::date as assigned_day,
             h.number, h.title, h.state, u.name as unit_name
      from item_assignments a
      join handled_items h on h.org_id = a.org_id and h.id = a.item_id
      join units u on u.org_id = a.org_id and u.id = a.unit_id
      where ${sql.join(filters, sql` and `)}
    ), lit as (
      select *, assigned_day::text as assigned_on,
        case
          when replied_at is not null then 'done'
          when due_on::date < ${today}::date then 'red'
          when (${today}::date - assigned_day) * 100 >= ${yellowAt} * greatest(1, due_on::date - assigned_day) then 'yellow'
          else 'green'
        end as light
      from base
    )`;
  const offset = offsetOf(query.cursor);
  const onlyLight = query.light ? sql`where light = ${query.light}` : sql``;
  const page = await orm.execute<BoardRow>(sql`${lit}
    select lit.*, r.last_reminder_at, coalesce(r.reminder_count, 0) as reminder_count
    from lit
    left join lateral (
      select max(sent_at) as last_reminder_at, count(*) as reminder_count
      from reminders where org_id = ${actor.orgId} and assignment_id = lit.id
    ) r on true
    ${onlyLight}
    order by case light when 'red' then 0 when 'yellow' then 1 when 'green' then 2 else 3 end, due_on, id
    limit ${query.limit + 1} offset ${offset}`);
  const counted = await orm.execute<{ light: Light; total: string | number }>(sql`${lit}
    select light, count(*) as total from lit group by light`);
  const counts = { red: 0, yellow: 0, green: 0, done: 0, total: 0 };
  for (const row of counted.rows) {
    counts[row.light] = Number(row.total);
    counts.total += Number(row.total);
  }
  const rows = page.rows.slice(0, query.limit);
  return {
    items: rows.map((row) => {
      const computed = lightOf(
        { assignedOn: row.assigned_on, dueOn: row.due_on, replied: row.replied_at !== null },
        today,
        yellowAt,
      );
      return {
        assignmentId: row.id,
        proposalId: row.item_id,
        proposalNumber: row.number,
        proposalTitle: row.title,
        proposalState: row.state,
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
