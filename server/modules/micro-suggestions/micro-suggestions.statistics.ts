import { sql } from 'drizzle-orm';
import {
  type MicroGrouping,
  type MicroStatistics,
  type MicroStatisticsQuery,
  type MicroStatisticsRow,
  microGroupingNames,
} from '../../../contracts/micro-suggestions.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/http/problem.ts';
import { writeSheet } from '../people/people.excel.ts';
import { rate } from '../statistics/statistics.definitions.ts';

/** The definitions shown beside the figures (always with numerator and denominator). */
export const microDefinitions = [
  { key: 'raised', name: '提出数', definition: '统计期内提交的微建议（草稿不计；联络站代委员提出的计入）' },
  { key: 'acceptanceRate', name: '受理率', definition: '受理数 ÷ 提出数（受理后转交、领办、合并或转为提案的均计为受理）' },
  { key: 'onTimeRate', name: '按期答复率', definition: '承办单位在答复期限（含批准的延期）内首次答复的 ÷ 转交承办单位数' },
  {
    key: 'satisfactionRate',
    name: '满意率',
    definition: '（满意 + 基本满意）÷ 已评价数；以委员对最后一轮答复的评价计，重新办理前的评价不计',
  },
  { key: 'resolutionRate', name: '办结率', definition: '已办结数 ÷ 受理数' },
  { key: 'averageDaysToResolve', name: '平均办结天数', definition: '已办结的微建议从提交到办结的自然日数的平均值' },
  { key: 'overdue', name: '逾期未答复', definition: '到统计日已过答复期限仍未答复的转交件' },
];

/** One micro-suggestion as the statistics count it. */
type ItemRow = {
  id: string;
  state: string;
  accepted: boolean;
  handling_mode: string | null;
  unit_id: string | null;
  unit_name: string | null;
  place: string;
  category_id: string | null;
  category_name: string | null;
  month: string;
  replied: boolean;
  replied_on_time: boolean;
  overdue: boolean;
  days_to_resolve: number | string | null;
  satisfied: number | string;
  basically_satisfied: number | string;
  dissatisfied: number | string;
};

/** The first and last day of a span of months (YYYY-MM), the end exclusive. */
function spanOf(query: MicroStatisticsQuery, today: string): { from: string; to: string; start: string; end: string } {
  const year = today.slice(0, 4);
  const from = query.from ?? `${year}-01`;
  const to = query.to ?? today.slice(0, 7);
  if (from > to) throw badRequest('起始月份不能晚于结束月份', [{ field: 'from', message: '起始月份不能晚于结束月份' }]);
  const [toYear, toMonth] = to.split('-').map(Number);
  const end = toMonth === 12 ? `${toYear + 1}-01-01` : `${toYear}-${String(toMonth + 1).padStart(2, '0')}-01`;
  return { from, to, start: `${from}-01`, end };
}

/**
 * Every micro-suggestion submitted in the span with what the statistics need, in one statement: its state and
 * whether it was accepted; its live unit (the engine's item_assignments); the first-round reply and whether it went
 * out by the due date (item_replies.due_on_at_send, else the assignment's); overdue now; days to resolve; the ratings
 * of its last round (reply_ratings).
 */
async function loadItems(executor: Executor, orgId: string, timeZone: string, start: string, end: string, today: string) {
  const result = await executor.execute<ItemRow>(sql`
    select m.id, m.state, m.accepted_at is not null as accepted, m.handling_mode, a.unit_id, u.name as unit_name,
      m.place, m.category_id, c.name as category_name,
      to_char(m.submitted_at at time zone ${timeZone}, 'YYYY-MM') as month,
      first.sent_at is not null as replied,
      coalesce((first.sent_at at time zone ${timeZone})::date <= coalesce(first.due_on_at_send, a.due_on), false) as replied_on_time,
      (a.id is not null and a.replied_at is null and a.due_on < ${today}::date) as overdue,
      case when m.state = 'resolved' then extract(epoch from (m.resolved_at - m.submitted_at)) / 86400 end as days_to_resolve,
      coalesce(r.satisfied, 0) as satisfied, coalesce(r.basically_satisfied, 0) as basically_satisfied,
      coalesce(r.dissatisfied, 0) as dissatisfied
    from micro_suggestions m
    left join lateral (
      select a.id, a.unit_id, a.due_on, a.replied_at from item_assignments a
      where a.org_id = m.org_id and a.item_id = m.id and a.state <> 'reassigned'
      order by a.id limit 1
    ) a on true
    left join units u on u.org_id = m.org_id and u.id = a.unit_id
    left join dictionary_entries c on c.org_id = m.org_id and c.id = m.category_id
    left join lateral (
      select r.sent_at, r.due_on_at_send from item_replies r
      where r.org_id = m.org_id and r.item_id = m.id and r.kind = 'reply' and r.round = 1 and r.state = 'sent'
      order by r.id limit 1
    ) first on true
    left join lateral (
      select count(*) filter (where g.rating = 'satisfied') as satisfied,
        count(*) filter (where g.rating = 'basically_satisfied') as basically_satisfied,
        count(*) filter (where g.rating = 'dissatisfied') as dissatisfied
      from reply_ratings g
      join item_replies r on r.org_id = g.org_id and r.id = g.reply_id
      where g.org_id = m.org_id and g.item_id = m.id
        and r.round = (select max(x.round) from item_replies x
          where x.org_id = m.org_id and x.item_id = m.id and x.kind = 'reply' and x.state = 'sent')
    ) r on true
    where m.org_id = ${orgId} and m.submitted_at is not null
      and m.submitted_at >= (${start}::date)::timestamp at time zone ${timeZone}
      and m.submitted_at < (${end}::date)::timestamp at time zone ${timeZone}
    order by m.submitted_at, m.id`);
  return result.rows;
}

/** The group of an item under a grouping: its key and name. */
function groupOf(row: ItemRow, groupBy: MicroGrouping): { key: string | null; name: string } {
  if (groupBy === 'unit') return { key: row.unit_id, name: row.unit_name ?? '（未转交承办单位）' };
  if (groupBy === 'place') {
    const place = row.place.trim();
    return { key: place || null, name: place || '（未填写地点）' };
  }
  if (groupBy === 'category') return { key: row.category_id, name: row.category_name ?? '（未分类）' };
  if (groupBy === 'month') return { key: row.month, name: row.month };
  return { key: null, name: '全部' };
}

/** The figures of a set of items, with their rates. */
function rowOf(key: string | null, name: string, items: ItemRow[]): MicroStatisticsRow {
  const count = (test: (item: ItemRow) => boolean) => items.filter(test).length;
  const sum = (value: (item: ItemRow) => number) => items.reduce((total, item) => total + value(item), 0);
  const raised = items.length;
  const accepted = count((item) => item.accepted);
  const transferred = count((item) => item.handling_mode === 'unit');
  const repliedOnTime = count((item) => item.replied_on_time);
  const resolvedItems = items.filter((item) => item.state === 'resolved' && item.days_to_resolve !== null);
  const satisfied = sum((item) => Number(item.satisfied));
  const basicallySatisfied = sum((item) => Number(item.basically_satisfied));
  const dissatisfied = sum((item) => Number(item.dissatisfied));
  const rated = satisfied + basicallySatisfied + dissatisfied;
  const resolved = count((item) => item.state === 'resolved');
  const days = resolvedItems.reduce((total, item) => total + Number(item.days_to_resolve), 0);
  return {
    key,
    name,
    raised,
    accepted,
    declined: count((item) => item.state === 'declined'),
    transferred,
    takenOn: count((item) => item.handling_mode === 'member'),
    replied: count((item) => item.replied),
    repliedOnTime,
    overdue: count((item) => item.overdue),
    resolved,
    rated,
    satisfied,
    basicallySatisfied,
    dissatisfied,
    averageDaysToResolve: resolvedItems.length === 0 ? null : Math.round((days / resolvedItems.length) * 10) / 10,
    rates: {
      acceptanceRate: rate(accepted, raised),
      onTimeRate: rate(repliedOnTime, transferred),
      satisfactionRate: rate(satisfied + basicallySatisfied, rated),
      resolutionRate: rate(resolved, accepted),
    },
  };
}

/**
 * The micro-suggestion statistics of a span of months (by submission; default this year to date): raised,
 * accepted, transferred, taken on, replied (on time), overdue, resolved, ratings and average days to resolve, in
 * total and by unit, street (place), category (领域) or month, each rate with its numerator and denominator.
 */
export async function computeMicroStatistics(
  executor: Executor,
  orgId: string,
  timeZone: string,
  today: string,
  query: MicroStatisticsQuery,
): Promise<MicroStatistics> {
  const span = spanOf(query, today);
  const items = await loadItems(executor, orgId, timeZone, span.start, span.end, today);
  const groups = new Map<string, { key: string | null; name: string; items: ItemRow[] }>();
  if (query.groupBy !== 'none') {
    for (const item of items) {
      const group = groupOf(item, query.groupBy);
      const id = group.key ?? '';
      const known = groups.get(id) ?? { ...group, items: [] };
      known.items.push(item);
      groups.set(id, known);
    }
  }
  const rows = [...groups.values()]
    .map((group) => rowOf(group.key, group.name, group.items))
    .sort((left, right) =>
      query.groupBy === 'month'
        ? (left.key ?? '').localeCompare(right.key ?? '')
        : right.raised - left.raised || left.name.localeCompare(right.name, 'zh-CN'),
    );
  return {
    from: span.from,
    to: span.to,
    groupBy: query.groupBy,
    today,
    total: rowOf(null, '全部', items),
    rows,
    definitions: microDefinitions,
  };
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
/** A rate as a cell: 80.0%（8/10）. */
const rateCell = (value: { numerator: number; denominator: number; value: number | null }) =>
  `${percent(value.value)}（${value.numerator}/${value.denominator}）`;

/** The columns of the statistics sheet. */
export function microStatisticsColumns(statistics: MicroStatistics): string[] {
  return [
    microGroupingNames[statistics.groupBy] === '全部' ? '范围' : microGroupingNames[statistics.groupBy],
    '提出数',
    '受理数',
    '不予受理',
    '转交单位',
    '委员领办',
    '已答复',
    '按期答复',
    '逾期未答复',
    '已办结',
    '已评价',
    '满意',
    '基本满意',
    '不满意',
    '受理率',
    '按期答复率',
    '满意率',
    '办结率',
    '平均办结天数',
  ];
}

/** One row as cells of the sheet. */
export function microStatisticsCells(row: MicroStatisticsRow): (string | number | null)[] {
  return [
    row.name,
    row.raised,
    row.accepted,
    row.declined,
    row.transferred,
    row.takenOn,
    row.replied,
    row.repliedOnTime,
    row.overdue,
    row.resolved,
    row.rated,
    row.satisfied,
    row.basicallySatisfied,
    row.dissatisfied,
    rateCell(row.rates.acceptanceRate),
    rateCell(row.rates.onTimeRate),
    rateCell(row.rates.satisfactionRate),
    rateCell(row.rates.resolutionRate),
    row.averageDaysToResolve,
  ];
}

/** The statistics as an Excel workbook (every cell through the platform's excel cell helper), definitions beside. */
export function microStatisticsWorkbook(statistics: MicroStatistics): Promise<Buffer> {
  const rows = statistics.groupBy === 'none' ? [statistics.total] : [statistics.total, ...statistics.rows];
  return writeSheet({
    sheetName: '微建议统计',
    columns: microStatisticsColumns(statistics),
    rows: rows.map((row, index) => {
      const cells = microStatisticsCells(row);
      if (index === 0) cells[0] = statistics.groupBy === 'none' ? `${statistics.from} 至 ${statistics.to}` : '合计';
      return cells;
    }),
    widths: { 范围: 24, 承办单位: 24, '街道（社区）': 24, 领域: 16, 受理率: 18, 按期答复率: 18, 满意率: 18, 办结率: 18 },
    notes: {
      title: '指标说明',
      lines: [
        `统计期：${statistics.from} 至 ${statistics.to}（按提交月份）`,
        `统计日：${statistics.today}`,
        ...statistics.definitions.map((item) => `${item.name}：${item.definition}`),
      ],
    },
  });
}
