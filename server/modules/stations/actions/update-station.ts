import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Station, stationUpdateSchema } from '../../../../contracts/stations.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { changedFields } from '../../people/actions/update-member.ts';
import { canManageStations } from '../stations.policy.ts';
import { stationAuditView } from '../stations.presenter.ts';
import { attachedMemberIds, loadStation, presentStations } from '../stations.queries.ts';
import { stations } from '../stations.tables.ts';
import { assertActiveMembers, duplicateStationName, replaceStationMembers } from './create-station.ts';

export type StationUpdate = z.output<typeof stationUpdateSchema>;

/**
 * PATCH /stations/{id} (If-Match): the office edits a station at the version it saw; `memberIds` replaces the
 * attached members (newly attached ones must be active members); `active: false` takes it off the portal.
 */
export async function updateStation(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: StationUpdate,
  context: RequestContext,
): Promise<Station> {
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const current = await loadStation(tx, actor.orgId, id, true);
      if (!canManageStations(actor)) throw forbidden('只有提案委可以维护联络站和委员工作室');
      if (current.version !== version) throw versionConflict('联络站信息');
      const currentMembers = await attachedMemberIds(tx, actor.orgId, id);
      if (input.memberIds) {
        await assertActiveMembers(
          tx,
          actor.orgId,
          input.memberIds.filter((memberId) => !currentMembers.includes(memberId)),
        );
      }
      if (input.name !== undefined && input.name !== current.name) {
        const [taken] = await tx
          .select({ id: stations.id })
          .from(stations)
          .where(and(eq(stations.orgId, actor.orgId), eq(stations.name, input.name), ne(stations.id, id)));
        if (taken) throw duplicateStationName(input.name);
      }
      const { memberIds, ...fields } = input;
      const updated = await tx
        .update(stations)
        .set({ ...fields, version: version + 1, updatedAt: deps.now().toISOString() })
        .where(and(eq(stations.orgId, actor.orgId), eq(stations.id, id), eq(stations.version, version)))
        .returning();
      assertVersionMatched(updated.length, '联络站信息');
      if (memberIds) await replaceStationMembers(tx, actor.orgId, id, memberIds);
      const row = updated[0];
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'station.updated',
        summary: `修改“${row.name}”的信息${memberIds ? '（含驻站委员）' : ''}`,
        actor,
        subjectType: 'station',
        subjectId: id,
        ...changedFields(stationAuditView(current, currentMembers), stationAuditView(row, memberIds ?? currentMembers)),
        context,
      });
      const [station] = await presentStations(tx, actor.orgId, [row]);
      return station;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'stations_name_unique') && input.name) throw duplicateStationName(input.name);
    throw error;
  }
}
