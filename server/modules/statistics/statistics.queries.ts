import { type SQL, sql } from 'drizzle-orm';
import { effectiveSettings } from '../../../contracts/settings.ts';
import type { Statistics, StatisticsGrouping } from '../../../contracts/statistics.ts';
import { loadCalendar } from '../../platform/calendar/load-calendar.ts';
import type { Executor } from '../../platform/db/database.ts';
import { loadOrganization, loadSession } from '../orgs/orgs.queries.ts';
import { type GroupCounts, proposerTypeNames, rateDefinitions, withRates } from './statistics.definitions.ts';

type CountRow = {
  key: string | null;
  submitted: string | number;
  filed: string | number;
  assigned: string | number;
  replied: string | number;
  on_time: string | number;
  contacted: string | number;
  overdue: string | number;
};
type RatingRow = { key: string | null; rating: string; total: string | number };
type ClassRow = { key: string | null; result_class: string; total: string | number };

/** The group key of a proposal row `p` (joined to its lead member `m`) for a grouping. */
function proposalKey(groupBy: Exclude<StatisticsGrouping, 'unit'>): SQL {
  switch (groupBy) {
    case 'none':
      return sql`null::text`;
    case 'category':
      return sql`p.category_id::text`;
    case 'sector':
      return sql`m.sector_id::text`;
    case 'party':
      return sql`m.party_id::text`;
    case 'proposerType':
      return sql`case when p.author_type = 'collective' then 'collective'
        when exists (select 1 from proposal_co_signers c where c.org_id = p.org_id and c.proposal_id = p.id and c.state = 'accepted')
        then 'joint' else 'single' end`;
  }
}

/**
 * The base rows of the statistics: proposals of the session (their state before archiving counts) with a group
 * key, or, by unit, the replying units' live assignments (the unit is the key). Every figure is computed over it.
 */
function baseRows(orgId: string, sessionId: string, groupBy: StatisticsGrouping): SQL {
  if (groupBy === 'unit') {
    return sql`
      select a.id as item_id, a.proposal_id, a.unit_id::text as key, a.due_on, a.replied_at, coalesce(p.state_before_archive, p.state) as st
      from proposal_assignments a
      join proposals p on p.org_id = a.org_id and p.id = a.proposal_id
      where a.org_id = ${orgId} and p.session_id = ${sessionId} and a.state <> 'reassigned' and a.role <> 'co'`;
  }
  return sql`
    select p.id as item_id, p.id as proposal_id, ${proposalKey(groupBy)} as key, p.filed_at, p.assigned_at, p.replied_at,
      coalesce(p.state_before_archive, p.state) as st
    from proposals p
    left join members m on m.org_id = p.org_id and m.id = p.lead_member_id
    where p.org_id = ${orgId} and p.session_id = ${sessionId}`;
}

/**
 * Figures of one session, as counted by queries over the base rows (one for counts, ratings and classes each).
 * The counts join the base rows to what they need of the replies, contacts and overdue assignments, each grouped
 * once over the session's rows (hash joins), instead of probing those tables row by row (bench at 100k proposals:
 * 760 ms → see docs/benchmarks.md).
 */
async function countGroups(
  executor: Executor,
  orgId: string,
  sessionId: string,
  groupBy: StatisticsGrouping,
  today: string,
  timeZone: string,
) {
  const byUnit = groupBy === 'unit';
  // Replies and contacts are matched to the base rows by assignment (units) or by proposal: b.item_id is either.
  const match = byUnit ? sql`r.assignment_id = b.item_id` : sql`r.proposal_id = b.proposal_id`;
  const replyItem = byUnit ? sql`r.assignment_id` : sql`r.proposal_id`;
  const contactItem = byUnit ? sql`c.assignment_id` : sql`c.proposal_id`;
  const base = sql`with b as (${baseRows(orgId, sessionId, groupBy)})`;
  // A proposal's reply counts once the proposal is replied; a unit's once its reply is sent.
  const replied = byUnit ? sql`sent.item_id is not null` : sql`sent.item_id is not null and b.replied_at is not null`;
  // The session's rows of a table with a proposal_id, by a semi-join the planner can estimate (not over b).
  const ofSession = (alias: string) =>
    sql`${sql.raw(alias)}.proposal_id in (select s.id from proposals s where s.org_id = ${orgId} and s.session_id = ${sessionId})`;
  const counts = await executor.execute<CountRow>(sql`${base},
    sent as (
      select ${replyItem} as item_id,
        bool_or(r.round = 1 and (r.sent_at at time zone ${timeZone})::date > r.due_on_at_send) as late
      from proposal_replies r
      where r.org_id = ${orgId} and r.kind = 'reply' and r.state = 'sent' and ${ofSession('r')}
      group by 1
    ),
    contacted as (
      select distinct ${contactItem} as item_id from handling_contacts c
      where c.org_id = ${orgId} and ${ofSession('c')}
    )${
      byUnit
        ? sql``
        : sql`,
    overdue as (
      select distinct a.proposal_id as item_id from proposal_assignments a
      where a.org_id = ${orgId} and a.state <> 'reassigned' and a.role <> 'co' and a.replied_at is null
        and a.due_on < ${today}::date and ${ofSession('a')}
    )`
    }
    select b.key,
      ${byUnit ? sql`0` : sql`count(*) filter (where b.st not in ('draft', 'co_signing', 'withdrawn'))`} as submitted,
      ${byUnit ? sql`0` : sql`count(*) filter (where b.filed_at is not null)`} as filed,
      ${byUnit ? sql`count(*)` : sql`count(*) filter (where b.assigned_at is not null)`} as assigned,
      count(*) filter (where ${replied}) as replied,
      count(*) filter (where ${replied} and not sent.late) as on_time,
      count(*) filter (where contacted.item_id is not null) as contacted,
      count(*) filter (where b.st in ('assigned', 'rehandling') and ${
        byUnit ? sql`b.replied_at is null and b.due_on < ${today}::date` : sql`overdue.item_id is not null`
      }) as overdue
    from b
    left join sent on sent.item_id = b.item_id
    left join contacted on contacted.item_id = b.item_id
    ${byUnit ? sql`` : sql`left join overdue on overdue.item_id = b.item_id`}
    group by b.key`);
  const ratings = await executor.execute<RatingRow>(sql`${base}
    select b.key, rr.rating, count(*) as total
    from b
    join proposal_replies r on r.org_id = ${orgId} and ${match} and r.kind = 'reply' and r.reopened_at is null
    join reply_ratings rr on rr.org_id = r.org_id and rr.reply_id = r.id
    group by b.key, rr.rating`);
  const classes = await executor.execute<ClassRow>(sql`${base}
    select b.key, r.result_class, count(*) as total
    from b
    join proposal_replies r on r.org_id = ${orgId} and ${match} and r.kind = 'reply' and r.state = 'sent'
      and r.reopened_at is null and r.result_class is not null
    group by b.key, r.result_class`);
  return { counts: counts.rows, ratings: ratings.rows, classes: classes.rows };
}

/** The display names of the group keys. */
async function groupNames(executor: Executor, orgId: string, groupBy: StatisticsGrouping): Promise<Map<string, string>> {
  if (groupBy === 'none') return new Map();
  if (groupBy === 'proposerType') return new Map(Object.entries(proposerTypeNames));
  const rows =
    groupBy === 'unit'
      ? await executor.execute<{ id: string; name: string }>(sql`select id::text, name from units where org_id = ${orgId}`)
      : await executor.execute<{ id: string; name: string }>(
          sql`select id::text, name from dictionary_entries where org_id = ${orgId}`,
        );
  return new Map(rows.rows.map((row) => [row.id, row.name]));
}

/** Folds the three queries' rows into one row of counts per group key. */
function fold(
  found: Awaited<ReturnType<typeof countGroups>>,
  byUnit: boolean,
  name: (key: string | null) => string,
): GroupCounts[] {
  return found.counts.map((row) => {
    const ratingOf = (rating: string) =>
      Number(found.ratings.find((item) => item.key === row.key && item.rating === rating)?.total ?? 0);
    const classes: Record<string, number> = {};
    for (const item of found.classes.filter((entry) => entry.key === row.key)) classes[item.result_class] = Number(item.total);
    const satisfied = ratingOf('satisfied');
    const basicallySatisfied = ratingOf('basically_satisfied');
    const dissatisfied = ratingOf('dissatisfied');
    return {
      key: row.key,
      name: name(row.key),
      submitted: byUnit ? null : Number(row.submitted),
      filed: byUnit ? null : Number(row.filed),
      assigned: Number(row.assigned),
      replied: Number(row.replied),
      repliedOnTime: Number(row.on_time),
      contacted: Number(row.contacted),
      rated: satisfied + basicallySatisfied + dissatisfied,
      satisfied,
      basicallySatisfied,
      dissatisfied,
      classes,
      classified: Object.values(classes).reduce((sum, count) => sum + count, 0),
      overdue: Number(row.overdue),
    };
  });
}

/**
 * The statistics of a session (立案率, 办复率, 按期办复率, 满意率, 见面率, A/B/C shares, overdue), in total and by
 * unit, category, sector, party or proposer type; every rate with its numerator and denominator.
 */
export async function computeStatistics(
  executor: Executor,
  orgId: string,
  sessionId: string,
  groupBy: StatisticsGrouping,
  now: Date,
): Promise<Statistics> {
  const session = await loadSession(executor, orgId, sessionId);
  const organization = await loadOrganization(executor, orgId);
  const calendar = await loadCalendar(executor, orgId);
  const today = calendar.today(now);
  const names = await groupNames(executor, orgId, groupBy);
  const unnamed = groupBy === 'category' ? '未分类' : '无';
  const name = (key: string | null) => (key === null ? (groupBy === 'none' ? session.name : unnamed) : (names.get(key) ?? key));
  const totalFound = await countGroups(executor, orgId, sessionId, 'none', today, calendar.timeZone);
  const [total] = fold(totalFound, false, () => session.name);
  const rows =
    groupBy === 'none'
      ? []
      : fold(await countGroups(executor, orgId, sessionId, groupBy, today, calendar.timeZone), groupBy === 'unit', name)
          .map(withRates)
          .sort((a, b) => b.assigned - a.assigned || a.name.localeCompare(b.name, 'zh'));
  const emptyTotal: GroupCounts = {
    key: null,
    name: session.name,
    submitted: 0,
    filed: 0,
    assigned: 0,
    replied: 0,
    repliedOnTime: 0,
    contacted: 0,
    rated: 0,
    satisfied: 0,
    basicallySatisfied: 0,
    dissatisfied: 0,
    classes: {},
    classified: 0,
    overdue: 0,
  };
  return {
    sessionId,
    sessionName: session.name,
    groupBy,
    today,
    total: withRates(total ?? emptyTotal),
    rows,
    resultClasses: effectiveSettings(organization.settings).proposals.resultClasses.map((item) => ({
      code: item.code,
      name: item.name,
    })),
    definitions: rateDefinitions,
  };
}
