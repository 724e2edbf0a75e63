import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { type Station, type stationCreateSchema, stationKindNames } from '../../../../contracts/stations.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { members } from '../../people/people.tables.ts';
import { canManageStations } from '../stations.policy.ts';
import { stationAuditView } from '../stations.presenter.ts';
import { presentStations } from '../stations.queries.ts';
import { stationMembers, stations } from '../stations.tables.ts';

export type StationCreate = z.output<typeof stationCreateSchema>;

/** 422 unless every id names an active member of the committee. */
export async function assertActiveMembers(tx: Transaction, orgId: string, memberIds: readonly string[]): Promise<void> {
  if (memberIds.length === 0) return;
  const rows = await tx
    .select({ id: members.id, state: members.state })
    .from(members)
    .where(and(eq(members.orgId, orgId), inArray(members.id, [...memberIds])));
  const active = new Set(rows.filter((row) => row.state === 'active').map((row) => row.id));
  if (memberIds.some((id) => !active.has(id))) {
    throw unprocessable(
      '驻站委员须是本会在任的委员',
      [{ field: 'memberIds', message: '有委员不存在或已停用' }],
      'unknown_member',
    );
  }
}

/** Replaces the members attached to a station (in the order given). */
export async function replaceStationMembers(tx: Transaction, orgId: string, stationId: string, memberIds: readonly string[]) {
  await tx.delete(stationMembers).where(and(eq(stationMembers.orgId, orgId), eq(stationMembers.stationId, stationId)));
  if (memberIds.length > 0) {
    await tx
      .insert(stationMembers)
      .values(memberIds.map((memberId, index) => ({ orgId, stationId, memberId, sortOrder: index })));
  }
}

/** The 409 of a name another station of the committee already has. */
export const duplicateStationName = (name: string) => conflict(`已有名为“${name}”的联络站或工作室`, 'duplicate_station');

/** POST /stations: the office adds a liaison station or member studio with its attached members. */
export async function createStation(
  deps: AppDependencies,
  actor: Actor,
  input: StationCreate,
  context: RequestContext,
): Promise<Station> {
  if (!canManageStations(actor)) throw forbidden('只有提案委可以维护联络站和委员工作室');
  try {
    return await deps.database.orm.transaction(async (tx) => {
      await assertActiveMembers(tx, actor.orgId, input.memberIds);
      const [taken] = await tx
        .select({ id: stations.id })
        .from(stations)
        .where(and(eq(stations.orgId, actor.orgId), eq(stations.name, input.name)));
      if (taken) throw duplicateStationName(input.name);
      const now = deps.now().toISOString();
      const [row] = await tx
        .insert(stations)
        .values({
          orgId: actor.orgId,
          name: input.name,
          kind: input.kind,
          address: input.address,
          openingHours: input.openingHours,
          description: input.description,
          sortOrder: input.sortOrder ?? 0,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await replaceStationMembers(tx, actor.orgId, row.id, input.memberIds);
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'station.created',
        summary: `新增${stationKindNames[input.kind]}“${row.name}”`,
        actor,
        subjectType: 'station',
        subjectId: row.id,
        after: stationAuditView(row, input.memberIds),
        context,
      });
      const [station] = await presentStations(tx, actor.orgId, [row]);
      return station;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'stations_name_unique')) throw duplicateStationName(input.name);
    throw error;
  }
}
