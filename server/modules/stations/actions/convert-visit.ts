import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Visit, VisitState, visitConvertSchema } from '../../../../contracts/stations.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { raiseOnBehalf } from '../../micro-suggestions/actions/raise-on-behalf.ts';
import { canRecordVisitAt } from '../stations.policy.ts';
import { loadStation } from '../stations.queries.ts';
import { stationVisits } from '../stations.tables.ts';
import { stationVisitWorkflow } from '../stations.workflow.ts';
import { loadVisitFor, presentVisits, visitMemberIds } from '../visits.queries.ts';

export type VisitConvert = z.output<typeof visitConvertSchema>;

/**
 * POST /station-visits/{id}/actions/convert (If-Match): the matter becomes a submitted micro-suggestion on behalf of
 * the members present (the first recorded leads), created in this transaction by the micro-suggestion module; the
 * visit keeps its id (microSuggestionId), through which the counts follow it to its resolution.
 */
export async function convertVisit(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: VisitConvert,
  context: RequestContext,
): Promise<Visit> {
  return deps.database.orm.transaction(async (tx) => {
    const row = await loadVisitFor(tx, actor, id, true);
    const transition = guardTransition(
      stationVisitWorkflow,
      row.state as VisitState,
      'convert',
      actor.roles,
      canRecordVisitAt(actor, row.stationId),
    );
    if (row.version !== version) throw versionConflict('来访登记');
    const memberIds = (await visitMemberIds(tx, actor.orgId, [id])).get(id) ?? [];
    if (memberIds.length === 0) {
      throw unprocessable(
        '转为微建议须有到场委员：请先在来访登记中填写到场委员',
        [{ field: 'memberIds', message: '没有到场委员' }],
        'no_members_present',
      );
    }
    const station = await loadStation(tx, actor.orgId, row.stationId);
    const raised = await raiseOnBehalf(
      tx,
      deps,
      actor,
      {
        memberIds,
        title: input.title,
        place: input.place,
        problem: input.problem,
        suggestion: input.suggestion,
        source: { kind: 'station_visit', stationId: row.stationId, visitId: row.id },
      },
      context,
    );
    const now = deps.now().toISOString();
    const updated = await tx
      .update(stationVisits)
      .set({
        state: transition.to,
        microSuggestionId: raised.id,
        convertedAt: now,
        closedBy: actor.userId,
        version: version + 1,
        updatedAt: now,
      })
      .where(and(eq(stationVisits.orgId, actor.orgId), eq(stationVisits.id, id), eq(stationVisits.version, version)))
      .returning();
    assertVersionMatched(updated.length, '来访登记');
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'station_visit.converted',
      summary: `“${station.name}”来访事项转为微建议“${input.title}”（${row.visitDate}）`,
      actor,
      subjectType: 'station_visit',
      subjectId: id,
      before: { state: row.state, version },
      after: { state: transition.to, version: version + 1, microSuggestionId: raised.id, memberIds },
      context,
    });
    const [visit] = await presentVisits(tx, deps, actor, updated);
    return visit;
  });
}
