import { and, eq } from 'drizzle-orm';
import { type HandledKind, handledKindNames } from '../../../../contracts/handled-kinds.ts';
import type { AssignmentAction, AssignmentState } from '../../../../contracts/proposals.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { conflict } from '../../../platform/http/problem.ts';
import { guardTransition, type Transition } from '../../../platform/workflow/workflow.ts';
import { itemAssignments } from '../../handling/handled-items.tables.ts';
import { type HandledItemRow, loadHandledItem } from '../../handling/handled-items.ts';
import { canTakeAssignmentAction } from '../assignments.policy.ts';
import { type AssignmentRow, assignmentActionApplies } from '../assignments.presenter.ts';
import { loadVisibleAssignment } from '../assignments.queries.ts';
import { assignmentWorkflow } from '../proposals.workflow.ts';

/**
 * An assignment loaded and locked for an action, with the handling engine's row of its item (kind, title, number,
 * phase) and the allowed move. `proposal` is the same row under the name the proposal's actions use.
 */
export type AssignmentSubject = {
  row: AssignmentRow;
  item: HandledItemRow;
  proposal: HandledItemRow;
  /** 提案, 微建议…: the word the messages use for the item. */
  kindName: string;
  transition: Transition<AssignmentState, AssignmentAction>;
};

/**
 * Loads and locks an assignment the actor may see (404 otherwise: another unit's item does not exist for them),
 * asks the workflow guard (409 naming the state, 403 when the role or the policy says no; the adjustment window
 * is the caller's 409) and checks the version sent in If-Match (409). Any kind of item: signing for is the same for
 * all; adjustments are the proposal's (409 for another kind).
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
  const item = await loadHandledItem(tx, actor.orgId, row.itemId);
  const kindName = handledKindNames[item.kind as HandledKind] ?? item.kind;
  if (item.phase === 'archived') throw conflict(`${kindName}已随会议归档，交办件不能再办理`, 'archived');
  if (!assignmentActionApplies(item.kind, action)) {
    throw conflict(`${kindName}不适用调整申请；如交办有误，请与提案委联系`, 'not_applicable');
  }
  return { row, item, proposal: item, kindName, transition };
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
    .where(and(eq(itemAssignments.orgId, row.orgId), eq(itemAssignments.id, row.id), eq(itemAssignments.version, row.version)))
    .returning();
  assertVersionMatched(updated.length, '交办件');
  return updated[0];
}
