import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';

/** Who reads the committee's statistics: the proposal office, supervisors and leaders. */
export function canReadStatistics(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'proposal_office', 'supervisor', 'leader');
}
