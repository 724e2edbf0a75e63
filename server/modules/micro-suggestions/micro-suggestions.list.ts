import { type SQL, sql } from 'drizzle-orm';
import {
  type MicroSuggestionListQuery,
  type MicroSuggestionState,
  type MicroSuggestionSummary,
  microSuggestionStateNames,
} from '../../../contracts/micro-suggestions.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';
import { decodeCursor, encodeCursor, likePattern } from '../../platform/http/paging.ts';
import { badRequest } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { isReviewer } from './micro-suggestions.policy.ts';
import { iso } from './micro-suggestions.presenter.ts';
import { loadMicroSettings, type MicroSettings } from './micro-suggestions.queries.ts';

type SummaryRow = {
  id: string;
  number: string | null;
  title: string;
  place: string;
  lead_member_name: string | null;
  state: string;
  handling_mode: string | null;
  unit_id: string | null;
  unit_name: string | null;
  due_on: string | null;
  category_id: string | null;
  photo_count: number | string;
  published: boolean;
  submitted_at: string | null;
  resolved_at: string | null;
  created_key: string;
  updated_at: string;
  version: number;
  queue_rank: number;
  submitted_key: string | null;
};

/**
 * Which micro-suggestions the actor may read, as one SQL condition on `m` — the rule of `canReadMicroSuggestion`:
 * their own (a raising member, or the user who raised it), their station's (station staff), those transferred to
 * their unit (any assignment, also a replaced one), and every submitted one for the office, the committee's reviewer
 * roles, supervisors and leaders. Members see what was merged into theirs through the detail, not the list.
 */
export function microVisibility(actor: Actor, settings: Pick<MicroSettings, 'reviewerRoles'>): SQL {
  const conditions: SQL[] = [sql`m.created_by = ${actor.userId}`];
  if (actor.memberId && hasAnyRole(actor, 'member')) {
    conditions.push(sql`m.member_ids @> array[${actor.memberId}]::uuid[]`);
  }
  if (actor.stationId && hasAnyRole(actor, 'station_staff')) {
    conditions.push(sql`(m.station_id = ${actor.stationId} and m.state <> 'draft')`);
  }
  if (actor.unitId && hasAnyRole(actor, 'unit_handler', 'unit_leader')) {
    conditions.push(sql`exists (select 1 from item_assignments a
      where a.org_id = m.org_id and a.item_id = m.id and a.unit_id = ${actor.unitId})`);
  }
  if (isReviewer(actor, settings.reviewerRoles) || hasAnyRole(actor, 'supervisor', 'leader')) {
    conditions.push(sql`m.state <> 'draft'`);
  }
  return sql`(${sql.join(conditions, sql` or `)})`;
}

/** The filter conditions of a list query, visibility included. */
function conditionsOf(actor: Actor, query: MicroSuggestionListQuery, settings: MicroSettings): SQL[] {
  const conditions: SQL[] = [sql`m.org_id = ${actor.orgId}`, microVisibility(actor, settings)];
  if (query.mine === 'true') {
    conditions.push(
      actor.memberId
        ? sql`(m.member_ids @> array[${actor.memberId}]::uuid[] or m.created_by = ${actor.userId})`
        : sql`m.created_by = ${actor.userId}`,
    );
  }
  if (query.queue === 'review') conditions.push(sql`m.state in ('submitted', 'accepted')`);
  if (query.state) conditions.push(sql`m.state = ${query.state}`);
  if (query.unitId) {
    conditions.push(sql`exists (select 1 from item_assignments a
      where a.org_id = m.org_id and a.item_id = m.id and a.unit_id = ${query.unitId} and a.state <> 'reassigned')`);
  }
  if (query.place) conditions.push(sql`m.place ilike ${likePattern(query.place)}`);
  if (query.q) conditions.push(sql`(m.title ilike ${likePattern(query.q)} or m.number ilike ${likePattern(query.q)})`);
  if (query.categoryId) conditions.push(sql`m.category_id = ${query.categoryId}`);
  if (query.month) {
    const [year, month] = query.month.split('-').map(Number);
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    conditions.push(sql`m.submitted_at >= (${`${query.month}-01`}::date)::timestamp at time zone ${settings.timeZone}
      and m.submitted_at < (${next}::date)::timestamp at time zone ${settings.timeZone}`);
  }
  if (query.published === 'true') {
    conditions.push(sql`exists (select 1 from micro_suggestion_publications p where p.org_id = m.org_id and p.id = m.id)`);
  }
  if (query.published === 'false') {
    conditions.push(sql`m.state = 'resolved' and not exists (select 1 from micro_suggestion_publications p
      where p.org_id = m.org_id and p.id = m.id)`);
  }
  return conditions;
}

const INSTANT_KEY = `to_char(%s at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const instantKey = (column: string) => sql.raw(INSTANT_KEY.replace('%s', column));

/**
 * GET /micro-suggestions: the member's own (mine=true), the office's queue (queue=review: submitted ones first,
 * longest waiting first, then accepted ones awaiting transfer) or any list the actor may read, filtered by state,
 * unit, place, month, category and words of the title; newest first otherwise. Keyset cursor paging.
 */
export async function listMicroSuggestions(
  deps: AppDependencies,
  actor: Actor,
  query: MicroSuggestionListQuery,
): Promise<{ items: MicroSuggestionSummary[]; nextCursor: string | null }> {
  const orm = deps.database.orm;
  const settings = await loadMicroSettings(orm, deps, actor.orgId);
  const conditions = conditionsOf(actor, query, settings);
  const queue = query.queue === 'review';
  const rank = sql`case when m.state = 'submitted' then 0 else 1 end`;
  if (queue) {
    const key = decodeCursor(query.cursor, ['n', 's', 's']);
    if (key) {
      const [afterRank, afterKey, afterId] = key as [number, string, string];
      if (!/^[0-9a-f-]{36}$/i.test(afterId) || Number.isNaN(Date.parse(afterKey))) throw badCursor();
      conditions.push(sql`(${rank}, m.submitted_at, m.id) > (${afterRank}, ${afterKey}::timestamptz, ${afterId}::uuid)`);
    }
  } else {
    const key = decodeCursor(query.cursor, ['s', 's']);
    if (key) {
      const [afterKey, afterId] = key as [string, string];
      if (!/^[0-9a-f-]{36}$/i.test(afterId) || Number.isNaN(Date.parse(afterKey))) throw badCursor();
      conditions.push(sql`(m.created_at, m.id) < (${afterKey}::timestamptz, ${afterId}::uuid)`);
    }
  }
  const order = queue ? sql`${rank}, m.submitted_at, m.id` : sql`m.created_at desc, m.id desc`;
  const result = await orm.execute<SummaryRow>(sql`
    select m.id, m.number, m.title, m.place, lead.name as lead_member_name, m.state, m.handling_mode,
      a.unit_id, u.name as unit_name, a.due_on::text as due_on, m.category_id,
      (select count(*) from micro_suggestion_photos f
        where f.org_id = m.org_id and f.micro_suggestion_id = m.id and f.kind = 'problem') as photo_count,
      exists (select 1 from micro_suggestion_publications p where p.org_id = m.org_id and p.id = m.id) as published,
      m.submitted_at, m.resolved_at, ${instantKey('m.created_at')} as created_key, m.updated_at, m.version,
      ${rank} as queue_rank, ${instantKey('m.submitted_at')} as submitted_key
    from micro_suggestions m
    left join members lead on lead.org_id = m.org_id and lead.id = m.lead_member_id
    left join lateral (
      select a.unit_id, a.due_on from item_assignments a
      where a.org_id = m.org_id and a.item_id = m.id and a.state <> 'reassigned'
      order by a.id limit 1
    ) a on true
    left join units u on u.org_id = m.org_id and u.id = a.unit_id
    where ${sql.join(conditions, sql` and `)}
    order by ${order}
    limit ${query.limit + 1}`);
  const rows = result.rows.slice(0, query.limit);
  const last = rows[rows.length - 1];
  const nextCursor =
    result.rows.length > query.limit && last
      ? queue
        ? encodeCursor([Number(last.queue_rank), last.submitted_key ?? '', last.id])
        : encodeCursor([last.created_key, last.id])
      : null;
  return { items: rows.map(presentSummary), nextCursor };
}

/** The 400 of a cursor that does not fit the query. */
function badCursor() {
  return badRequest('分页游标无效，请从第一页重新查询', [{ field: 'cursor', message: '分页游标无效' }], 'bad_cursor');
}

/** A list row. */
function presentSummary(row: SummaryRow): MicroSuggestionSummary {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    place: row.place,
    leadMemberName: row.lead_member_name ?? '',
    state: row.state as MicroSuggestionState,
    stateName: microSuggestionStateNames[row.state as MicroSuggestionState] ?? row.state,
    handlingMode: row.handling_mode as MicroSuggestionSummary['handlingMode'],
    unitId: row.unit_id,
    unitName: row.unit_name,
    dueOn: row.due_on,
    categoryId: row.category_id,
    photoCount: Number(row.photo_count),
    published: Boolean(row.published),
    submittedAt: iso(row.submitted_at),
    resolvedAt: iso(row.resolved_at),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}
