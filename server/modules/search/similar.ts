import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { SearchItemType, SimilarItem } from '../../../contracts/search.ts';
import type { Executor } from '../../platform/db/database.ts';
import { buildAnyWordTsquery } from '../../platform/search/query.ts';
import { quoteLexeme } from '../../platform/search/tsvector.ts';
import { keyTerms, profileText, scoreCandidate, type TextProfile } from './similar-scoring.ts';

/** How many of the query's key terms retrieve candidates from the GIN index. */
const RETRIEVAL_TERMS = 10;
/** How many candidates the rough SQL score keeps for the full score in Node (100 measured no better than 50). */
const CANDIDATES = 50;
/** Below this two items share a common word or two: noise, not a similar item (0.25 measured recall@5 0.952, 0.2: 0.961). */
export const MINIMUM_SIMILARITY = 0.2;
const DEFAULT_LIMIT = 10;
/** The body is scored from its start only (see similar-scoring.ts), so no more is fetched. */
const BODY_FETCHED = 4000;

/** What to look for: the text being written or reviewed, and which existing items may answer. */
export type SimilarItemsQuery = {
  title: string;
  body?: string;
  keywords?: string[];
  /** Only items of these sessions, plus items without a session (imported history). */
  sessionIds?: string[];
  types?: SearchItemType[];
  excludeIds?: string[];
  /** Items in these states are left out (items without a state stay). */
  excludeStates?: string[];
  limit?: number;
  /** Scores below this are dropped (default MINIMUM_SIMILARITY). */
  minimumScore?: number;
};

/**
 * Profiles of indexed items by id and text digest: the same items come back as candidates again and again, and
 * segmenting their bodies is most of a query's time. A changed text has another digest, so nothing goes stale.
 */
const profileCache = new Map<string, TextProfile>();
const PROFILE_CACHE_SIZE = 20_000;

/** The profile of an indexed item, from the cache when its text is unchanged. */
function candidateProfile(id: string, title: string, body: string): TextProfile {
  const key = `${id}:${createHash('sha1').update(title).update('\u0000').update(body).digest('base64')}`;
  const known = profileCache.get(key);
  if (known) return known;
  const profile = profileText({ title, body });
  if (profileCache.size >= PROFILE_CACHE_SIZE) profileCache.delete(profileCache.keys().next().value as string);
  profileCache.set(key, profile);
  return profile;
}

type CandidateRow = {
  id: string;
  item_type: SearchItemType;
  session_id: string | null;
  number: string | null;
  title: string;
  state: string | null;
  body: string;
  occurred_epoch: number;
};

/** A Postgres text array parameter, bound as one value. */
function textArray(values: string[]): SQL {
  return sql`${`{${values.map((value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`}::text[]`;
}

/** The filters of a query as SQL conditions on `search_documents`. */
function filters(input: SimilarItemsQuery): SQL[] {
  const conditions: SQL[] = [];
  if (input.sessionIds) {
    conditions.push(sql`(session_id::text = any(${textArray(input.sessionIds)}) or session_id is null)`);
  }
  if (input.types) conditions.push(sql`item_type = any(${textArray(input.types)})`);
  if (input.excludeIds && input.excludeIds.length > 0) {
    conditions.push(sql`id::text <> all(${textArray(input.excludeIds)})`);
  }
  if (input.excludeStates && input.excludeStates.length > 0) {
    conditions.push(sql`(state is null or state <> all(${textArray(input.excludeStates)}))`);
  }
  return conditions;
}

/**
 * Existing items of a tenant that look like the given text, best first, with their score (0–1, 1 for the same
 * text) and shared key terms. Candidates come from the GIN index (any of the query's most telling words), a rough
 * score in SQL (the matched words' weights, doubled in a title) keeps the best hundred, and the full score in Node
 * (title-weighted term cosine plus title character n-grams) ranks them.
 */
export async function findSimilarItems(executor: Executor, orgId: string, input: SimilarItemsQuery): Promise<SimilarItem[]> {
  const query = profileText(input);
  const terms = keyTerms(query, RETRIEVAL_TERMS);
  if (terms.length === 0) return [];
  const rough = sql.join(
    terms.map(({ term, weight }) => {
      const lexeme = quoteLexeme(term);
      return sql`case when m.words @@ ${`${lexeme}:A`}::tsquery then ${2 * weight}::float8 when m.words @@ ${lexeme}::tsquery then ${weight}::float8 else 0 end`;
    }),
    sql` + `,
  );
  const conditions = [
    sql`org_id = ${orgId}`,
    sql`words @@ ${buildAnyWordTsquery(
      orgId,
      terms.map((entry) => entry.term),
    )}::tsquery`,
    ...filters(input),
  ];
  // The matches' vectors are decompressed once (ts_filter drops the tenant lexeme), not once per term of the rough score.
  const result = await executor.execute<CandidateRow>(sql`
    with matches as materialized (
      select id, occurred_at, ts_filter(words, '{a,b,c}') as words
      from search_documents
      where ${sql.join(conditions, sql` and `)}
    ), ranked as (
      select m.id, (${rough}) as rough, m.occurred_at
      from matches m
      order by rough desc, m.occurred_at desc, m.id
      limit ${CANDIDATES}
    )
    select d.id, d.item_type, d.session_id, d.number, d.title, d.state, left(d.body, ${BODY_FETCHED}) as body,
      extract(epoch from d.occurred_at)::float8 as occurred_epoch
    from ranked r join search_documents d on d.org_id = ${orgId} and d.id = r.id`);
  const minimum = input.minimumScore ?? MINIMUM_SIMILARITY;
  const scored = result.rows.map((row) => {
    const { score, sharedTerms } = scoreCandidate(query, candidateProfile(row.id, row.title, row.body));
    return { row, score: Math.round(score * 1000) / 1000, sharedTerms, occurredAt: Number(row.occurred_epoch) };
  });
  return scored
    .filter((entry) => entry.score >= minimum)
    .sort(
      (left, right) => right.score - left.score || right.occurredAt - left.occurredAt || (left.row.id < right.row.id ? -1 : 1),
    )
    .slice(0, input.limit ?? DEFAULT_LIMIT)
    .map(({ row, score, sharedTerms }) => ({
      id: row.id,
      type: row.item_type,
      sessionId: row.session_id,
      number: row.number,
      title: row.title,
      state: row.state,
      score,
      sharedTerms,
    }));
}
