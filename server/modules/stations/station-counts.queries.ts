import { and, asc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type StationCountRow,
  type StationCounts,
  type StationKind,
  stationCountDefinitions,
  type stationCountsQuerySchema,
} from '../../../contracts/stations.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { microSuggestions } from '../micro-suggestions/micro-suggestions.tables.ts';
import { canListVisits } from './stations.policy.ts';
import { stations, stationVisits } from './stations.tables.ts';

/** A micro-suggestion raised from a visit counts as resolved in this state (its handling is complete). */
const RESOLVED_STATE = 'resolved';

/**
 * GET /stations/counts: per station, over the visits dated in the period (all time without one): visitors,
 * matters, closed on the spot, still open, micro-suggestions raised and of those resolved (both read from the
 * micro-suggestion table through the link each converted visit keeps). The office sees every station; station
 * staff their own.
 */
export async function stationCounts(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof stationCountsQuerySchema>,
): Promise<StationCounts> {
  if (!canListVisits(actor)) throw forbidden('您无权查看联络站统计');
  const office = actor.roles.includes('proposal_office');
  if (!office && query.stationId && query.stationId !== actor.stationId) throw forbidden('您只能查看本站的统计');
  const stationId = office ? query.stationId : (actor.stationId ?? undefined);
  const visitJoin: SQL[] = [eq(stationVisits.orgId, stations.orgId), eq(stationVisits.stationId, stations.id)];
  if (query.from) visitJoin.push(gte(stationVisits.visitDate, query.from));
  if (query.to) visitJoin.push(lte(stationVisits.visitDate, query.to));
  const where: SQL[] = [eq(stations.orgId, actor.orgId)];
  if (stationId) where.push(eq(stations.id, stationId));
  const rows = await deps.database.orm
    .select({
      stationId: stations.id,
      stationName: stations.name,
      kind: stations.kind,
      visitors: sql<number>`coalesce(sum(${stationVisits.visitorCount}), 0)::int`,
      matters: sql<number>`count(${stationVisits.id})::int`,
      closedOnSpot: sql<number>`(count(${stationVisits.id}) filter (where ${stationVisits.state} = 'closed'))::int`,
      open: sql<number>`(count(${stationVisits.id}) filter (where ${stationVisits.state} = 'open'))::int`,
      raised: sql<number>`count(${microSuggestions.id})::int`,
      resolved: sql<number>`(count(${microSuggestions.id}) filter (where ${microSuggestions.state} = ${RESOLVED_STATE}))::int`,
    })
    .from(stations)
    .leftJoin(stationVisits, and(...visitJoin))
    .leftJoin(
      microSuggestions,
      and(eq(microSuggestions.orgId, stationVisits.orgId), eq(microSuggestions.id, stationVisits.microSuggestionId)),
    )
    .where(and(...where))
    .groupBy(stations.id, stations.name, stations.kind, stations.sortOrder)
    .orderBy(asc(stations.sortOrder), asc(stations.name));
  const items: StationCountRow[] = rows.map((row) => ({ ...row, kind: row.kind as StationKind }));
  const sum = (key: 'visitors' | 'matters' | 'closedOnSpot' | 'open' | 'raised' | 'resolved') =>
    items.reduce((total, item) => total + item[key], 0);
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    items,
    total: {
      visitors: sum('visitors'),
      matters: sum('matters'),
      closedOnSpot: sum('closedOnSpot'),
      open: sum('open'),
      raised: sum('raised'),
      resolved: sum('resolved'),
    },
    definitions: { ...stationCountDefinitions },
  };
}
