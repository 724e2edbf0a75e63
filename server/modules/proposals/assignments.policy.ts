import type { AssignmentAction } from '../../../contracts/proposals.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';

/** The fields of an assignment the rules look at. */
export type AssignmentFacts = { unitId: string; adjustmentUntil: string };

type Who = Pick<Actor, 'roles' | 'unitId'>;

/** True when the actor works for this handling unit (a unit handler or the unit's leader). */
export function isUnitUserOf(actor: Who, unitId: string): boolean {
  return actor.unitId !== null && actor.unitId === unitId && hasAnyRole(actor, 'unit_handler', 'unit_leader');
}

/** Who sees every assignment of the committee: the proposal office, supervisors and leaders. */
export function seesAllAssignments(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'proposal_office', 'supervisor', 'leader');
}

/** Who may read an assignment: the office, supervisors and leaders all of them; unit users their unit's only. */
export function canSeeAssignment(actor: Who, assignment: Pick<AssignmentFacts, 'unitId'>): boolean {
  return seesAllAssignments(actor) || isUnitUserOf(actor, assignment.unitId);
}

/** Who may see any assignment at all (the list and the batches); others get a 403. */
export function canListAssignments(actor: Who): boolean {
  return seesAllAssignments(actor) || (actor.unitId !== null && hasAnyRole(actor, 'unit_handler', 'unit_leader'));
}

/** True while the unit may still ask to be replaced: until adjustmentUntil, inclusive. */
export function adjustmentWindowOpen(assignment: Pick<AssignmentFacts, 'adjustmentUntil'>, today: string): boolean {
  return today <= assignment.adjustmentUntil;
}

/**
 * The item-level check of an assignment action (states and roles are the workflow's): the unit's own users sign
 * for it and, within the window, ask for an adjustment; the office decides on adjustments.
 */
export function canTakeAssignmentAction(
  actor: Who,
  assignment: AssignmentFacts,
  action: AssignmentAction,
  today: string,
): boolean {
  switch (action) {
    case 'sign_for':
      return isUnitUserOf(actor, assignment.unitId);
    case 'request_adjustment':
      return isUnitUserOf(actor, assignment.unitId) && adjustmentWindowOpen(assignment, today);
    case 'approve_adjustment':
    case 'refuse_adjustment':
      return hasAnyRole(actor, 'proposal_office');
  }
}

/** Who assigns proposals, confirms batches, reads suggestions and keeps the category defaults: the office. */
export function canManageAssignments(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'proposal_office');
}
