import type { MicroSuggestionAction } from '../../../contracts/micro-suggestions.ts';
import type { Role } from '../../../contracts/roles.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';

type Who = Pick<Actor, 'userId' | 'roles' | 'memberId'> & Partial<Pick<Actor, 'unitId' | 'stationId'>>;

/** The fields of a micro-suggestion the rules look at. */
export type MicroFacts = {
  state: string;
  leadMemberId: string;
  memberIds: readonly string[];
  createdBy: string;
  stationId: string | null;
  published?: boolean;
};

/**
 * Who else is tied to a micro-suggestion: the units it was transferred to (every assignment, also one replaced
 * after an adjustment, so the unit keeps its record) and the members of micro-suggestions merged into it (they get
 * its outcome).
 */
export type MicroLinks = { assignedUnitIds?: readonly string[]; mergedMemberIds?: readonly string[] };

/** The review and hand-on decisions a tenant's reviewer roles may take beside the office (not publication). */
export const reviewActions: readonly MicroSuggestionAction[] = ['accept', 'decline', 'merge', 'convert', 'transfer', 'take_on'];
/** The handling engine's moves: never a button, always allowed to the engine's caller. */
export const automaticActions: readonly MicroSuggestionAction[] = ['record_reply', 'reopen', 'resolve'];
/** Actions only the lead member takes: writing, submitting, reporting their own result. */
const leadActions: readonly MicroSuggestionAction[] = ['edit', 'submit', 'report_result'];

/** True when the actor holds the office role, or one of the roles the committee lets review micro-suggestions. */
export function isReviewer(actor: Pick<Actor, 'roles'>, reviewerRoles: readonly Role[]): boolean {
  return hasAnyRole(actor, 'proposal_office', ...reviewerRoles);
}

/**
 * The roles the workflow guard sees for an action: a committee's reviewer role acts as the office for the review
 * and hand-on decisions (the workflow table names only the office), nothing else.
 */
export function actingRoles(actor: Pick<Actor, 'roles'>, action: string, reviewerRoles: readonly Role[]): Role[] {
  if (!reviewActions.includes(action as MicroSuggestionAction)) return actor.roles;
  if (!isReviewer(actor, reviewerRoles) || actor.roles.includes('proposal_office')) return actor.roles;
  return [...actor.roles, 'proposal_office'];
}

/** True when the actor is the lead member of the micro-suggestion. */
export function isLead(actor: Who, item: MicroFacts): boolean {
  return actor.memberId !== null && actor.memberId === item.leadMemberId && hasAnyRole(actor, 'member');
}

/** True when the actor is one of its raising members (lead or co-raiser from a station visit). */
export function isRaiser(actor: Who, item: MicroFacts): boolean {
  return actor.memberId !== null && item.memberIds.includes(actor.memberId) && hasAnyRole(actor, 'member');
}

/** Who may write a micro-suggestion: a user linked to a member record, for themself. */
export function canCreateMicroSuggestion(actor: Who): boolean {
  return actor.memberId !== null && hasAnyRole(actor, 'member');
}

/**
 * Who may read a micro-suggestion: its members always (a draft only its members); members of one merged into it;
 * the station staff who raised it (and their station's staff); units it was transferred to; once submitted, the
 * office and the committee's reviewer roles, supervisors and leaders. Everyone else gets a 404. The list query's
 * visibility (micro-suggestions.list.ts) is the same rule in SQL.
 */
export function canReadMicroSuggestion(
  actor: Who,
  item: MicroFacts,
  reviewerRoles: readonly Role[],
  links: MicroLinks = {},
): boolean {
  if (isRaiser(actor, item) || item.createdBy === actor.userId) return true;
  if (item.state === 'draft') return false;
  if (actor.stationId && item.stationId === actor.stationId && hasAnyRole(actor, 'station_staff')) return true;
  if (actor.memberId !== null && links.mergedMemberIds?.includes(actor.memberId)) return true;
  if (actor.unitId && hasAnyRole(actor, 'unit_handler', 'unit_leader') && links.assignedUnitIds?.includes(actor.unitId)) {
    return true;
  }
  return isReviewer(actor, reviewerRoles) || hasAnyRole(actor, 'supervisor', 'leader');
}

/**
 * The item-level check of a workflow action (roles and states are the workflow's): writing and the result report
 * belong to the lead member. Whether publish or unpublish fits (not yet public, or public) is `fitsPublication`.
 */
export function canTakeMicroAction(actor: Who, item: MicroFacts, action: MicroSuggestionAction): boolean {
  if (automaticActions.includes(action)) return true;
  if (leadActions.includes(action)) return isLead(actor, item);
  return true;
}

/** Who may see the office's statistics: the office, reviewers, supervisors and leaders. */
export function canReadMicroStatistics(actor: Pick<Actor, 'roles'>, reviewerRoles: readonly Role[]): boolean {
  return isReviewer(actor, reviewerRoles) || hasAnyRole(actor, 'supervisor', 'leader');
}

/** Who may look for similar micro-suggestions: members while writing, reviewers while deciding. */
export function canSearchSimilarMicro(actor: Pick<Actor, 'roles'>, reviewerRoles: readonly Role[]): boolean {
  return isReviewer(actor, reviewerRoles) || hasAnyRole(actor, 'member');
}

/** Publish fits what is not public yet, unpublish what is; every other action fits. */
export function fitsPublication(item: Pick<MicroFacts, 'published'>, action: MicroSuggestionAction): boolean {
  if (action === 'publish') return !item.published;
  if (action === 'unpublish') return Boolean(item.published);
  return true;
}
