import { and, eq } from 'drizzle-orm';
import type { AssignmentAction, AssignmentState } from '../../../../contracts/proposals.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { conflict, notFound } from '../../../platform/http/problem.ts';
import { guardTransition, type Transition } from '../../../platform/workflow/workflow.ts';
import { canTakeAssignmentAction } from '../assignments.policy.ts';
import type { AssignmentRow } from '../assignments.presenter.ts';
import { loadVisibleAssignment } from '../assignments.queries.ts';
import { proposals } from '../proposals.tables.ts';
import { itemAssignments } from '../../handling/handled-items.tables.ts';
import { assignmentWorkflow } from '../proposals.workflow.ts';

/** An assignment loaded and locked for an action, with its proposal's title and number and the allowed move. */
export type AssignmentSubject = {
  row: AssignmentRow;
  proposal: typeof proposals.$inferSelect;
  transition: Transition<AssignmentState, AssignmentAction>;
};

/**
 * Loads and locks an assignment the actor may see (404 otherwise: another unit's item does not exist for them),
 * asks the workflow guard (409 naming the state, 403 when the role or the policy says no; the adjustment window
 * is the caller's 409) and checks the version sent in If-Match (409).
 */
export async function loadForAssignmentAction(
  tx: Transaction,
  actor: Actor,
  id: string,
  version: number,
  action: AssignmentAction,
): Promise<AssignmentSubject> {
  const row = await loadVisibleAssignment(tx, actor, id, true);
  // The window is checked by request-adjustment with its own message; here only ownership and role count.
  const allowed = canTakeAssignmentAction(actor, { ...row, adjustmentUntil: '9999-12-31' }, action, '0000-01-01');
  const transition = guardTransition(assignmentWorkflow, row.state as AssignmentState, action, actor.roles, allowed);
  if (row.version !== version) throw versionConflict('交办件');
  const [proposal] = await tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.orgId, actor.orgId), eq(proposals.id, row.itemId)));
  if (!proposal) throw notFound('交办件');
  if (proposal.state === 'archived') throw conflict('提案已随会议归档，交办件不能再办理', 'archived');
  return { row, proposal, transition };
}

/** Writes the new state and fields at the version checked, bumping it; 409 if the version moved meanwhile. */
export async function writeAssignment(
  tx: Transaction,
  subject: AssignmentSubject,
  now: string,
  changes: Partial<typeof itemAssignments.$inferInsert>,
): Promise<AssignmentRow> {
  const { row, transition } = subject;
  const updated = await tx
    .update(itemAssignments)
    .set({ ...changes, state: transition.to, version: row.version + 1, updatedAt: now })
    .where(
      and(
        eq(itemAssignments.orgId, row.orgId),
        eq(itemAssignments.id, row.id),
        eq(itemAssignments.version, row.version),
      ),
    )
    .returning();
  assertVersionMatched(updated.length, '交办件');
  return updated[0];
}
