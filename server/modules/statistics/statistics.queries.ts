import { type SQL, sql } from 'drizzle-orm';
import { effectiveSettings } from '../../../contracts/settings.ts';
import type { Statistics, StatisticsGrouping } from '../../../contracts/statistics.ts';
import type { Executor } from '../../platform/db/database.ts';
import { loadCalendar } from '../orgs/orgs.calendar.ts';
import { loadOrganization, loadSession } from '../orgs/orgs.queries.ts';
import { cachedStatistics, dataVersion } from './statistics.cache.ts';
import { type GroupCounts, proposerTypeNames, rateDefinitions, withRates } from './statistics.definitions.ts';

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

type FigureRow = {
  /** 'p': a group of proposals; 'u': a unit's assignments. */
  part: 'p' | 'u';
  key: string | null;
  /** Set on the rows counting the current replies of one result class (`total`), null on the counts rows. */
  result_class: string | null;
  total: string | number;
  submitted: string | number;
  filed: string | number;
  assigned: string | number;
  replied: string | number;
  on_time: string | number;
  contacted: string | number;
  overdue: string | number;
  satisfied: string | number;
  basically_satisfied: string | number;
  dissatisfied: string | number;
};

/**
 * The figures of a session in three statements run side by side (two halves of the counts, class counts). Each table the figures read (replies, ratings, contacts, overdue
 * assignments) is aggregated once per item, proposal or assignment, from an index-only scan in proposal order
 * bounded to the session's range of proposal ids, and joined to the session's proposals (merge joins, no per-row
 * probes); the current replies of each result class are counted beside the groups (`result_class` set). Part 'p'
 * groups proposals by `groupBy` (the whole session for unit or none); part 'u', by unit only, groups the replying
 * units' live assignments (bench at 100k proposals: see docs/benchmarks.md).
 */
async function figures(
  executor: Executor,
  orgId: string,
  sessionId: string,
  groupBy: StatisticsGrouping,
  today: string,
  timeZone: string,
): Promise<FigureRow[]> {
  const byUnit = groupBy === 'unit';
  const key = proposalKey(byUnit ? 'none' : groupBy);
  const ofSession = sql`p.org_id = ${orgId} and p.session_id = ${sessionId}`;
  // A superset of the session's proposal ids (their smallest to their largest), so the index scans of the other
  // tables stop at the session's range; the joins to the session's proposals select the rows exactly.
  const inRange = (alias: string) => sql`${sql.raw(alias)}.item_id between
    (select s.id from proposals s where s.org_id = ${orgId} and s.session_id = ${sessionId} order by s.id limit 1) and
    (select s.id from proposals s where s.org_id = ${orgId} and s.session_id = ${sessionId} order by s.id desc limit 1)`;
  const late = sql`bool_or(r.round = 1 and (r.sent_at at time zone ${timeZone})::date > r.due_on_at_send)`;
  // The sent replies (with the late flag), the contacts and the ratings of current replies of an item, per
  // proposal, and per assignment by unit.
  const perItem = (item: 'item_id' | 'assignment_id', suffix: string) => sql`
    sent${sql.raw(suffix)} as (
      select r.${sql.raw(item)} as item_id, ${late} as late
      from item_replies r
      where r.org_id = ${orgId} and ${inRange('r')} and r.kind = 'reply' and r.state = 'sent'
      group by 1
    ),
    contacted${sql.raw(suffix)} as (
      select distinct c.${sql.raw(item)} as item_id from handling_contacts c
      where c.org_id = ${orgId} and ${item === 'item_id' ? inRange('c') : sql`true`}
    ),
    rated${sql.raw(suffix)} as (
      select r.${sql.raw(item)} as item_id,
        count(*) filter (where rr.rating = 'satisfied') as satisfied,
        count(*) filter (where rr.rating = 'basically_satisfied') as basically_satisfied,
        count(*) filter (where rr.rating = 'dissatisfied') as dissatisfied
      from reply_ratings rr
      join item_replies r on r.org_id = rr.org_id and r.item_id = rr.item_id and r.id = rr.reply_id
      where rr.org_id = ${orgId} and ${inRange('rr')} and r.kind = 'reply' and r.reopened_at is null
      group by 1
    )`;
  // A proposal's reply counts once the proposal is replied; a unit's once its reply is sent.
  // The proposals' counts in two halves, each joining two of the per-proposal aggregates (merged by key in JS).
  const proposals = sql`
    select 'p' as part, ${key} as key, null::text as result_class, 0 as total,
      count(*) filter (where coalesce(p.state_before_archive, p.state) not in ('draft', 'co_signing', 'withdrawn')) as submitted,
      count(*) filter (where p.filed_at is not null) as filed,
      count(*) filter (where p.assigned_at is not null) as assigned,
      count(*) filter (where sent.item_id is not null and p.replied_at is not null) as replied,
      count(*) filter (where sent.item_id is not null and p.replied_at is not null and not sent.late) as on_time,
      0 as contacted,
      count(*) filter (where coalesce(p.state_before_archive, p.state) in ('assigned', 'rehandling') and overdue.item_id is not null) as overdue,
      0 as satisfied, 0 as basically_satisfied, 0 as dissatisfied
    from proposals p
    left join members m on m.org_id = p.org_id and m.id = p.lead_member_id
    left join sent on sent.item_id = p.id
    left join overdue on overdue.item_id = p.id
    where ${ofSession}
    group by 2`;
  const proposalRatings = sql`
    select 'p' as part, ${key} as key, null::text as result_class, 0 as total, 0 as submitted, 0 as filed,
      0 as assigned, 0 as replied, 0 as on_time,
      count(contacted.item_id) as contacted,
      0 as overdue,
      coalesce(sum(rated.satisfied), 0) as satisfied,
      coalesce(sum(rated.basically_satisfied), 0) as basically_satisfied,
      coalesce(sum(rated.dissatisfied), 0) as dissatisfied
    from proposals p
    left join members m on m.org_id = p.org_id and m.id = p.lead_member_id
    left join contacted on contacted.item_id = p.id
    left join rated on rated.item_id = p.id
    where ${ofSession}
    group by 2`;
  const proposalClasses = sql`
    select 'p' as part, ${key} as key, r.result_class, count(*) as total, 0 as submitted, 0 as filed, 0 as assigned,
      0 as replied, 0 as on_time, 0 as contacted, 0 as overdue, 0 as satisfied, 0 as basically_satisfied,
      0 as dissatisfied
    from proposals p
    left join members m on m.org_id = p.org_id and m.id = p.lead_member_id
    join item_replies r on r.org_id = p.org_id and r.item_id = p.id and r.kind = 'reply' and r.state = 'sent'
      and r.reopened_at is null and r.result_class is not null
    where ${ofSession}
    group by 2, 3`;
  const units = sql`
    select 'u' as part, a.unit_id::text as key, null::text as result_class, 0 as total, 0 as submitted, 0 as filed,
      count(*) as assigned,
      count(sent_a.item_id) as replied,
      count(*) filter (where sent_a.item_id is not null and not sent_a.late) as on_time,
      count(contacted_a.item_id) as contacted,
      count(*) filter (where coalesce(p.state_before_archive, p.state) in ('assigned', 'rehandling') and a.replied_at is null
        and a.due_on < ${today}::date) as overdue,
      coalesce(sum(rated_a.satisfied), 0) as satisfied,
      coalesce(sum(rated_a.basically_satisfied), 0) as basically_satisfied,
      coalesce(sum(rated_a.dissatisfied), 0) as dissatisfied
    from item_assignments a
    join proposals p on p.org_id = a.org_id and p.id = a.item_id
    left join sent_a on sent_a.item_id = a.id
    left join contacted_a on contacted_a.item_id = a.id
    left join rated_a on rated_a.item_id = a.id
    where a.org_id = ${orgId} and p.session_id = ${sessionId} and a.state <> 'reassigned' and a.role <> 'co'
    group by 2`;
  const unitClasses = sql`
    select 'u', a.unit_id::text, r.result_class, count(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    from item_assignments a
    join proposals p on p.org_id = a.org_id and p.id = a.item_id
    join item_replies r on r.org_id = a.org_id and r.item_id = a.item_id and r.assignment_id = a.id
      and r.kind = 'reply' and r.state = 'sent' and r.reopened_at is null and r.result_class is not null
    where a.org_id = ${orgId} and p.session_id = ${sessionId} and a.state <> 'reassigned' and a.role <> 'co'
    group by 2, 3`;
  // Three statements sent at once (two halves of the counts, the class counts): on the PostgreSQL server they run
  // on separate connections side by side; the embedded database answers them in turn. The CTEs a statement does
  // not reference are not evaluated.
  const ctes = sql`
    with ${perItem('item_id', '')},
    overdue as (
      select distinct a.item_id as item_id from item_assignments a
      where a.org_id = ${orgId} and ${inRange('a')} and a.state <> 'reassigned' and a.role <> 'co'
        and a.replied_at is null and a.due_on < ${today}::date
    )${byUnit ? sql`, ${perItem('assignment_id', '_a')}` : sql``}`;
  const [counts, ratings, classes] = await Promise.all([
    executor.execute<FigureRow>(sql`${ctes} ${proposals} ${byUnit ? sql`union all ${units}` : sql``}`),
    executor.execute<FigureRow>(sql`${ctes} ${proposalRatings}`),
    executor.execute<FigureRow>(sql`${proposalClasses} ${byUnit ? sql`union all ${unitClasses}` : sql``}`),
  ]);
  return [...mergeHalves([...counts.rows, ...ratings.rows]), ...classes.rows];
}

/** The counts rows of one part and key summed into one (the two halves of the proposals' counts). */
function mergeHalves(rows: FigureRow[]): FigureRow[] {
  const merged = new Map<string, FigureRow>();
  const columns = [
    'submitted',
    'filed',
    'assigned',
    'replied',
    'on_time',
    'contacted',
    'overdue',
    'satisfied',
    'basically_satisfied',
    'dissatisfied',
  ] as const;
  for (const row of rows) {
    const name = `${row.part}|${row.key ?? ''}|${row.key === null ? 'null' : 'key'}`;
    const found = merged.get(name);
    if (!found) {
      merged.set(name, { ...row });
      continue;
    }
    for (const column of columns) found[column] = Number(found[column]) + Number(row[column]);
  }
  return [...merged.values()];
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

/**
 * Folds the statement's rows of one part into one row of counts per group key (every group with proposals or
 * assignments has a counts row; a class row without one is dropped, as the join to the groups did before).
 */
function fold(rows: FigureRow[], part: 'p' | 'u', byUnit: boolean, name: (key: string | null) => string): GroupCounts[] {
  const classesOf = new Map<string | null, Record<string, number>>();
  for (const row of rows) {
    if (row.part !== part || row.result_class === null) continue;
    const classes = classesOf.get(row.key) ?? {};
    classes[row.result_class] = Number(row.total);
    classesOf.set(row.key, classes);
  }
  return rows
    .filter((row) => row.part === part && row.result_class === null)
    .map((row) => {
      const classes = classesOf.get(row.key) ?? {};
      const satisfied = Number(row.satisfied);
      const basicallySatisfied = Number(row.basically_satisfied);
      const dissatisfied = Number(row.dissatisfied);
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
 * The session's total from the groups of proposals: each proposal is in exactly one group of a proposal grouping
 * (category, sector, party, proposer type), so every count is the groups' sum. Not for units: a proposal handled by
 * several units counts once in the total but once per unit (part 'p' of a unit grouping is the whole session).
 */
function sumGroups(groups: GroupCounts[], sessionName: string): GroupCounts {
  const total: GroupCounts = {
    key: null,
    name: sessionName,
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
  for (const group of groups) {
    total.submitted = (total.submitted ?? 0) + (group.submitted ?? 0);
    total.filed = (total.filed ?? 0) + (group.filed ?? 0);
    total.assigned += group.assigned;
    total.replied += group.replied;
    total.repliedOnTime += group.repliedOnTime;
    total.contacted += group.contacted;
    total.rated += group.rated;
    total.satisfied += group.satisfied;
    total.basicallySatisfied += group.basicallySatisfied;
    total.dissatisfied += group.dissatisfied;
    for (const [code, count] of Object.entries(group.classes)) total.classes[code] = (total.classes[code] ?? 0) + count;
    total.classified += group.classified;
    total.overdue += group.overdue;
  }
  return total;
}

/**
 * The statistics of a session (立案率, 办复率, 按期办复率, 满意率, 见面率, A/B/C shares, overdue), in total and by
 * unit, category, sector, party or proposer type; every rate with its numerator and denominator. Computed once
 * per state of the committee's data and business date (statistics.cache.ts).
 */
export async function computeStatistics(
  executor: Executor,
  orgId: string,
  sessionId: string,
  groupBy: StatisticsGrouping,
  now: Date,
): Promise<Statistics> {
  const session = await loadSession(executor, orgId, sessionId);
  const calendar = await loadCalendar(executor, orgId);
  const today = calendar.today(now);
  const version = await dataVersion(executor, orgId);
  return cachedStatistics({ orgId, sessionId, groupBy, today, version }, async () => {
    const organization = await loadOrganization(executor, orgId);
    return computeFigures(executor, { orgId, session, groupBy, today, timeZone: calendar.timeZone, organization });
  });
}

/** The statistics computed from the tables (what `computeStatistics` caches). */
async function computeFigures(
  executor: Executor,
  input: {
    orgId: string;
    session: { id: string; name: string };
    groupBy: StatisticsGrouping;
    today: string;
    timeZone: string;
    organization: Awaited<ReturnType<typeof loadOrganization>>;
  },
): Promise<Statistics> {
  const { orgId, session, groupBy, today, organization } = input;
  const sessionId = session.id;
  const names = await groupNames(executor, orgId, groupBy);
  const unnamed = groupBy === 'category' ? '未分类' : '无';
  const name = (key: string | null) => (key === null ? (groupBy === 'none' ? session.name : unnamed) : (names.get(key) ?? key));
  const found = await figures(executor, orgId, sessionId, groupBy, today, input.timeZone);
  const proposalGroups = fold(found, 'p', false, groupBy === 'unit' ? () => session.name : name);
  // By unit, part 'p' is the whole session (one group, or none without proposals); otherwise the groups' sum.
  const total = sumGroups(proposalGroups, session.name);
  const groups = groupBy === 'none' ? [] : groupBy === 'unit' ? fold(found, 'u', true, name) : proposalGroups;
  const rows = groups.map(withRates).sort((a, b) => b.assigned - a.assigned || a.name.localeCompare(b.name, 'zh'));
  return {
    sessionId,
    sessionName: session.name,
    groupBy,
    today,
    total: withRates(total),
    rows,
    resultClasses: effectiveSettings(organization.settings).proposals.resultClasses.map((item) => ({
      code: item.code,
      name: item.name,
    })),
    definitions: rateDefinitions,
  };
}
