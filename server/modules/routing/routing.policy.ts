import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';

/** Who keeps the routing history and models (import, train, status): the proposal office. */
export function canManageRouting(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'proposal_office');
}

/** Who sees routing suggestions for an item (review and assignment): the proposal office. */
export function canSeeRoutingSuggestions(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'proposal_office');
}
