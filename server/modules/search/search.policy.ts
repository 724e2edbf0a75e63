import { proposalStates } from '../../../contracts/proposals.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';
import { filedAndLaterStates, privateStates } from '../proposals/proposals.policy.ts';
import type { SearchScope } from './search.queries.ts';

/** The states a supervisor or leader does not read: everything before filing and every end short of it. */
const beforeFilingStates: readonly string[] = proposalStates.filter((state) => !filedAndLaterStates.includes(state));

/**
 * Who may use the staff search (GET /search): the proposal office, supervisors (督办领导) and leaders (党政领导),
 * the roles that read proposals across the committee. Members and units search through their own lists;
 * administrators (三员) do not read case files.
 */
export function canUseStaffSearch(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'proposal_office', 'supervisor', 'leader');
}

/**
 * What a staff user's search covers, by the same rule as reading a proposal (`canReadProposal`): the office sees
 * everything handed in (never drafts or proposals still collecting co-signers); supervisors and leaders see
 * proposals from filing on. Null when the actor may not use the staff search.
 */
export function staffSearchScope(actor: Pick<Actor, 'roles' | 'orgId'>): SearchScope | null {
  if (!canUseStaffSearch(actor)) return null;
  const excludeStates = hasAnyRole(actor, 'proposal_office') ? [...privateStates] : [...beforeFilingStates];
  // Staff read the records themselves; the public copies (publication) are the portal's.
  return { orgId: actor.orgId, excludeStates, types: ['proposal', 'history'] };
}
