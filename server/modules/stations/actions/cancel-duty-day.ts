import { and, eq } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { dayWithWeekday, loadDutyDayFor } from '../duty-days.queries.ts';
import { committeeToday } from '../stations.checks.ts';
import { canScheduleDutyAt } from '../stations.policy.ts';
import { dutyDayAuditView } from '../stations.presenter.ts';
import { loadStation } from '../stations.queries.ts';
import { stationDutyDays } from '../stations.tables.ts';
import { tellMember } from './schedule-duty-day.ts';

/** DELETE /station-duty-days/{id} (If-Match): cancels a duty day; the member is told when it was still ahead. */
export async function cancelDutyDay(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  context: RequestContext,
): Promise<void> {
  await deps.database.orm.transaction(async (tx) => {
    const current = await loadDutyDayFor(tx, actor, id, true);
    if (!canScheduleDutyAt(actor, current.stationId)) throw forbidden('您无权取消该接待日');
    if (current.version !== version) throw versionConflict('接待日');
    const deleted = await tx
      .delete(stationDutyDays)
      .where(and(eq(stationDutyDays.orgId, actor.orgId), eq(stationDutyDays.id, id), eq(stationDutyDays.version, version)))
      .returning({ id: stationDutyDays.id });
    assertVersionMatched(deleted.length, '接待日');
    const station = await loadStation(tx, actor.orgId, current.stationId);
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'station_duty_day.cancelled',
      summary: `取消接待日：${dayWithWeekday(current.dutyDate)}，${station.name}`,
      actor,
      subjectType: 'station_duty_day',
      subjectId: id,
      before: dutyDayAuditView(current),
      context,
    });
    await tellMember(tx, actor.orgId, await committeeToday(tx, deps, actor.orgId), current, station, 'cancelled');
  });
}
