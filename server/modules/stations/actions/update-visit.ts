import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Visit, visitUpdateSchema } from '../../../../contracts/stations.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { changedFields } from '../../people/actions/update-member.ts';
import { assertAttached, assertNotFuture, committeeToday } from '../stations.checks.ts';
import { canRecordVisitAt } from '../stations.policy.ts';
import { visitAuditView } from '../stations.presenter.ts';
import { loadStation } from '../stations.queries.ts';
import { stationVisitMembers, stationVisits } from '../stations.tables.ts';
import { loadVisitFor, presentVisits, visitMemberIds } from '../visits.queries.ts';

export type VisitUpdate = z.output<typeof visitUpdateSchema>;

/** PATCH /station-visits/{id} (If-Match): corrects an open visit; a closed or converted one is a record and stays. */
export async function updateVisit(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: VisitUpdate,
  context: RequestContext,
): Promise<Visit> {
  return deps.database.orm.transaction(async (tx) => {
    const current = await loadVisitFor(tx, actor, id, true);
    if (!canRecordVisitAt(actor, current.stationId)) throw forbidden('您无权修改该来访登记');
    if (current.state !== 'open') throw conflict('来访事项已办结或已转为微建议，不能再修改', 'invalid_transition');
    if (current.version !== version) throw versionConflict('来访登记');
    const station = await loadStation(tx, actor.orgId, current.stationId);
    if (input.visitDate) assertNotFuture(input.visitDate, await committeeToday(tx, deps, actor.orgId));
    if (input.memberIds) await assertAttached(tx, actor.orgId, station, input.memberIds, 'memberIds');
    const before = (await visitMemberIds(tx, actor.orgId, [id])).get(id) ?? [];
    const updated = await tx
      .update(stationVisits)
      .set({
        ...(input.visitDate ? { visitDate: input.visitDate } : {}),
        ...(input.visitorName ? { visitorNameEncrypted: deps.cipher.encrypt(input.visitorName) } : {}),
        ...(input.visitorPhone === undefined
          ? {}
          : { visitorPhoneEncrypted: input.visitorPhone ? deps.cipher.encrypt(input.visitorPhone) : null }),
        ...(input.visitorCount ? { visitorCount: input.visitorCount } : {}),
        ...(input.matter ? { matter: input.matter } : {}),
        version: version + 1,
        updatedAt: deps.now().toISOString(),
      })
      .where(and(eq(stationVisits.orgId, actor.orgId), eq(stationVisits.id, id), eq(stationVisits.version, version)))
      .returning();
    assertVersionMatched(updated.length, '来访登记');
    if (input.memberIds) {
      await tx
        .delete(stationVisitMembers)
        .where(and(eq(stationVisitMembers.orgId, actor.orgId), eq(stationVisitMembers.visitId, id)));
      if (input.memberIds.length > 0) {
        await tx
          .insert(stationVisitMembers)
          .values(input.memberIds.map((memberId, index) => ({ orgId: actor.orgId, visitId: id, memberId, sortOrder: index })));
      }
    }
    const row = updated[0];
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'station_visit.updated',
      summary: `修改“${station.name}”的来访登记（${row.visitDate}）`,
      actor,
      subjectType: 'station_visit',
      subjectId: id,
      ...changedFields(visitAuditView(current, before, deps.cipher), visitAuditView(row, input.memberIds ?? before, deps.cipher)),
      context,
    });
    const [visit] = await presentVisits(tx, deps, actor, [row]);
    return visit;
  });
}
