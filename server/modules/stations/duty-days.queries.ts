import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DutyDay, dutyDayListQuerySchema } from '../../../contracts/stations.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { dayOfWeek, toDayNumber } from '../../platform/calendar/business-date.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { memberNames } from '../people/people.lookups.ts';
import { canReadDutyDay, dutyDayListScope } from './stations.policy.ts';
import { type DutyDayRow, presentDutyDay } from './stations.presenter.ts';
import { stationNames } from './stations.queries.ts';
import { stationDutyDays } from './stations.tables.ts';

/** The longest span one duty-day list covers (a year and a bit: a year view with its edges). */
const MAX_SPAN_DAYS = 400;

const weekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "2026-03-05（周四）", as notices write a duty day. */
export function dayWithWeekday(date: string): string {
  return `${date}（${weekdays[dayOfWeek(date)]}）`;
}

/** A duty day the actor may read, optionally locked; another committee's, or one the actor may not read, is a 404. */
export async function loadDutyDayFor(executor: Executor, actor: Actor, id: string, lock = false): Promise<DutyDayRow> {
  const query = executor
    .select()
    .from(stationDutyDays)
    .where(and(eq(stationDutyDays.orgId, actor.orgId), eq(stationDutyDays.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !canReadDutyDay(actor, row)) throw notFound('接待日');
  return row;
}

/** Duty days with their stations' and members' names. */
export async function presentDutyDays(executor: Executor, orgId: string, rows: DutyDayRow[]): Promise<DutyDay[]> {
  const stations = await stationNames(
    executor,
    orgId,
    rows.map((row) => row.stationId),
  );
  const members = await memberNames(
    executor,
    orgId,
    rows.map((row) => row.memberId),
  );
  return rows.map((row) => presentDutyDay(row, stations, members));
}

/**
 * GET /station-duty-days: the duty days between two dates, by date. The office sees every station's; station
 * staff their station's; a member their own (the calendar of 我的接待日).
 */
export async function listDutyDays(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof dutyDayListQuerySchema>,
): Promise<{ items: DutyDay[] }> {
  if (toDayNumber(query.to) - toDayNumber(query.from) > MAX_SPAN_DAYS) {
    throw badRequest(`一次最多查询 ${MAX_SPAN_DAYS} 天的接待日`, [{ field: 'to', message: '日期范围过大' }], 'range_too_large');
  }
  const scope = dutyDayListScope(actor, { stationId: query.stationId, memberId: query.memberId });
  if (scope === 'forbidden') throw forbidden('您只能查看本站或本人的接待日');
  const conditions: SQL[] = [
    eq(stationDutyDays.orgId, actor.orgId),
    gte(stationDutyDays.dutyDate, query.from),
    lte(stationDutyDays.dutyDate, query.to),
  ];
  if (scope.stationId) conditions.push(eq(stationDutyDays.stationId, scope.stationId));
  if (scope.memberId) conditions.push(eq(stationDutyDays.memberId, scope.memberId));
  const rows = await deps.database.orm
    .select()
    .from(stationDutyDays)
    .where(and(...conditions))
    .orderBy(asc(stationDutyDays.dutyDate), asc(stationDutyDays.id))
    .limit(2000);
  return { items: await presentDutyDays(deps.database.orm, actor.orgId, rows) };
}
