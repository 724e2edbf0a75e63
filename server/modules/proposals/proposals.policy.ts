import type { CoSignerAction, ProposalAction, ProposalState } from '../../../contracts/proposals.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';

/** The fields of a proposal the rules look at. */
export type ProposalFacts = {
  authorType: string;
  leadMemberId: string | null;
  createdBy: string;
  state: string;
};

type Who = Pick<Actor, 'userId' | 'roles' | 'memberId'> & Partial<Pick<Actor, 'unitId'>>;

/**
 * Who else is tied to a proposal: units it is assigned to (every assignment, also one replaced after an
 * adjustment, so the unit keeps its record) and the proposers of proposals merged into it (they get its reply).
 */
export type ProposalLinks = { assignedUnitIds?: readonly string[]; mergedProposerMemberIds?: readonly string[] };

/** States in which a member's proposal is still private to its proposers (not yet handed to the office). */
export const privateStates: readonly string[] = ['draft', 'co_signing'] satisfies ProposalState[];
/** States from filing on: supervisors (督办领导) and leaders (党政领导) read proposals in these states. */
export const filedAndLaterStates: readonly string[] = [
  'filed',
  'assigned',
  'replied',
  'rehandling',
  'closed',
  'archived',
] satisfies ProposalState[];
/**
 * Moves made by the handling module as replies are sent and rated (record_reply, reopen, close): no button shows
 * them; archive belongs to closing a session.
 */
export const automaticActions: readonly ProposalAction[] = ['record_reply', 'reopen', 'close', 'archive'];
/** Actions only the proposer (lead member, or office staff for a collective proposal) takes. */
const proposerActions: readonly ProposalAction[] = ['edit', 'invite_co_signers', 'submit', 'withdraw', 'add_supplement'];

/** True when the actor speaks for the proposal: its lead member, or office staff for a collective proposal. */
export function isProposer(actor: Who, proposal: ProposalFacts): boolean {
  if (proposal.authorType === 'collective') return hasAnyRole(actor, 'proposal_office');
  return actor.memberId !== null && proposal.leadMemberId === actor.memberId && hasAnyRole(actor, 'member');
}

/** Who may start a draft: a member linked to a member record for their own; office staff for a collective one. */
export function canCreateProposal(actor: Who, collective: boolean): boolean {
  if (collective) return hasAnyRole(actor, 'proposal_office');
  return actor.memberId !== null && hasAnyRole(actor, 'member');
}

/**
 * Who may read a proposal: its proposers and invited co-signers always; proposers of proposals merged into it;
 * units it was assigned to; supervisors and leaders once it is filed; the office once it is submitted (and
 * collective drafts, which the office writes). Everyone else gets a 404, as for a record that does not exist.
 * The list query's `proposalVisibility` (proposals.list.ts) is the same rule in SQL.
 */
export function canReadProposal(
  actor: Who,
  proposal: ProposalFacts,
  coSignerMemberIds: readonly string[],
  links: ProposalLinks = {},
): boolean {
  if (isProposer(actor, proposal) || proposal.createdBy === actor.userId) return true;
  if (actor.memberId !== null && coSignerMemberIds.includes(actor.memberId)) return true;
  if (actor.memberId !== null && links.mergedProposerMemberIds?.includes(actor.memberId)) return true;
  if (actor.unitId && hasAnyRole(actor, 'unit_handler', 'unit_leader') && links.assignedUnitIds?.includes(actor.unitId)) {
    return true;
  }
  if (hasAnyRole(actor, 'supervisor', 'leader') && filedAndLaterStates.includes(proposal.state)) return true;
  if (!hasAnyRole(actor, 'proposal_office')) return false;
  return proposal.authorType === 'collective' || !privateStates.includes(proposal.state);
}

/**
 * The item-level check of a workflow action (roles and states are the workflow's): writing actions belong to the
 * proposer; co-signers are invited only to a member's proposal; review actions need nothing beyond the role.
 */
export function canTakeProposalAction(actor: Who, proposal: ProposalFacts, action: ProposalAction): boolean {
  if (automaticActions.includes(action)) return true;
  if (!proposerActions.includes(action)) return true;
  if (action === 'invite_co_signers' && proposal.authorType !== 'member') return false;
  return isProposer(actor, proposal);
}

/** The item-level check of an invitation action: the invited member answers; the lead proposer cancels. */
export function canTakeCoSignerAction(
  actor: Who,
  proposal: ProposalFacts,
  invitedMemberId: string,
  action: CoSignerAction,
): boolean {
  if (action === 'cancel') return proposal.authorType === 'member' && isProposer(actor, proposal);
  return actor.memberId !== null && actor.memberId === invitedMemberId;
}

/** Who may look for similar proposals before submitting: members and the proposal office. */
export function canSearchSimilar(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'member', 'proposal_office');
}
