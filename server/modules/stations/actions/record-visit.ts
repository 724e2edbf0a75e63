import type { z } from 'zod';
import type { Visit, visitCreateSchema } from '../../../../contracts/stations.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { badRequest, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { assertAttached, assertNotFuture, assertStationActive, committeeToday } from '../stations.checks.ts';
import { canRecordVisitAt } from '../stations.policy.ts';
import { visitAuditView } from '../stations.presenter.ts';
import { loadStation } from '../stations.queries.ts';
import { stationVisitMembers, stationVisits } from '../stations.tables.ts';
import { presentVisits } from '../visits.queries.ts';

export type VisitCreate = z.output<typeof visitCreateSchema>;

/**
 * POST /station-visits: station staff (at their station) or the office record a public visit: date, visitor's name
 * and phone (encrypted), how many came, the matter and the members present (attached to the station). It is open
 * until closed on the spot or turned into a micro-suggestion.
 */
export async function recordVisit(
  deps: AppDependencies,
  actor: Actor,
  input: VisitCreate,
  context: RequestContext,
): Promise<Visit> {
  const stationId = input.stationId ?? actor.stationId ?? null;
  if (!stationId) {
    throw badRequest('请选择登记来访的联络站', [{ field: 'stationId', message: '请选择联络站' }], 'station_required');
  }
  return deps.database.orm.transaction(async (tx) => {
    const station = await loadStation(tx, actor.orgId, stationId);
    if (!canRecordVisitAt(actor, station.id)) throw forbidden('您只能登记本站的来访');
    assertStationActive(station);
    assertNotFuture(input.visitDate, await committeeToday(tx, deps, actor.orgId));
    await assertAttached(tx, actor.orgId, station, input.memberIds, 'memberIds');
    const now = deps.now().toISOString();
    const [row] = await tx
      .insert(stationVisits)
      .values({
        orgId: actor.orgId,
        stationId: station.id,
        visitDate: input.visitDate,
        visitorNameEncrypted: deps.cipher.encrypt(input.visitorName),
        visitorPhoneEncrypted: input.visitorPhone ? deps.cipher.encrypt(input.visitorPhone) : null,
        visitorCount: input.visitorCount,
        matter: input.matter,
        recordedBy: actor.userId,
        recordedByName: actor.displayName,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (input.memberIds.length > 0) {
      await tx
        .insert(stationVisitMembers)
        .values(input.memberIds.map((memberId, index) => ({ orgId: actor.orgId, visitId: row.id, memberId, sortOrder: index })));
    }
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'station_visit.recorded',
      summary: `“${station.name}”登记来访（${input.visitDate}）`,
      actor,
      subjectType: 'station_visit',
      subjectId: row.id,
      after: visitAuditView(row, input.memberIds, deps.cipher),
      context,
    });
    const [visit] = await presentVisits(tx, deps, actor, [row]);
    return visit;
  });
}
