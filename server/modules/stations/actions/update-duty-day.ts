import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DutyDay, dutyDayUpdateSchema } from '../../../../contracts/stations.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { changedFields } from '../../people/actions/update-member.ts';
import { dayWithWeekday, loadDutyDayFor, presentDutyDays } from '../duty-days.queries.ts';
import { assertAttached, committeeToday } from '../stations.checks.ts';
import { canScheduleDutyAt } from '../stations.policy.ts';
import { dutyDayAuditView } from '../stations.presenter.ts';
import { loadStation } from '../stations.queries.ts';
import { stationDutyDays } from '../stations.tables.ts';
import { dutyTaken, tellMember } from './schedule-duty-day.ts';

export type DutyDayUpdate = z.output<typeof dutyDayUpdateSchema>;

/**
 * PATCH /station-duty-days/{id} (If-Match): moves a duty day to another date or member, or changes its note. When
 * the date or the member changes, the member who had it is told it is cancelled and the one who has it now is told.
 */
export async function updateDutyDay(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: DutyDayUpdate,
  context: RequestContext,
): Promise<DutyDay> {
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const current = await loadDutyDayFor(tx, actor, id, true);
      if (!canScheduleDutyAt(actor, current.stationId)) throw forbidden('您无权调整该接待日');
      if (current.version !== version) throw versionConflict('接待日');
      const station = await loadStation(tx, actor.orgId, current.stationId);
      if (input.memberId && input.memberId !== current.memberId) {
        await assertAttached(tx, actor.orgId, station, [input.memberId], 'memberId');
      }
      const updated = await tx
        .update(stationDutyDays)
        .set({
          ...(input.dutyDate ? { dutyDate: input.dutyDate } : {}),
          ...(input.memberId ? { memberId: input.memberId } : {}),
          ...(input.note === undefined ? {} : { note: input.note }),
          version: version + 1,
          updatedAt: deps.now().toISOString(),
        })
        .where(and(eq(stationDutyDays.orgId, actor.orgId), eq(stationDutyDays.id, id), eq(stationDutyDays.version, version)))
        .returning();
      assertVersionMatched(updated.length, '接待日');
      const row = updated[0];
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'station_duty_day.updated',
        summary: `调整接待日：${dayWithWeekday(row.dutyDate)}，${station.name}`,
        actor,
        subjectType: 'station_duty_day',
        subjectId: id,
        ...changedFields(dutyDayAuditView(current), dutyDayAuditView(row)),
        context,
      });
      const moved = row.dutyDate !== current.dutyDate || row.memberId !== current.memberId;
      if (moved || row.note !== current.note) {
        const today = await committeeToday(tx, deps, actor.orgId);
        if (moved) await tellMember(tx, actor.orgId, today, current, station, 'cancelled');
        await tellMember(tx, actor.orgId, today, row, station, 'scheduled');
      }
      const [duty] = await presentDutyDays(tx, actor.orgId, [row]);
      return duty;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'station_duty_days_once')) throw dutyTaken();
    throw error;
  }
}
