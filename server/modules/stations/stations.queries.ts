import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Station, stationListQuerySchema } from '../../../contracts/stations.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { likePattern } from '../../platform/http/paging.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { members, userRoles, users } from '../people/people.tables.ts';
import { canReadStations } from './stations.policy.ts';
import { type Named, presentStation, type StationRow } from './stations.presenter.ts';
import { stationMembers, stations } from './stations.tables.ts';

const unique = (ids: readonly (string | null | undefined)[]) => [...new Set(ids.filter((id): id is string => Boolean(id)))];

/** A station of the committee, optionally locked for update; 404 otherwise. */
export async function loadStation(executor: Executor, orgId: string, id: string, lock = false): Promise<StationRow> {
  const query = executor
    .select()
    .from(stations)
    .where(and(eq(stations.orgId, orgId), eq(stations.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('联络站');
  return row;
}

/** Names of stations by id (the accounts list shows a station staff account's station). */
export async function stationNames(
  executor: Executor,
  orgId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, Named>> {
  const wanted = unique(ids);
  if (wanted.length === 0) return new Map();
  const rows = await executor
    .select({ id: stations.id, name: stations.name })
    .from(stations)
    .where(and(eq(stations.orgId, orgId), inArray(stations.id, wanted)));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The attached members of each station, in their order, by station id (only members in office, when asked). */
export async function attachedMembers(
  executor: Executor,
  orgId: string,
  stationIds: readonly string[],
  options: { activeOnly?: boolean } = {},
): Promise<Map<string, Named[]>> {
  const result = new Map<string, Named[]>(stationIds.map((id) => [id, []]));
  if (stationIds.length === 0) return result;
  const conditions = [eq(stationMembers.orgId, orgId), inArray(stationMembers.stationId, [...stationIds])];
  if (options.activeOnly) conditions.push(eq(members.state, 'active'));
  const rows = await executor
    .select({ stationId: stationMembers.stationId, id: members.id, name: members.name })
    .from(stationMembers)
    .innerJoin(members, and(eq(members.orgId, stationMembers.orgId), eq(members.id, stationMembers.memberId)))
    .where(and(...conditions))
    .orderBy(asc(stationMembers.sortOrder), asc(members.name));
  for (const row of rows) result.get(row.stationId)?.push({ id: row.id, name: row.name });
  return result;
}

/** The active station staff accounts linked to each station, by station id. */
export async function stationStaff(
  executor: Executor,
  orgId: string,
  stationIds: readonly string[],
): Promise<Map<string, Named[]>> {
  const result = new Map<string, Named[]>(stationIds.map((id) => [id, []]));
  if (stationIds.length === 0) return result;
  const rows = await executor
    .selectDistinct({ stationId: users.stationId, id: users.id, name: users.displayName })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.orgId, users.orgId), eq(userRoles.userId, users.id)))
    .where(
      and(
        eq(users.orgId, orgId),
        inArray(users.stationId, [...stationIds]),
        eq(users.state, 'active'),
        eq(userRoles.role, 'station_staff'),
      ),
    )
    .orderBy(asc(users.displayName));
  for (const row of rows) if (row.stationId) result.get(row.stationId)?.push({ id: row.id, name: row.name });
  return result;
}

/** Stations as staff see them, with their members and staff. */
export async function presentStations(executor: Executor, orgId: string, rows: StationRow[]): Promise<Station[]> {
  const ids = rows.map((row) => row.id);
  const membersOf = await attachedMembers(executor, orgId, ids);
  const staffOf = await stationStaff(executor, orgId, ids);
  return rows.map((row) => presentStation(row, membersOf.get(row.id) ?? [], staffOf.get(row.id) ?? []));
}

/** The committee's stations and studios in their order (GET /stations). */
export async function listStations(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof stationListQuerySchema>,
): Promise<{ items: Station[] }> {
  if (!canReadStations(actor)) throw forbidden('您无权查看联络站');
  const conditions: SQL[] = [eq(stations.orgId, actor.orgId)];
  if (query.kind) conditions.push(eq(stations.kind, query.kind));
  if (query.active !== undefined) conditions.push(eq(stations.active, query.active));
  if (query.q) conditions.push(or(ilike(stations.name, likePattern(query.q)), ilike(stations.address, likePattern(query.q)))!);
  const rows = await deps.database.orm
    .select()
    .from(stations)
    .where(and(...conditions))
    .orderBy(asc(stations.sortOrder), asc(stations.name))
    .limit(1000);
  return { items: await presentStations(deps.database.orm, actor.orgId, rows) };
}

/** One station (GET /stations/{id}). */
export async function getStation(deps: AppDependencies, actor: Actor, id: string): Promise<Station> {
  if (!canReadStations(actor)) throw notFound('联络站');
  const row = await loadStation(deps.database.orm, actor.orgId, id);
  const [station] = await presentStations(deps.database.orm, actor.orgId, [row]);
  return station;
}

/** The ids of the members attached to a station. */
export async function attachedMemberIds(executor: Executor, orgId: string, stationId: string): Promise<string[]> {
  const rows = await executor
    .select({ memberId: stationMembers.memberId })
    .from(stationMembers)
    .where(and(eq(stationMembers.orgId, orgId), eq(stationMembers.stationId, stationId)))
    .orderBy(asc(stationMembers.sortOrder));
  return rows.map((row) => row.memberId);
}
