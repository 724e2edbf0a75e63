import type { VisitorContact } from '../../../../contracts/stations.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { reveal } from '../../people/people.presenter.ts';
import { canRevealVisitor } from '../stations.policy.ts';
import { loadVisitFor } from '../visits.queries.ts';

/**
 * POST /station-visits/{id}/reveal: the visitor's clear name and phone, for the station's staff or the office to
 * call back; every look is recorded, as with members' ID numbers and mobiles.
 */
export async function revealVisitor(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  context: RequestContext,
): Promise<VisitorContact> {
  return deps.database.orm.transaction(async (tx) => {
    const row = await loadVisitFor(tx, actor, id);
    if (!canRevealVisitor(actor, row.stationId)) throw forbidden('您无权查看来访群众的姓名和电话');
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'station_visit.visitor_viewed',
      summary: `查看来访群众的姓名和电话（${row.visitDate}）`,
      actor,
      subjectType: 'station_visit',
      subjectId: row.id,
      context,
    });
    return {
      id: row.id,
      visitorName: reveal(deps.cipher, row.visitorNameEncrypted),
      visitorPhone: reveal(deps.cipher, row.visitorPhoneEncrypted),
    };
  });
}
