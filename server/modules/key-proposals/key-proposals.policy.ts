import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';

/** States of a proposal that may become a key proposal: filed and being handled (not archived). */
export const nominatableStates: readonly string[] = ['filed', 'assigned', 'replied', 'rehandling', 'closed'];

/** Who records recommendations (for staff, parties and committees) and runs the selection: the office. */
export function canManageKeyProposals(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'proposal_office');
}

/** Who reads key proposals: the office, supervisors and leaders. */
export function canReadKeyProposals(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'proposal_office', 'supervisor', 'leader');
}

/** Who records a supervision activity: one of its supervising leaders, or the office. */
export function canRecordActivity(
  actor: Pick<Actor, 'roles' | 'userId'>,
  keyProposal: { state: string; supervisorIds: readonly string[] },
): boolean {
  if (keyProposal.state !== 'approved') return false;
  return hasAnyRole(actor, 'proposal_office') || keyProposal.supervisorIds.includes(actor.userId);
}

/** Who records a leader's instruction (批示) on a proposal: the office and leaders. */
export function canRecordInstruction(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'proposal_office', 'leader');
}
