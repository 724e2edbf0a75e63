import { and, count, eq, gt, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Member, MemberFilter, MemberPage, memberListQuerySchema } from '../../../contracts/people.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { blindIndex } from '../../platform/crypto/hashing.ts';
import type { Executor } from '../../platform/db/database.ts';
import { decodeCursor, encodeCursor, likePattern } from '../../platform/http/paging.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { dictionaryNames } from './people.lookups.ts';
import { canManageMembers, canReadMembers, canSeeMemberDetails, type PolicyActor } from './people.policy.ts';
import { type MemberRow, presentMember } from './people.presenter.ts';
import { members } from './people.tables.ts';

/** The conditions of a member filter, always within the committee. `q` finds a name. */
export function memberConditions(orgId: string, filter: MemberFilter): SQL[] {
  const conditions: SQL[] = [eq(members.orgId, orgId)];
  const q = filter.q?.trim();
  if (q) conditions.push(ilike(members.name, likePattern(q)));
  if (filter.sectorId) conditions.push(eq(members.sectorId, filter.sectorId));
  if (filter.partyId) conditions.push(eq(members.partyId, filter.partyId));
  if (filter.committeeId) conditions.push(eq(members.committeeId, filter.committeeId));
  if (filter.groupId) conditions.push(eq(members.groupId, filter.groupId));
  if (filter.standingCommittee !== undefined) conditions.push(eq(members.isStandingCommittee, filter.standingCommittee));
  if (filter.state) conditions.push(eq(members.state, filter.state));
  return conditions;
}

/**
 * Members as this reader may see them (the roster view unless they keep the roster: canSeeMemberDetails), with
 * dictionary names resolved in one query. Every route that returns members presents them here.
 */
export async function presentMembers(
  executor: Executor,
  deps: AppDependencies,
  reader: PolicyActor & { orgId: string },
  rows: MemberRow[],
): Promise<Member[]> {
  const view = canSeeMemberDetails(reader) ? 'full' : 'roster';
  const names = await dictionaryNames(
    executor,
    reader.orgId,
    rows.flatMap((row) => [row.sectorId, view === 'full' ? row.partyId : null, row.committeeId, row.groupId]),
  );
  return rows.map((row) => presentMember(row, names, deps.cipher, view));
}

/** 403 when a reader who may not see members' parties filters by one (the filter would tell them). */
function assertFilterAllowed(actor: Actor, filter: MemberFilter): void {
  if (filter.partyId && !canSeeMemberDetails(actor)) throw forbidden('您无权按党派筛选委员');
}

/** One page of the committee's members (in roster order) and the total matching the filter. */
export async function listMembers(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof memberListQuerySchema>,
): Promise<MemberPage> {
  if (!canReadMembers(actor)) throw forbidden('您无权查看委员名单');
  assertFilterAllowed(actor, query);
  const executor = deps.database.orm;
  const conditions = memberConditions(actor.orgId, query);
  const after = decodeCursor(query.cursor, ['s']);
  const rows = await executor
    .select()
    .from(members)
    .where(and(...conditions, after ? gt(members.id, after[0] as string) : undefined))
    .orderBy(members.id)
    .limit(query.limit + 1);
  const [{ total }] = await executor
    .select({ total: count() })
    .from(members)
    .where(and(...conditions));
  const page = rows.slice(0, query.limit);
  return {
    items: await presentMembers(executor, deps, actor, page),
    nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1].id]) : null,
    total,
  };
}

/** Every member matching the filter, for the Excel export. */
export async function findMembers(deps: AppDependencies, actor: Actor, filter: MemberFilter): Promise<Member[]> {
  if (!canReadMembers(actor)) throw forbidden('您无权导出委员名单');
  assertFilterAllowed(actor, filter);
  const rows = await deps.database.orm
    .select()
    .from(members)
    .where(and(...memberConditions(actor.orgId, filter)))
    .orderBy(members.id);
  return presentMembers(deps.database.orm, deps, actor, rows);
}

/** Members of the committee with exactly this ID number or mobile (by their blind indexes). */
export async function lookupMembers(
  deps: AppDependencies,
  actor: Actor,
  input: { idNumber?: string; mobile?: string },
): Promise<Member[]> {
  if (!canManageMembers(actor)) throw forbidden('您无权按身份证号或手机号查找委员');
  const secret = deps.config.sessionSecret;
  const matches = [
    input.idNumber ? eq(members.idNumberHash, blindIndex(secret, input.idNumber)) : undefined,
    input.mobile ? eq(members.mobileHash, blindIndex(secret, input.mobile)) : undefined,
  ].filter((condition) => condition !== undefined);
  const rows = await deps.database.orm
    .select()
    .from(members)
    .where(and(eq(members.orgId, actor.orgId), or(...matches)))
    .orderBy(members.id)
    .limit(50);
  return presentMembers(deps.database.orm, deps, actor, rows);
}

/** A member row of the actor's committee, locked for update inside a transaction when `lock` is set; 404 otherwise. */
export async function loadMember(executor: Executor, orgId: string, id: string, lock = false): Promise<MemberRow> {
  const query = executor
    .select()
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('委员');
  return row;
}

/** A member as staff see it; 404 outside the actor's committee. */
export async function getMember(deps: AppDependencies, actor: Actor, id: string): Promise<Member> {
  const row = await loadMember(deps.database.orm, actor.orgId, id);
  if (!canReadMembers(actor)) throw forbidden('您无权查看委员信息');
  const [member] = await presentMembers(deps.database.orm, deps, actor, [row]);
  return member;
}
