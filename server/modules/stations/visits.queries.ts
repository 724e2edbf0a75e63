import { and, asc, desc, eq, gte, inArray, lt, lte, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Visit, VisitPage, VisitState, visitListQuerySchema } from '../../../contracts/stations.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { isBusinessDate } from '../../platform/calendar/business-date.ts';
import type { Executor } from '../../platform/db/database.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/paging.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { availableActions } from '../../platform/workflow/workflow.ts';
import { memberNames } from '../people/people.lookups.ts';
import { canListVisits, canReadVisitsOf, canRecordVisitAt } from './stations.policy.ts';
import { presentVisit, type VisitRow } from './stations.presenter.ts';
import { stationNames } from './stations.queries.ts';
import { stationVisitMembers, stationVisits } from './stations.tables.ts';
import { stationVisitWorkflow } from './stations.workflow.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A visit the actor may read (the office; the staff of its station), optionally locked for update. Another
 * committee's visit, and another station's for station staff, is a 404.
 */
export async function loadVisitFor(executor: Executor, actor: Actor, id: string, lock = false): Promise<VisitRow> {
  const query = executor
    .select()
    .from(stationVisits)
    .where(and(eq(stationVisits.orgId, actor.orgId), eq(stationVisits.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !canReadVisitsOf(actor, row.stationId)) throw notFound('来访登记');
  return row;
}

/** The members present at each visit, in the order recorded, by visit id. */
export async function visitMemberIds(
  executor: Executor,
  orgId: string,
  visitIds: readonly string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(visitIds.map((id) => [id, []]));
  if (visitIds.length === 0) return result;
  const rows = await executor
    .select()
    .from(stationVisitMembers)
    .where(and(eq(stationVisitMembers.orgId, orgId), inArray(stationVisitMembers.visitId, [...visitIds])))
    .orderBy(asc(stationVisitMembers.sortOrder));
  for (const row of rows) result.get(row.visitId)?.push(row.memberId);
  return result;
}

/** Visits as the office and station staff see them, with the actions the actor may take on each now. */
export async function presentVisits(executor: Executor, deps: AppDependencies, actor: Actor, rows: VisitRow[]): Promise<Visit[]> {
  const present = await visitMemberIds(
    executor,
    actor.orgId,
    rows.map((row) => row.id),
  );
  const stations = await stationNames(
    executor,
    actor.orgId,
    rows.map((row) => row.stationId),
  );
  const names = await memberNames(executor, actor.orgId, [...present.values()].flat());
  return rows.map((row) => {
    const memberIds = present.get(row.id) ?? [];
    return presentVisit(row, {
      station: stations.get(row.stationId) ?? { id: row.stationId, name: '（已删除）' },
      members: memberIds.map((id) => names.get(id) ?? { id, name: '（已删除）' }),
      cipher: deps.cipher,
      actions: availableActions(
        stationVisitWorkflow,
        row.state as VisitState,
        actor.roles,
        (action) => canRecordVisitAt(actor, row.stationId) && (action !== 'convert' || memberIds.length > 0),
      ),
    });
  });
}

/**
 * GET /station-visits: newest visit first, one page. The office sees every station's (or one station's);
 * station staff only their own station's, whatever they ask.
 */
export async function listVisits(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof visitListQuerySchema>,
): Promise<VisitPage> {
  if (!canListVisits(actor)) throw forbidden('您无权查看来访登记');
  const conditions: SQL[] = [eq(stationVisits.orgId, actor.orgId)];
  const stationId = actor.roles.includes('proposal_office') ? query.stationId : (actor.stationId ?? undefined);
  if (query.stationId && stationId !== query.stationId) throw forbidden('您只能查看本站的来访登记');
  if (stationId) conditions.push(eq(stationVisits.stationId, stationId));
  if (query.state) conditions.push(eq(stationVisits.state, query.state));
  if (query.from) conditions.push(gte(stationVisits.visitDate, query.from));
  if (query.to) conditions.push(lte(stationVisits.visitDate, query.to));
  const after = decodeCursor(query.cursor, ['s', 's']);
  if (after) {
    const [date, id] = after as [string, string];
    if (!isBusinessDate(date) || !UUID.test(id)) {
      throw badRequest('分页游标无效，请从第一页重新查询', [{ field: 'cursor', message: '分页游标无效' }], 'bad_cursor');
    }
    conditions.push(or(lt(stationVisits.visitDate, date), and(eq(stationVisits.visitDate, date), lt(stationVisits.id, id)))!);
  }
  const rows = await deps.database.orm
    .select()
    .from(stationVisits)
    .where(and(...conditions))
    .orderBy(desc(stationVisits.visitDate), desc(stationVisits.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await presentVisits(deps.database.orm, deps, actor, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.visitDate, last.id]) : null,
  };
}

/** GET /station-visits/{id}. */
export async function getVisit(deps: AppDependencies, actor: Actor, id: string): Promise<Visit> {
  const row = await loadVisitFor(deps.database.orm, actor, id);
  const [visit] = await presentVisits(deps.database.orm, deps, actor, [row]);
  return visit;
}
