import type { Assignment } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { loadCalendar } from '../../orgs/orgs.calendar.ts';
import { presentAssignmentFor } from '../assignments.queries.ts';
import { loadForAssignmentAction, writeAssignment } from './assignment-action.ts';

/**
 * POST /assignments/{id}/actions/sign_for (签收): a handler or the leader of the unit confirms receipt of an item
 * of any kind (a proposal, a micro-suggestion).
 */
export async function signForAssignment(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  context: RequestContext,
): Promise<Assignment> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadForAssignmentAction(tx, actor, id, version, 'sign_for');
    const now = deps.now().toISOString();
    const signed = await writeAssignment(tx, subject, now, { signedForAt: now, signedForBy: actor.userId });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'assignment.signed_for',
      summary: `签收交办件：${subject.kindName}“${subject.item.title}”`,
      actor,
      subjectType: 'proposal_assignment',
      subjectId: id,
      before: { state: subject.row.state, version: subject.row.version },
      after: {
        state: signed.state,
        version: signed.version,
        ...(subject.item.kind === 'proposal'
          ? { proposalId: signed.itemId }
          : { itemId: signed.itemId, kind: subject.item.kind }),
        unitId: signed.unitId,
      },
      context,
    });
    const calendar = await loadCalendar(tx, actor.orgId);
    return presentAssignmentFor(tx, actor, signed, calendar.today(deps.now()));
  });
}
