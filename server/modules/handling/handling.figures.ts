import { type SQL, sql } from 'drizzle-orm';
import type { HandledKind } from '../../../contracts/handling.ts';
import type { Executor } from '../../platform/db/database.ts';

/** One unit's handling figures for one kind of item (numerators; `assigned` and `rated` are the denominators). */
export type UnitHandlingFigures = {
  unitId: string;
  unitName: string;
  /** Live assignments that owe a reply (co-handlers and replaced units not counted). */
  assigned: number;
  /** Of those, with a reply sent (any round). */
  replied: number;
  /** Of those, whose first reply went out by the due date in force then (extensions count). */
  onTime: number;
  /** Still with the unit, no reply, past the due date on `today`. */
  overdueNow: number;
  /** Ratings of the current replies (a reopened round's ratings are not counted), and how they split. */
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
};

/** Which assignments the figures count: one kind, assigned from `from` to `to` (business dates, inclusive). */
export type UnitFiguresQuery = {
  kind: HandledKind;
  from?: string;
  to?: string;
  /** The day "overdue now" is judged on (the committee's business date); defaults to today in `timeZone`. */
  today?: string;
  /** The committee's time zone, for business dates of instants (default Asia/Shanghai). */
  timeZone?: string;
};

type FigureRow = {
  unit_id: string;
  unit_name: string;
  assigned: string | number;
  replied: string | number;
  on_time: string | number;
  overdue_now: string | number;
  satisfied: string | number;
  basically_satisfied: string | number;
  dissatisfied: string | number;
};

/**
 * Per handling unit, what it was given of one kind of item and how it answered: assigned, replied, on time, overdue
 * now, rated and the split of the ratings — from the engine's tables (item_assignments, item_replies, reply_ratings
 * joined to handled_items by kind), with the definitions of the proposals' statistics (statistics.definitions.ts):
 * on time is the first reply sent by the due date in force when it went out; ratings count on the current reply.
 * One statement; the units with no assignment in the range are not listed. Any kind's statistics may call it.
 */
export async function unitHandlingFigures(
  executor: Executor,
  orgId: string,
  query: UnitFiguresQuery,
): Promise<UnitHandlingFigures[]> {
  const timeZone = query.timeZone ?? 'Asia/Shanghai';
  const today = query.today ?? new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const assignedDay = sql`(a.assigned_at at time zone ${timeZone})::date`;
  const filters: SQL[] = [
    sql`a.org_id = ${orgId}`,
    sql`a.state <> 'reassigned'`,
    sql`a.role <> 'co'`,
    sql`h.kind = ${query.kind}`,
  ];
  if (query.from) filters.push(sql`${assignedDay} >= ${query.from}::date`);
  if (query.to) filters.push(sql`${assignedDay} <= ${query.to}::date`);
  const result = await executor.execute<FigureRow>(sql`
    with given as (
      select a.id, a.unit_id, a.due_on, a.replied_at, h.phase
      from item_assignments a
      join handled_items h on h.org_id = a.org_id and h.id = a.item_id
      where ${sql.join(filters, sql` and `)}
    ), sent as (
      select r.assignment_id,
        bool_or(r.round = 1 and (r.sent_at at time zone ${timeZone})::date > r.due_on_at_send) as late
      from item_replies r join given g on g.id = r.assignment_id
      where r.org_id = ${orgId} and r.kind = 'reply' and r.state = 'sent'
      group by 1
    ), rated as (
      select r.assignment_id,
        count(*) filter (where rr.rating = 'satisfied') as satisfied,
        count(*) filter (where rr.rating = 'basically_satisfied') as basically_satisfied,
        count(*) filter (where rr.rating = 'dissatisfied') as dissatisfied
      from reply_ratings rr
      join item_replies r on r.org_id = rr.org_id and r.id = rr.reply_id
      join given g on g.id = r.assignment_id
      where rr.org_id = ${orgId} and r.kind = 'reply' and r.reopened_at is null
      group by 1
    )
    select g.unit_id, u.name as unit_name,
      count(*) as assigned,
      count(sent.assignment_id) as replied,
      count(*) filter (where sent.assignment_id is not null and not sent.late) as on_time,
      count(*) filter (where g.phase = 'handling' and g.replied_at is null and g.due_on < ${today}::date) as overdue_now,
      coalesce(sum(rated.satisfied), 0) as satisfied,
      coalesce(sum(rated.basically_satisfied), 0) as basically_satisfied,
      coalesce(sum(rated.dissatisfied), 0) as dissatisfied
    from given g
    join units u on u.org_id = ${orgId} and u.id = g.unit_id
    left join sent on sent.assignment_id = g.id
    left join rated on rated.assignment_id = g.id
    group by g.unit_id, u.name, u.sort_order
    order by u.sort_order, u.name`);
  return result.rows.map((row) => {
    const satisfied = Number(row.satisfied);
    const basicallySatisfied = Number(row.basically_satisfied);
    const dissatisfied = Number(row.dissatisfied);
    return {
      unitId: row.unit_id,
      unitName: row.unit_name,
      assigned: Number(row.assigned),
      replied: Number(row.replied),
      onTime: Number(row.on_time),
      overdueNow: Number(row.overdue_now),
      rated: satisfied + basicallySatisfied + dissatisfied,
      satisfied,
      basicallySatisfied,
      dissatisfied,
    };
  });
}
