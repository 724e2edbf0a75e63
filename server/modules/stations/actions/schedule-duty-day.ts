import type { z } from 'zod';
import type { DutyDay, dutyDayCreateSchema } from '../../../../contracts/stations.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { badRequest, conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { notify } from '../../notifications/notify.ts';
import { dayWithWeekday, presentDutyDays } from '../duty-days.queries.ts';
import { assertAttached, assertStationActive, committeeToday } from '../stations.checks.ts';
import { canScheduleDutyAt } from '../stations.policy.ts';
import { dutyDayAuditView, type StationRow } from '../stations.presenter.ts';
import { loadStation } from '../stations.queries.ts';
import { stationDutyDays } from '../stations.tables.ts';

export type DutyDayCreate = z.output<typeof dutyDayCreateSchema>;

/** The 409 of a member already on duty at the station that day. */
export const dutyTaken = () => conflict('该委员当天已安排在本站接待', 'duty_day_taken');

/** Tells the member of a duty day (in-app, and its SMS copy) when the day is today or later. */
export async function tellMember(
  tx: Transaction,
  orgId: string,
  today: string,
  duty: { id: string; memberId: string; dutyDate: string; note: string | null },
  station: StationRow,
  change: 'scheduled' | 'cancelled',
): Promise<void> {
  if (duty.dutyDate < today) return;
  const when = dayWithWeekday(duty.dutyDate);
  await notify(
    tx,
    orgId,
    { memberIds: [duty.memberId] },
    change === 'scheduled'
      ? {
          title: `接待日安排：${when}`,
          body: `您已被安排于 ${when} 在${station.name}（${station.address}，${station.openingHours}）接待群众。${duty.note ? `备注：${duty.note}` : ''}`,
          subjectType: 'station_duty_day',
          subjectId: duty.id,
          link: '/my-duty-days',
        }
      : {
          title: `接待日取消：${when}`,
          body: `您于 ${when} 在${station.name}的接待日已取消。`,
          subjectType: 'station_duty_day',
          subjectId: duty.id,
          link: '/my-duty-days',
        },
  );
}

/**
 * POST /station-duty-days: the office (any station) or a station's staff (their station) schedule a member's duty
 * day (接待日); the member must be attached to the station and is told.
 */
export async function scheduleDutyDay(
  deps: AppDependencies,
  actor: Actor,
  input: DutyDayCreate,
  context: RequestContext,
): Promise<DutyDay> {
  const stationId = input.stationId ?? actor.stationId ?? null;
  if (!stationId) {
    throw badRequest('请选择安排接待的联络站', [{ field: 'stationId', message: '请选择联络站' }], 'station_required');
  }
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const station = await loadStation(tx, actor.orgId, stationId);
      if (!canScheduleDutyAt(actor, station.id)) throw forbidden('您只能安排本站的接待日');
      assertStationActive(station);
      await assertAttached(tx, actor.orgId, station, [input.memberId], 'memberId');
      const now = deps.now().toISOString();
      const [row] = await tx
        .insert(stationDutyDays)
        .values({
          orgId: actor.orgId,
          stationId: station.id,
          memberId: input.memberId,
          dutyDate: input.dutyDate,
          note: input.note,
          scheduledBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw dutyTaken();
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'station_duty_day.scheduled',
        summary: `安排接待日：${dayWithWeekday(row.dutyDate)}，${station.name}`,
        actor,
        subjectType: 'station_duty_day',
        subjectId: row.id,
        after: dutyDayAuditView(row),
        context,
      });
      await tellMember(tx, actor.orgId, await committeeToday(tx, deps, actor.orgId), row, station, 'scheduled');
      const [duty] = await presentDutyDays(tx, actor.orgId, [row]);
      return duty;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'station_duty_days_once')) throw dutyTaken();
    throw error;
  }
}
