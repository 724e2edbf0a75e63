import { type HandledKind, handledKindNames } from '../../../contracts/handled-kinds.ts';
import type {
  Assignment,
  AssignmentAction,
  AssignmentBatch,
  AssignmentRole,
  AssignmentState,
} from '../../../contracts/proposals.ts';
import { assignmentRoleNames } from '../../../contracts/proposals.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { availableActions } from '../../platform/workflow/workflow.ts';
import type { itemAssignments } from '../handling/handled-items.tables.ts';
import { adapterFor } from '../handling/handled-kind-registry.ts';
import { canTakeAssignmentAction } from './assignments.policy.ts';
import type { assignmentBatches } from './proposals.tables.ts';
import { assignmentWorkflow } from './proposals.workflow.ts';

export type AssignmentRow = typeof itemAssignments.$inferSelect;
export type BatchRow = typeof assignmentBatches.$inferSelect;

/** What an assignment shows of its item (a proposal, a micro-suggestion…) and unit. */
export type AssignmentContext = {
  proposal: { number: string | null; title: string; sessionId: string | null };
  /** The item's kind (proposal when not given). */
  kind?: string;
  unitName: string;
  /** Today's business date in the committee's time zone (the adjustment window depends on it). */
  today: string;
};

/** Where the web shows an item of a kind (its kind's adapter says). */
function itemLink(kind: string, id: string): string {
  return adapterFor(kind).link({ id });
}

/** An instant as ISO 8601 in UTC, whatever form the database returned. */
function iso(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** Adjustments (申请调整) are the proposal's: a unit given another kind of item asks the office instead. */
const proposalOnlyActions: readonly AssignmentAction[] = ['request_adjustment', 'approve_adjustment', 'refuse_adjustment'];

/** Whether an assignment action applies to an item of this kind. */
export function assignmentActionApplies(kind: string, action: AssignmentAction): boolean {
  return kind === 'proposal' || !proposalOnlyActions.includes(action);
}

/**
 * The staff view of one unit's assignment, with the actions open to the actor now and the item it is for (under
 * its kind's names and, as before, the proposal's). Never the raw row.
 */
export function presentAssignment(actor: Actor, row: AssignmentRow, context: AssignmentContext): Assignment {
  const state = row.state as AssignmentState;
  const role = row.role as AssignmentRole;
  const kind = (context.kind ?? 'proposal') as HandledKind;
  return {
    id: row.id,
    proposalId: row.itemId,
    proposalNumber: context.proposal.number,
    proposalTitle: context.proposal.title,
    sessionId: context.proposal.sessionId ?? '',
    kind,
    kindName: handledKindNames[kind] ?? kind,
    itemId: row.itemId,
    itemNumber: context.proposal.number,
    itemTitle: context.proposal.title,
    link: itemLink(kind, row.itemId),
    unitId: row.unitId,
    unitName: context.unitName,
    role,
    roleName: assignmentRoleNames[role] ?? role,
    assignedAt: iso(row.assignedAt) ?? '',
    dueOn: row.dueOn,
    adjustmentUntil: row.adjustmentUntil,
    signedForAt: iso(row.signedForAt),
    adjustmentReason: row.adjustmentReason,
    adjustmentRequestedAt: iso(row.adjustmentRequestedAt),
    decisionReason: row.decisionReason,
    replacedById: row.replacedById,
    batchId: row.batchId,
    state,
    stateName: assignmentWorkflow.states[state] ?? state,
    version: row.version,
    actions: availableActions(
      assignmentWorkflow,
      state,
      actor.roles,
      (action) => assignmentActionApplies(kind, action) && canTakeAssignmentAction(actor, row, action, context.today),
    ),
  };
}

/** A batch (交办会) with its proposal count and the units it went to, busiest first. */
export function presentBatch(
  batch: BatchRow,
  rows: readonly { proposalId: string; unitId: string; unitName: string }[],
): AssignmentBatch {
  const units = new Map<string, { unitId: string; unitName: string; count: number }>();
  for (const row of rows) {
    const unit = units.get(row.unitId) ?? { unitId: row.unitId, unitName: row.unitName, count: 0 };
    unit.count += 1;
    units.set(row.unitId, unit);
  }
  return {
    id: batch.id,
    sessionId: batch.sessionId,
    title: batch.title,
    documentNumber: batch.documentNumber,
    confirmedAt: iso(batch.confirmedAt) ?? '',
    proposalCount: new Set(rows.map((row) => row.proposalId)).size,
    units: [...units.values()].sort(
      (left, right) => right.count - left.count || left.unitName.localeCompare(right.unitName, 'zh-CN'),
    ),
  };
}
