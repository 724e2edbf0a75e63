import { type SQL, sql } from 'drizzle-orm';
import type { SearchHit, SearchItemType, SearchPage, SearchQuery } from '../../../contracts/search.ts';
import type { Executor } from '../../platform/db/database.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/paging.ts';
import { badRequest } from '../../platform/http/problem.ts';
import { toTraditional } from '../../platform/i18n/chinese-script.ts';
import { buildTsquery, buildWordsTsquery, isEmptyQuery, parseQuery } from '../../platform/search/query.ts';
import { buildSnippet, markWords } from '../../platform/search/snippet.ts';

/**
 * How many matches a search sorts itself (decision 0009). Below it the term is rare and its GIN matches are
 * filtered, sorted and paged in full; at the cap it is common and the search walks the recent index instead.
 */
export const SEARCH_CAP = 5000;
/**
 * Above this many matches by the planner's estimate (its lexeme statistics), a term is common enough that the walk
 * of the recent index meets the newest matches sooner than the GIN index lists them all: at 1M documents the GIN
 * bitmap of a term with 40,000 matches in a big tenant alone took 75 ms, the walk to its newest 21 took 4 ms.
 */
export const COMMON_ESTIMATE = 2000;
/** For a common term sorted by relevance, the newest this many matches are ranked (not all of them). */
const RELEVANCE_WINDOW = 1000;

/** ts_rank weights {D, C, B, A}: title (A) above body (B) above replies (C); D (the tenant lexeme) barely counts. */
const RANK_WEIGHTS = '{0.01, 0.2, 0.4, 1.0}';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT_KEY_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Who is searching decides the scope: the tenant, the portal's published items only, types, hidden states. */
export type SearchScope = {
  orgId: string;
  publishedOnly?: boolean;
  types?: SearchItemType[];
  excludeStates?: string[];
};

type HitRow = {
  id: string;
  item_type: SearchItemType;
  number: string | null;
  title: string;
  body: string;
  state: string | null;
  session_id: string | null;
  category_id: string | null;
  occurred_key: string;
  score: number | string;
  total?: number | string;
};

/** The 400 of a cursor that does not fit the query. */
const badCursor = () =>
  badRequest('分页游标无效，请从第一页重新查询', [{ field: 'cursor', message: '分页游标无效' }], 'bad_cursor');

/** Where the next page starts: after a (occurred_at, id) key for newest, at an offset for relevance. */
type PagePosition = { offset: number; after: { key: string; id: string } | null };

/** Reads the opaque cursor of a sort; a cursor of another sort or a forged one is a 400, never a 500. */
function readCursor(sort: 'relevance' | 'newest', cursor: string | undefined): PagePosition {
  if (!cursor) return { offset: 0, after: null };
  if (sort === 'relevance') {
    const key = decodeCursor(cursor, ['s', 'n']);
    const offset = Number(key?.[1]);
    if (key?.[0] !== 'relevance' || offset < 0 || offset > SEARCH_CAP) throw badCursor();
    return { offset, after: null };
  }
  const key = decodeCursor(cursor, ['s', 's', 's']);
  const [name, instant, id] = (key ?? []).map(String);
  if (name !== 'newest' || !INSTANT_KEY_PATTERN.test(instant) || !UUID_PATTERN.test(id)) throw badCursor();
  if (Number.isNaN(new Date(`${instant.slice(0, 23)}Z`).getTime())) throw badCursor();
  return { offset: 0, after: { key: instant, id } };
}

/** The item types a search may return: the scope's, narrowed by the query's `type` (none when they conflict). */
function typesOf(scope: SearchScope, query: SearchQuery): SearchItemType[] | undefined {
  if (!query.type) return scope.types;
  if (scope.types && !scope.types.includes(query.type)) return [];
  return [query.type];
}

/** The filter conditions on `search_documents d` (tenant, scope and query filters), without the word match. */
function filterConditions(scope: SearchScope, query: SearchQuery, types: SearchItemType[] | undefined): SQL[] {
  const conditions: SQL[] = [sql`d.org_id = ${scope.orgId}`];
  const list = (values: readonly string[]) =>
    sql.join(
      values.map((value) => sql`${value}`),
      sql`, `,
    );
  if (scope.publishedOnly) conditions.push(sql`d.published`);
  if (types) conditions.push(sql`d.item_type in (${list(types)})`);
  if (scope.excludeStates && scope.excludeStates.length > 0) {
    conditions.push(sql`coalesce(d.state, '') not in (${list(scope.excludeStates)})`);
  }
  if (query.sessionId) conditions.push(sql`d.session_id = ${query.sessionId}`);
  if (query.state) conditions.push(sql`d.state = ${query.state}`);
  if (query.categoryId) conditions.push(sql`d.category_id = ${query.categoryId}`);
  if (query.unitId) conditions.push(sql`d.unit_ids @> array[${query.unitId}]::uuid[]`);
  const zone = sql`(select o.time_zone from organizations o where o.id = ${scope.orgId})`;
  if (query.from) conditions.push(sql`d.occurred_at >= (${query.from}::date)::timestamp at time zone ${zone}`);
  if (query.to) conditions.push(sql`d.occurred_at < (${query.to}::date + 1)::timestamp at time zone ${zone}`);
  return conditions;
}

/** The hit of a row: highlighted title and snippet for the query's words in both scripts. */
function presentHit(row: HitRow, words: string[]): SearchHit {
  const forms = [...new Set(words.flatMap((word) => [word, toTraditional(word)]))]
    .filter((form) => form !== '')
    .sort((left, right) => right.length - left.length);
  return {
    id: row.id,
    type: row.item_type,
    number: row.number,
    title: row.title,
    state: row.state,
    sessionId: row.session_id,
    categoryId: row.category_id,
    occurredAt: new Date(`${row.occurred_key.slice(0, 23)}Z`).toISOString(),
    score: Math.round(Number(row.score) * 10_000) / 10_000,
    titleParts: markWords(row.title, forms),
    snippet: buildSnippet(row.body, words),
  };
}

/** The columns a hit is presented from, of `search_documents d`. */
const hitColumns = sql`d.id, d.item_type, d.number, d.title, d.body, d.state, d.session_id, d.category_id,
  to_char(d.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_key`;

/**
 * Searches a tenant's index (GET /search, GET /portal/search, the eval and the benchmark): words and quoted
 * phrases (Traditional or Simplified), filters, relevance (title above body) or newest first, cursor paging.
 * Plan-proof (decision 0009): the GIN matches are fetched first, capped; a rare term's matches are sorted in full,
 * a common term (cap reached) walks the (org_id, occurred_at desc, id desc) index with a match test GIN cannot serve.
 */
export async function searchItems(executor: Executor, scope: SearchScope, query: SearchQuery): Promise<SearchPage> {
  const parsed = parseQuery(query.q);
  if (isEmptyQuery(parsed)) {
    throw badRequest('搜索词只有标点、空格或过于常用的词，请换一个更具体的词', [{ field: 'q', message: '请输入要搜索的词' }]);
  }
  const sort = query.sort ?? 'relevance';
  const position = readCursor(sort, query.cursor);
  const limit = query.limit;
  const empty: SearchPage = { items: [], nextCursor: null, total: 0, totalCapped: false, words: parsed.words };
  const types = typesOf(scope, query);
  if (types && types.length === 0) return empty;
  const match = buildTsquery(scope.orgId, parsed);
  const rankQuery = buildWordsTsquery(parsed);
  const conditions = filterConditions(scope, query, types);
  const where = sql.join(conditions, sql` and `);
  const score = sort === 'relevance' ? sql`ts_rank(${RANK_WEIGHTS}::float4[], d.words, ${rankQuery}::tsquery)` : sql`0::float4`;
  // The (occurred_at, id) keyset as a range on occurred_at (an index bound) refined by the id on equal instants.
  const keyset = (alias: string) => {
    if (!position.after) return sql`true`;
    const at = sql`${position.after.key}::timestamptz`;
    const table = sql.raw(alias);
    return sql`${table}.occurred_at <= ${at} and (${table}.occurred_at < ${at} or ${table}.id < ${position.after.id}::uuid)`;
  };
  // NULLS LAST as in the index (search_documents_recent), or PostgreSQL will not walk it for the order.
  const recentOrder = (alias: string) => sql.raw(`${alias}.occurred_at desc nulls last, ${alias}.id desc nulls last`);
  const order = (alias: string) =>
    sort === 'relevance' ? sql`${sql.raw(alias)}.score desc, ${recentOrder(alias)}` : recentOrder(alias);

  // A term the statistics call common goes to the walk at once; the others try the GIN matches first.
  // The estimate leaves out org_id: the tenant lexeme in the query says the same, and the planner would count it twice.
  const estimateWhere = sql.join([sql`true`, ...conditions.slice(1)], sql` and `);
  const common = (await estimatedMatches(executor, estimateWhere, match)) > COMMON_ESTIMATE;
  // Rare terms: the GIN matches (with the filters), at most CAP + 1, sorted and paged here.
  const rare = common
    ? { rows: [] as HitRow[] }
    : await executor.execute<HitRow>(sql`
    with matches as materialized (
      select d.id, d.occurred_at, ${score} as score
      from search_documents d
      where ${where} and d.words @@ ${match}::tsquery
      limit ${SEARCH_CAP + 1}
    )
    , page as (
      select m.id, m.occurred_at, m.score from matches m
      where ${keyset('m')}
      order by ${order('m')}
      limit ${limit + 1} offset ${position.offset}
    )
    select ${hitColumns}, m.score, (select count(*) from matches)::int as total
    from page m join search_documents d on d.org_id = ${scope.orgId} and d.id = m.id
    order by ${order('m')}`);
  const matched = Number(rare.rows[0]?.total ?? 0);
  if (!common && rare.rows.length === 0 && position.offset === 0 && !position.after) return empty;
  if (rare.rows.length > 0 && matched <= SEARCH_CAP) {
    return pageOf(rare.rows, { sort, limit, offset: position.offset, total: matched, capped: false, words: parsed.words });
  }
  if (!common && rare.rows.length === 0) {
    // A later page whose rows all lie before the cursor: count again to know whether the term is common.
    const counted = await executor.execute<{ total: number }>(sql`
      select count(*)::int as total from (select 1 from search_documents d
        where ${where} and d.words @@ ${match}::tsquery limit ${SEARCH_CAP + 1}) capped`);
    if (Number(counted.rows[0]?.total ?? 0) <= SEARCH_CAP) return { ...empty, total: Number(counted.rows[0]?.total ?? 0) };
  }

  // Common terms: ts_match_vq is the @@ test in a form the GIN index cannot serve, so the plan is always the walk
  // of the recent index, which meets the newest matches first.
  const walkMatch = sql`ts_match_vq(d.words, ${match}::tsquery)`;
  // A first page that holds every match (the estimate was high, the matches few) knows its exact total.
  const totalOf = (rows: HitRow[]) =>
    rows.length <= limit && position.offset === 0 && !position.after
      ? { total: rows.length, capped: false }
      : { total: SEARCH_CAP, capped: true };
  if (sort === 'newest') {
    const walked = await executor.execute<HitRow>(sql`
      select ${hitColumns}, 0::float4 as score
      from search_documents d
      where ${where} and ${walkMatch} and ${keyset('d')}
      order by ${recentOrder('d')}
      limit ${limit + 1}`);
    return pageOf(walked.rows, { sort, limit, offset: 0, ...totalOf(walked.rows), words: parsed.words });
  }
  const ranked = await executor.execute<HitRow>(sql`
    with recent as materialized (
      select d.id, d.occurred_at, ${score} as score
      from search_documents d
      where ${where} and ${walkMatch}
      order by ${recentOrder('d')}
      limit ${RELEVANCE_WINDOW}
    ), page as (
      select m.id, m.occurred_at, m.score from recent m
      order by ${order('m')}
      limit ${limit + 1} offset ${position.offset}
    )
    select ${hitColumns}, m.score
    from page m join search_documents d on d.org_id = ${scope.orgId} and d.id = m.id
    order by ${order('m')}`);
  return pageOf(ranked.rows, { sort, limit, offset: position.offset, ...totalOf(ranked.rows), words: parsed.words });
}

/** How many documents the planner expects to match (its lexeme statistics; no rows are read). */
async function estimatedMatches(executor: Executor, where: SQL, match: string): Promise<number> {
  const result = await executor.execute<Record<string, unknown>>(
    sql`explain (format json) select 1 from search_documents d where ${where} and d.words @@ ${match}::tsquery`,
  );
  const cell = Object.values(result.rows[0] ?? {})[0];
  const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan?: { 'Plan Rows'?: number } }[] | undefined;
  return Number(plan?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

/** A page of hits from rows fetched one beyond the limit, with the cursor of the next page. */
function pageOf(
  rows: HitRow[],
  page: { sort: 'relevance' | 'newest'; limit: number; offset: number; total: number; capped: boolean; words: string[] },
): SearchPage {
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  const more = rows.length > page.limit && last !== undefined;
  const nextOffset = page.offset + page.limit;
  let nextCursor: string | null = null;
  if (more && page.sort === 'newest') nextCursor = encodeCursor(['newest', last.occurred_key, last.id]);
  if (more && page.sort === 'relevance' && nextOffset < SEARCH_CAP) nextCursor = encodeCursor(['relevance', nextOffset]);
  return {
    items: shown.map((row) => presentHit(row, page.words)),
    nextCursor,
    total: page.total,
    totalCapped: page.capped,
    words: page.words,
  };
}
