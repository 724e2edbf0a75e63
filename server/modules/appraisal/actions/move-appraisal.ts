import { and, eq, sql } from 'drizzle-orm';
import type { Appraisal, AppraisalAction, AppraisalState } from '../../../../contracts/appraisal.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { conflict } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { loadAppraisal, presentAppraisals } from '../appraisal.queries.ts';
import { appraisals } from '../appraisal.tables.ts';
import { appraisalWorkflow } from '../appraisal.workflow.ts';

/**
 * POST /appraisals/{id}/actions/open | close | publish (If-Match). Opening fixes the units to score: those
 * handling the session's approved key proposals (scope key) or any of its proposals (scope all); none is a 409.
 */
export async function moveAppraisal(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  action: AppraisalAction,
  context: RequestContext,
): Promise<Appraisal> {
  return deps.database.orm.transaction(async (tx) => {
    const row = await loadAppraisal(tx, actor.orgId, id, true);
    const transition = guardTransition(appraisalWorkflow, row.state as AppraisalState, action, actor.roles);
    if (row.version !== version) throw versionConflict('民主评议');
    let unitIds = row.unitIds;
    if (action === 'open') {
      const keyOnly =
        row.scope === 'key'
          ? sql`and exists (select 1 from key_proposals k where k.org_id = a.org_id and k.proposal_id = a.item_id and k.state = 'approved')`
          : sql``;
      const found = await tx.execute<{ unit_id: string }>(sql`
        select distinct a.unit_id from item_assignments a
        join proposals p on p.org_id = a.org_id and p.id = a.item_id
        where a.org_id = ${actor.orgId} and p.session_id = ${row.sessionId} and a.state <> 'reassigned' ${keyOnly}
        order by a.unit_id`);
      unitIds = found.rows.map((item) => item.unit_id);
      if (unitIds.length === 0) {
        throw conflict(row.scope === 'key' ? '本次会议还没有确定的重点提案承办单位' : '本次会议还没有交办的承办单位', 'no_units');
      }
    }
    const now = deps.now().toISOString();
    const stamp = action === 'open' ? { openedAt: now } : action === 'close' ? { closedAt: now } : { publishedAt: now };
    const updated = await tx
      .update(appraisals)
      .set({ state: transition.to, unitIds, ...stamp, version: version + 1, updatedAt: now })
      .where(and(eq(appraisals.orgId, actor.orgId), eq(appraisals.id, id), eq(appraisals.version, version)))
      .returning();
    assertVersionMatched(updated.length, '民主评议');
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: `appraisal.${transition.to}`,
      summary: `${transition.label}：${row.title}`,
      actor,
      subjectType: 'appraisal',
      subjectId: id,
      before: { state: row.state, version },
      after: { state: transition.to, version: version + 1, units: unitIds.length },
      context,
    });
    const [view] = await presentAppraisals(tx, actor, updated);
    return view;
  });
}
