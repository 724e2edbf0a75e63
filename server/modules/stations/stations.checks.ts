import { eq } from 'drizzle-orm';
import { businessDate } from '../../platform/calendar/business-date.ts';
import type { Executor } from '../../platform/db/database.ts';
import { conflict, unprocessable } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { organizations } from '../orgs/orgs.tables.ts';
import type { StationRow } from './stations.presenter.ts';
import { attachedMemberIds } from './stations.queries.ts';

/** Today's business date in the committee's time zone. */
export async function committeeToday(executor: Executor, deps: AppDependencies, orgId: string): Promise<string> {
  const [row] = await executor
    .select({ timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return businessDate(deps.now(), row?.timeZone || undefined);
}

/** 409 when the station is no longer in use: nothing new is recorded or scheduled there. */
export function assertStationActive(station: StationRow): void {
  if (!station.active) throw conflict(`“${station.name}”已停用，不能再登记或安排`, 'station_inactive');
}

/** 422 unless every member is attached to the station (members present at a visit, a duty day's member). */
export async function assertAttached(
  executor: Executor,
  orgId: string,
  station: StationRow,
  memberIds: readonly string[],
  field: string,
): Promise<void> {
  if (memberIds.length === 0) return;
  const attached = new Set(await attachedMemberIds(executor, orgId, station.id));
  if (memberIds.some((id) => !attached.has(id))) {
    throw unprocessable(
      `委员须是“${station.name}”的驻站委员`,
      [{ field, message: '有委员不是本站的驻站委员' }],
      'member_not_attached',
    );
  }
}

/** 422 when a visit's date lies after today: a visit is recorded when or after it happens. */
export function assertNotFuture(visitDate: string, today: string): void {
  if (visitDate > today) {
    throw unprocessable('来访日期不能晚于今天', [{ field: 'visitDate', message: '来访日期不能晚于今天' }], 'future_visit');
  }
}
