import { and, eq } from 'drizzle-orm';
import { isValidMobile } from '../../../../contracts/people.ts';
import type { Visit, VisitState } from '../../../../contracts/stations.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { enqueuePhoneSms } from '../../../platform/notify/phone-sms.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { reveal } from '../../people/people.presenter.ts';
import { canRecordVisitAt } from '../stations.policy.ts';
import { loadStation } from '../stations.queries.ts';
import { stationVisits } from '../stations.tables.ts';
import { stationVisitWorkflow } from '../stations.workflow.ts';
import { loadVisitFor, presentVisits } from '../visits.queries.ts';

/** Longest outcome text an SMS carries; the rest is left out with an ellipsis. */
const SMS_OUTCOME_CHARACTERS = 200;

/**
 * POST /station-visits/{id}/actions/close (If-Match): the matter is closed on the spot with what was done
 * (当场办结). A visitor who left a mobile number gets the outcome by SMS (through the notification channel, number
 * masked in its log) once the change commits.
 */
export async function closeVisit(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: { outcome: string },
  context: RequestContext,
): Promise<Visit> {
  return deps.database.orm.transaction(async (tx) => {
    const row = await loadVisitFor(tx, actor, id, true);
    const transition = guardTransition(
      stationVisitWorkflow,
      row.state as VisitState,
      'close',
      actor.roles,
      canRecordVisitAt(actor, row.stationId),
    );
    if (row.version !== version) throw versionConflict('来访登记');
    const now = deps.now().toISOString();
    const updated = await tx
      .update(stationVisits)
      .set({
        state: transition.to,
        outcome: input.outcome,
        closedAt: now,
        closedBy: actor.userId,
        version: version + 1,
        updatedAt: now,
      })
      .where(and(eq(stationVisits.orgId, actor.orgId), eq(stationVisits.id, id), eq(stationVisits.version, version)))
      .returning();
    assertVersionMatched(updated.length, '来访登记');
    const station = await loadStation(tx, actor.orgId, row.stationId);
    const phone = reveal(deps.cipher, row.visitorPhoneEncrypted);
    const smsSent = Boolean(phone && row.visitorPhoneEncrypted && isValidMobile(phone));
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'station_visit.closed',
      summary: `“${station.name}”来访事项当场办结（${row.visitDate}）`,
      actor,
      subjectType: 'station_visit',
      subjectId: id,
      before: { state: row.state, version },
      after: { state: transition.to, version: version + 1, outcome: input.outcome, outcomeSms: smsSent },
      context,
    });
    if (smsSent && row.visitorPhoneEncrypted) {
      const outcome =
        input.outcome.length > SMS_OUTCOME_CHARACTERS ? `${input.outcome.slice(0, SMS_OUTCOME_CHARACTERS)}…` : input.outcome;
      await enqueuePhoneSms(tx, {
        orgId: actor.orgId,
        sealedPhone: row.visitorPhoneEncrypted,
        title: `${station.name}：您反映的事项已办结`,
        body: `您于 ${row.visitDate} 在${station.name}反映的事项已办结。办理情况：${outcome}`,
      });
    }
    const [visit] = await presentVisits(tx, deps, actor, updated);
    return visit;
  });
}
