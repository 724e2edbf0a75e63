import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { type PortalStationList, type StationKind, stationKindNames } from '../../../contracts/stations.ts';
import { addDays } from '../../platform/calendar/business-date.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { members } from '../people/people.tables.ts';
import { portalOrganization } from '../portal/portal.queries.ts';
import { committeeToday } from './stations.checks.ts';
import { attachedMembers } from './stations.queries.ts';
import { stationDutyDays, stations } from './stations.tables.ts';

/** How far ahead the portal lists duty days, and how many per station. */
const UPCOMING_DAYS = 30;
const UPCOMING_PER_STATION = 6;

/**
 * GET /portal/stations?org=: the committee's stations and studios in use, for the public: name, kind, address,
 * opening hours, the attached members' names and the coming duty days. No staff, no visits, no personal data.
 */
export async function portalStations(deps: AppDependencies, code: string): Promise<PortalStationList> {
  const executor = deps.database.orm;
  const organization = await portalOrganization(executor, code);
  const rows = await executor
    .select()
    .from(stations)
    .where(and(eq(stations.orgId, organization.id), eq(stations.active, true)))
    .orderBy(asc(stations.sortOrder), asc(stations.name))
    .limit(500);
  const ids = rows.map((row) => row.id);
  const membersOf = await attachedMembers(executor, organization.id, ids, { activeOnly: true });
  const today = await committeeToday(executor, deps, organization.id);
  const duties =
    ids.length === 0
      ? []
      : await executor
          .select({ stationId: stationDutyDays.stationId, date: stationDutyDays.dutyDate, memberName: members.name })
          .from(stationDutyDays)
          .innerJoin(members, and(eq(members.orgId, stationDutyDays.orgId), eq(members.id, stationDutyDays.memberId)))
          .where(
            and(
              eq(stationDutyDays.orgId, organization.id),
              eq(members.state, 'active'),
              inArray(stationDutyDays.stationId, ids),
              gte(stationDutyDays.dutyDate, today),
              lte(stationDutyDays.dutyDate, addDays(today, UPCOMING_DAYS)),
            ),
          )
          .orderBy(asc(stationDutyDays.dutyDate), asc(members.name));
  return {
    organization: { name: organization.name },
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind as StationKind,
      kindName: stationKindNames[row.kind as StationKind] ?? row.kind,
      address: row.address,
      openingHours: row.openingHours,
      description: row.description,
      memberNames: (membersOf.get(row.id) ?? []).map((member) => member.name),
      upcomingDutyDays: duties
        .filter((duty) => duty.stationId === row.id)
        .slice(0, UPCOMING_PER_STATION)
        .map((duty) => ({ date: duty.date, memberName: duty.memberName })),
    })),
  };
}
