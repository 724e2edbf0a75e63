import { and, asc, desc, eq, gt, inArray, isNull, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ProposalSummary, proposalListQuerySchema } from '../../../contracts/proposals.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';
import { decodeCursor, encodeCursor, likePattern } from '../../platform/http/paging.ts';
import { badRequest } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { buildTsquery, isEmptyQuery, parseQuery } from '../../platform/search/query.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { members } from '../people/people.tables.ts';
import { repliedStates } from '../publication/publication.policy.ts';
import { searchDocuments } from '../search/search.tables.ts';
import { filedAndLaterStates, privateStates } from './proposals.policy.ts';
import { presentProposalSummary } from './proposals.presenter.ts';
import { proposalCoSigners, proposals } from './proposals.tables.ts';

/** The query of the proposal list (and of its Excel export, which ignores the paging fields). */
export type ProposalListQuery = z.output<typeof proposalListQuerySchema>;
/** The filters of the list without its paging fields (the export takes these). */
export type ProposalFilters = Omit<ProposalListQuery, 'cursor' | 'limit'>;
/** The orders the list offers. */
export type ProposalSort = 'newest' | 'oldest' | 'number' | 'waiting';

/** True (SQL) when the member holds a non-cancelled invitation to co-sign the listed proposal. */
function invitedCondition(memberId: string, states: 'live' | 'invited' | 'accepted'): SQL {
  const stateCondition =
    states === 'live'
      ? sql`${proposalCoSigners.state} <> 'cancelled'`
      : sql`${proposalCoSigners.state} = ${states === 'invited' ? 'invited' : 'accepted'}`;
  return sql`exists (select 1 from ${proposalCoSigners} where ${proposalCoSigners.orgId} = ${proposals.orgId}
    and ${proposalCoSigners.proposalId} = ${proposals.id} and ${proposalCoSigners.memberId} = ${memberId}
    and ${stateCondition})`;
}

/** The actor's own proposals: those they created, and (as a member) those they lead. */
function ownCondition(actor: Actor): SQL {
  const lead = actor.memberId && hasAnyRole(actor, 'member') ? eq(proposals.leadMemberId, actor.memberId) : sql`false`;
  return or(eq(proposals.createdBy, actor.userId), lead) as SQL;
}

/**
 * Which proposals the actor may read, as one SQL condition: the same rule as `canReadProposal` in
 * proposals.policy.ts. Own proposals (created or led); invitations to co-sign (not cancelled); proposals into
 * which one of the member's own proposals was merged (lead or accepted co-signer of the source); for unit users
 * (unit_handler, unit_leader with a unit) every proposal with an assignment row of their unit, also a replaced
 * one; for supervisors and leaders every proposal from filing on; for the proposal office every submitted
 * proposal and every collective one. The committee condition (org_id) is added by the caller.
 */
export function proposalVisibility(actor: Actor): SQL {
  // The narrow rules are one set of ids built from indexed lookups (a union), not OR'ed EXISTS per row: OR'ed,
  // PostgreSQL walked the whole committee's proposals and filtered each one (bench/proposal-endpoints.ts at 100k:
  // a member's rare-word search 180–240 ms → 4.5 ms as a union).
  const orgId = actor.orgId;
  const narrow: SQL[] = [sql`select p.id from proposals p where p.org_id = ${orgId} and p.created_by = ${actor.userId}`];
  if (actor.memberId) {
    const memberId = actor.memberId;
    if (hasAnyRole(actor, 'member')) {
      narrow.push(sql`select p.id from proposals p where p.org_id = ${orgId} and p.lead_member_id = ${memberId}`);
    }
    narrow.push(sql`select c.proposal_id from proposal_co_signers c
      where c.org_id = ${orgId} and c.member_id = ${memberId} and c.state <> 'cancelled'`);
    narrow.push(sql`select m.merged_into_id from proposals m
      where m.org_id = ${orgId} and m.lead_member_id = ${memberId} and m.merged_into_id is not null`);
    narrow.push(sql`select m.merged_into_id from proposal_co_signers c
      join proposals m on m.org_id = c.org_id and m.id = c.proposal_id
      where c.org_id = ${orgId} and c.member_id = ${memberId} and c.state = 'accepted' and m.merged_into_id is not null`);
  }
  if (actor.unitId && hasAnyRole(actor, 'unit_handler', 'unit_leader')) {
    narrow.push(sql`select a.item_id from item_assignments a where a.org_id = ${orgId} and a.unit_id = ${actor.unitId}`);
  }
  const conditions: SQL[] = [sql`${proposals.id} in (${sql.join(narrow, sql` union `)})`];
  if (hasAnyRole(actor, 'supervisor', 'leader')) conditions.push(inArray(proposals.state, [...filedAndLaterStates]));
  if (hasAnyRole(actor, 'proposal_office')) {
    conditions.push(or(eq(proposals.authorType, 'collective'), notInArray(proposals.state, [...privateStates])) as SQL);
  }
  return or(...conditions) as SQL;
}

/** The filter conditions of a list query (visibility included), without paging. */
export function proposalConditions(actor: Actor, query: ProposalFilters): SQL[] {
  const conditions: SQL[] = [
    eq(proposals.orgId, actor.orgId),
    query.mine === 'true' ? ownCondition(actor) : proposalVisibility(actor),
  ];
  if (query.awaitingMyAnswer === 'true') {
    conditions.push(actor.memberId ? invitedCondition(actor.memberId, 'invited') : sql`false`);
    conditions.push(eq(proposals.state, 'co_signing'));
  }
  if (query.queue === 'review') conditions.push(eq(proposals.state, 'submitted'));
  if (query.sessionId) conditions.push(eq(proposals.sessionId, query.sessionId));
  if (query.state) conditions.push(eq(proposals.state, query.state));
  if (query.categoryId) conditions.push(eq(proposals.categoryId, query.categoryId));
  if (query.kind) conditions.push(eq(proposals.kind, query.kind));
  if (query.authorType) conditions.push(eq(proposals.authorType, query.authorType));
  if (query.sectorId) conditions.push(eq(members.sectorId, query.sectorId));
  if (query.partyId) conditions.push(eq(members.partyId, query.partyId));
  if (query.unitId) {
    conditions.push(sql`exists (select 1 from ${itemAssignments} where ${itemAssignments.orgId} = ${proposals.orgId}
      and ${itemAssignments.itemId} = ${proposals.id} and ${itemAssignments.unitId} = ${query.unitId}
      and ${itemAssignments.state} <> 'reassigned')`);
  }
  if (query.proposerMemberId) {
    conditions.push(
      or(eq(proposals.leadMemberId, query.proposerMemberId), invitedCondition(query.proposerMemberId, 'accepted')) as SQL,
    );
  }
  if (query.publication === 'pending') {
    const replied = [...repliedStates];
    conditions.push(
      or(
        inArray(proposals.state, replied),
        and(eq(proposals.state, 'archived'), inArray(proposals.stateBeforeArchive, replied)),
      ) as SQL,
      isNull(proposals.publicationDecision),
    );
  }
  if (query.publication === 'published') {
    conditions.push(inArray(proposals.publicationDecision, ['published', 'partly_published']));
  }
  if (query.publication === 'not_published') conditions.push(eq(proposals.publicationDecision, 'not_published'));
  if (query.q) conditions.push(textCondition(actor.orgId, query.q));
  return conditions;
}

/**
 * The list's `q`: the words of title, key words and body through the search index (繁简通查, jieba words, quoted
 * phrases), or the proposer's name (lead member or collective author, not in the index) as a substring. A query
 * with no searchable word (only punctuation or stop words) matches by name only.
 */
function textCondition(orgId: string, text: string): SQL {
  const pattern = likePattern(text.trim());
  const byName = sql`${members.name} ilike ${pattern} or ${proposals.collectiveAuthorName} ilike ${pattern}`;
  const parsed = parseQuery(text);
  if (isEmptyQuery(parsed)) return sql`(${byName})`;
  return sql`(${proposals.id} in (select ${searchDocuments.id} from ${searchDocuments}
      where ${searchDocuments.orgId} = ${orgId} and ${searchDocuments.itemType} = 'proposal'
      and ${searchDocuments.words} @@ ${buildTsquery(orgId, parsed)}::tsquery)
    or ${byName})`;
}

/** The order asked for: an explicit sort wins; the review queue defaults to the longest waiting first. */
export function sortOf(query: Pick<ProposalListQuery, 'sort' | 'queue'>): ProposalSort {
  return query.sort ?? (query.queue === 'review' ? 'waiting' : 'newest');
}

/** ORDER BY of a sort; id breaks ties so the order is total and keyset paging is exact. */
export function orderOf(sort: ProposalSort): SQL[] {
  switch (sort) {
    case 'oldest':
      return [asc(proposals.id)];
    case 'number':
      return [sql`${proposals.sequence} asc nulls last`, asc(proposals.id)];
    case 'waiting':
      return [sql`${proposals.submittedAt} asc nulls last`, asc(proposals.id)];
    default:
      return [desc(proposals.id)];
  }
}

/** The waiting sort key of a row: submittedAt in UTC to the microsecond, so paging never skips or repeats a row. */
const waitingKey = sql<string | null>`to_char(${proposals.submittedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WAITING_KEY_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** True when a cursor's instant is one `waitingKey` could have produced (a real date and time). */
function isWaitingKey(value: string): boolean {
  if (!WAITING_KEY_PATTERN.test(value)) return false;
  const milliseconds = `${value.slice(0, 23)}Z`;
  const parsed = new Date(milliseconds);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString() === milliseconds;
}

/** The 400 of a cursor that does not fit the query. */
const badCursor = (detail = '分页游标无效，请从第一页重新查询') =>
  badRequest(detail, [{ field: 'cursor', message: '分页游标无效' }], 'bad_cursor');

/** Rows after the cursor's row in the given order. A row whose key is null sorts last. */
function afterCursor(sort: ProposalSort, cursor: string | undefined): SQL | null {
  const types: ('s' | 'n')[] = sort === 'number' ? ['s', 'n', 's'] : sort === 'waiting' ? ['s', 's', 's'] : ['s', 's'];
  const key = decodeCursor(cursor, types);
  if (!key) return null;
  if (key[0] !== sort) {
    throw badCursor('分页游标与排序方式不符，请从第一页重新查询');
  }
  const id = String(key[key.length - 1]);
  if (!UUID_PATTERN.test(id)) throw badCursor();
  if (sort === 'newest') return lt(proposals.id, id);
  if (sort === 'oldest') return gt(proposals.id, id);
  if (sort === 'number') {
    const sequence = Number(key[1]);
    if (sequence < 0) return and(isNull(proposals.sequence), gt(proposals.id, id)) as SQL;
    return sql`(${proposals.sequence} > ${sequence} or (${proposals.sequence} = ${sequence} and ${proposals.id} > ${id})
      or ${proposals.sequence} is null)`;
  }
  const submittedAt = String(key[1]);
  if (submittedAt === '') return and(isNull(proposals.submittedAt), gt(proposals.id, id)) as SQL;
  if (!isWaitingKey(submittedAt)) throw badCursor();
  return sql`(${proposals.submittedAt} > ${submittedAt}::timestamptz
    or (${proposals.submittedAt} = ${submittedAt}::timestamptz and ${proposals.id} > ${id})
    or ${proposals.submittedAt} is null)`;
}

/** The cursor pointing after a row. */
function cursorAfter(sort: ProposalSort, row: { id: string; sequence: number | null; waitingKey: string | null }): string {
  if (sort === 'number') return encodeCursor([sort, row.sequence ?? -1, row.id]);
  if (sort === 'waiting') return encodeCursor([sort, row.waitingKey ?? '', row.id]);
  return encodeCursor([sort, row.id]);
}

/**
 * GET /proposals: the proposals the actor may read (see `proposalVisibility`), filtered and sorted, with
 * cursor paging; one SQL statement. `awaitingMyAnswer=true` is the co-signing inbox, `queue=review` the
 * office's review queue (submitted, longest waiting first).
 */
export async function listProposals(
  deps: AppDependencies,
  actor: Actor,
  query: ProposalListQuery,
): Promise<{ items: ProposalSummary[]; nextCursor: string | null }> {
  const sort = sortOf(query);
  const conditions = proposalConditions(actor, query);
  const after = afterCursor(sort, query.cursor);
  if (after) conditions.push(after);
  const rows = await deps.database.orm
    .select({ proposal: proposals, leadName: members.name, waitingKey })
    .from(proposals)
    .leftJoin(members, and(eq(members.orgId, proposals.orgId), eq(members.id, proposals.leadMemberId)))
    .where(and(...conditions))
    .orderBy(...orderOf(sort))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ proposal, leadName }) => presentProposalSummary(proposal, leadName)),
    nextCursor:
      rows.length > query.limit && last
        ? cursorAfter(sort, { id: last.proposal.id, sequence: last.proposal.sequence, waitingKey: last.waitingKey })
        : null,
  };
}
