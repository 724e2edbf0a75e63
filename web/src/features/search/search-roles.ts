/**
 * Who searches everything (全文检索): the staff who read proposals across the committee (the server's rule in
 * server/modules/search/search.policy.ts); members and units search their own lists, administrators read no case files.
 */
import { type ProposalState, proposalStates } from '../../../../contracts/proposals.ts';
import type { Role } from '../../../../contracts/roles.ts';

/** The roles that see the search screen and the header's search box. */
export const searchRoles: Role[] = ['proposal_office', 'supervisor', 'leader'];

/** Whether a user with these roles may search. */
export function maySearch(roles: readonly Role[]): boolean {
  return roles.some((role) => searchRoles.includes(role));
}

/** States no search shows: drafts and proposals still collecting co-signatures are the proposer's own. */
const privateSearchStates: readonly ProposalState[] = ['draft', 'co_signing'];
/** The states supervisors and leaders read: from filing on. */
const filedAndLaterSearchStates: readonly ProposalState[] = ['filed', 'assigned', 'replied', 'rehandling', 'closed', 'archived'];

/**
 * The states the 状态 filter offers a user (the server's scope in search.policy.ts): the office every state but the
 * private ones, supervisors and leaders only proposals from filing on.
 */
export function searchableStates(roles: readonly Role[]): ProposalState[] {
  if (roles.includes('proposal_office')) return proposalStates.filter((state) => !privateSearchStates.includes(state));
  return proposalStates.filter((state) => filedAndLaterSearchStates.includes(state));
}
