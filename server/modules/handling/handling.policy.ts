import type { Rating, ReplyAction, ReplyKind } from '../../../contracts/handling.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';
import { isUnitUserOf } from '../proposals/assignments.policy.ts';

type Who = Pick<Actor, 'roles' | 'unitId'>;

/** The fields of an assignment the handling rules look at. */
export type HandlingAssignment = { unitId: string; role: string; state: string; dueOn: string; assignedOn: string };

/** A rule's refusal: a code for the client and the Chinese sentence for the user. */
export type Refusal = { code: string; detail: string };

/**
 * The item states in which units handle (record contacts, write opinions and replies, ask for more time): the
 * engine's phase `handling`, which a proposal's own states assigned and rehandling mean (the rules below take either).
 */
export const openHandlingStates: readonly string[] = ['handling', 'assigned', 'rehandling'];

/** True for the parts that reply to the proposers (sole, parallel, lead); co-handlers send opinions instead. */
export function repliesToProposers(role: string): boolean {
  return role === 'sole' || role === 'parallel' || role === 'lead';
}

/** True when the actor is a user of this unit and the unit has signed for this live assignment. */
export function handlesAssignment(actor: Who, assignment: HandlingAssignment): boolean {
  return isUnitUserOf(actor, assignment.unitId) && assignment.state === 'signed_for';
}

/** Whether the actor may record a contact with the proposers now; a refusal says why not. */
export function contactRefusal(actor: Who, assignment: HandlingAssignment, proposalState: string): Refusal | null {
  if (!isUnitUserOf(actor, assignment.unitId))
    return { code: 'forbidden', detail: '只有本单位的经办人或分管领导可以记录沟通情况' };
  if (assignment.state !== 'signed_for') return { code: 'not_signed_for', detail: '请先签收交办件' };
  if (!repliesToProposers(assignment.role))
    return { code: 'co_handler', detail: '会办单位向主办单位提出会办意见，由主办单位与提案人沟通' };
  if (!openHandlingStates.includes(proposalState)) return { code: 'not_handling', detail: '提案当前不在办理中' };
  return null;
}

/** Whether a co-handler may send its opinion now (once; late opinions are accepted and marked late). */
export function opinionRefusal(
  actor: Who,
  assignment: HandlingAssignment,
  proposalState: string,
  alreadySent: boolean,
): Refusal | null {
  if (!isUnitUserOf(actor, assignment.unitId))
    return { code: 'forbidden', detail: '只有本单位的经办人或分管领导可以提出会办意见' };
  if (assignment.role !== 'co') return { code: 'not_co_handler', detail: '只有会办单位提出会办意见' };
  if (assignment.state !== 'signed_for') return { code: 'not_signed_for', detail: '请先签收交办件' };
  if (!openHandlingStates.includes(proposalState)) return { code: 'not_handling', detail: '提案当前不在办理中' };
  if (alreadySent) return { code: 'already_sent', detail: '本单位已提出会办意见，不能重复提交' };
  return null;
}

/** The latest due date an extension may reach: the tenant's cap counted from the assignment (default 6 months). */
export function latestExtensionOn(
  assignedOn: string,
  extensionMaxMonths: number,
  addMonths: (day: string, months: number) => string,
): string {
  return addMonths(assignedOn, extensionMaxMonths);
}

/**
 * Whether a replying unit may ask for this extension: before its deadline, a later date than the current one, not
 * beyond the cap, one open request at a time.
 */
export function extensionRefusal(
  actor: Who,
  assignment: HandlingAssignment,
  facts: {
    proposalState: string;
    today: string;
    requestedDueOn: string;
    latest: string;
    openRequest: boolean;
    /** Requests this assignment made before, whatever their outcome, and the kind's limit (null: none). */
    requestsMade?: number;
    requestLimit?: number | null;
  },
): Refusal | null {
  if (!isUnitUserOf(actor, assignment.unitId)) return { code: 'forbidden', detail: '只有本单位的经办人或分管领导可以申请延期' };
  if (assignment.state !== 'signed_for') return { code: 'not_signed_for', detail: '请先签收交办件' };
  if (!repliesToProposers(assignment.role)) return { code: 'co_handler', detail: '会办单位不申请延期，请与主办单位沟通' };
  if (!openHandlingStates.includes(facts.proposalState)) return { code: 'not_handling', detail: '提案当前不在办理中' };
  if (facts.today > assignment.dueOn) {
    return { code: 'deadline_passed', detail: `答复期限（${assignment.dueOn}）已过，不能再申请延期` };
  }
  if (facts.openRequest) return { code: 'already_requested', detail: '已有待审批的延期申请' };
  if (facts.requestLimit != null && (facts.requestsMade ?? 0) >= facts.requestLimit) {
    return { code: 'extension_used', detail: `每件只能申请 ${facts.requestLimit} 次延期，本件已申请过` };
  }
  if (facts.requestedDueOn <= assignment.dueOn) {
    return { code: 'not_later', detail: `延期后的期限应晚于当前期限 ${assignment.dueOn}` };
  }
  if (facts.requestedDueOn > facts.latest) {
    return { code: 'extension_cap', detail: `延期后的期限不能晚于 ${facts.latest}（自交办之日起累计不超过规定期限）` };
  }
  return null;
}

/** What the draft rules look at when a reply goes to sign-off. */
export type SubmitFacts = {
  kind: ReplyKind;
  requireContact: boolean;
  contactCount: number;
  resultClass: string | null;
  classNeedsFollowUp: boolean;
  followUpDueOn: string | null;
  today: string;
  /** Co-handlers of a lead unit that have sent no opinion, with their due dates. */
  awaitingCoHandlers: readonly { unitName: string; dueOn: string }[];
  /** Replies of this kind carry a result class (proposals: A/B/C); unset means they do. */
  classRequired?: boolean;
};

/**
 * Whether a reply may go to the leader for sign-off: a contact first (when the committee requires it), the
 * co-handlers' opinions in or their deadline passed, a known class (a reply), a follow-up date for a class that
 * needs one.
 */
export function submitRefusal(facts: SubmitFacts): Refusal | null {
  if (facts.kind === 'follow_up') return null;
  if (facts.requireContact && facts.contactCount === 0) {
    return { code: 'contact_required', detail: '答复前须至少与提案人沟通一次（走访、座谈或电话），请先记录沟通情况' };
  }
  const waiting = facts.awaitingCoHandlers.filter((unit) => facts.today <= unit.dueOn);
  if (waiting.length > 0) {
    const names = waiting.map((unit) => `${unit.unitName}（${unit.dueOn} 前）`).join('、');
    return { code: 'awaiting_co_handlers', detail: `会办单位尚未提出会办意见：${names}；收到意见或期限届满后方可送签` };
  }
  if (facts.classRequired === false) return null;
  if (!facts.resultClass) return { code: 'result_class_required', detail: '请选择答复类别' };
  if (facts.classNeedsFollowUp && !facts.followUpDueOn) {
    return { code: 'follow_up_date_required', detail: `${facts.resultClass} 类答复须填写后续办理情况的报告日期` };
  }
  if (facts.followUpDueOn && facts.followUpDueOn <= facts.today) {
    return { code: 'follow_up_date_past', detail: '后续报告日期应晚于今天' };
  }
  return null;
}

/**
 * The item-level check of a reply action (states and roles are the workflow's): where the kind needs the leader's
 * sign-off, the unit's own users submit and its leader signs off (to the office when the committee reviews replies,
 * else straight to the raters) or sends back; where it does not (a micro-suggestion by default), the unit's users
 * send the reply themselves. The office reviews. Proposals always need the sign-off.
 */
export function canTakeReplyAction(
  actor: Who,
  reply: { unitId: string; state: string },
  action: ReplyAction,
  officeReviewsReplies: boolean,
  leaderSignOff = true,
): boolean {
  switch (action) {
    case 'submit':
      return leaderSignOff && isUnitUserOf(actor, reply.unitId);
    case 'send':
      return !leaderSignOff && isUnitUserOf(actor, reply.unitId);
    case 'sign_off':
      return officeReviewsReplies && isUnitLeaderOf(actor, reply.unitId);
    case 'sign_off_and_send':
      return !officeReviewsReplies && isUnitLeaderOf(actor, reply.unitId);
    case 'return':
      return reply.state === 'office_review' ? hasAnyRole(actor, 'proposal_office') : isUnitLeaderOf(actor, reply.unitId);
    case 'release':
      return hasAnyRole(actor, 'proposal_office');
  }
}

/** True when the actor is the leader (分管领导) of this unit. */
export function isUnitLeaderOf(actor: Who, unitId: string): boolean {
  return actor.unitId === unitId && hasAnyRole(actor, 'unit_leader');
}

/** Who may read a reply in each state: the unit and the office always; proposers, supervisors and leaders once sent. */
export function canReadReply(
  actor: Who & Pick<Actor, 'memberId'>,
  reply: { unitId: string; state: string },
  isProposer: boolean,
): boolean {
  if (hasAnyRole(actor, 'proposal_office') || isUnitUserOf(actor, reply.unitId)) return true;
  if (reply.state !== 'sent') return false;
  return isProposer || hasAnyRole(actor, 'supervisor', 'leader');
}

/** A proposer who rates: a member id, or null for the collective author (the office speaks for it). */
export type Rater = { memberId: string | null };

/** Whether this actor may rate this reply now, as which rater; a refusal says why not. */
export function ratingRefusal(facts: {
  raterFound: boolean;
  replyKind: ReplyKind;
  replyState: string;
  replyIsCurrent: boolean;
  proposalState: string;
  alreadyRated: boolean;
}): Refusal | null {
  if (!facts.raterFound) return { code: 'forbidden', detail: '只有提案人本人可以评价答复（领衔人、联名人及被并案提案的提案人）' };
  if (facts.replyKind !== 'reply' || facts.replyState !== 'sent') return { code: 'not_rateable', detail: '这份答复不需要评价' };
  if (!facts.replyIsCurrent || facts.proposalState !== 'replied') {
    return { code: 'rating_closed', detail: '这份答复已不在评价期内' };
  }
  if (facts.alreadyRated) return { code: 'already_rated', detail: '您已评价过这份答复，评价不能修改' };
  return null;
}

/** After a rating: reopen for re-handling (dissatisfied, limit not reached), close (all rated) or wait. */
export function afterRating(facts: {
  rating: Rating;
  rehandlingCount: number;
  rehandlingLimit: number;
  /** Ratings still missing over every current reply and rater, after this one. */
  missingRatings: number;
}): 'reopen' | 'close' | 'wait' {
  if (facts.rating === 'dissatisfied' && facts.rehandlingCount < facts.rehandlingLimit) return 'reopen';
  return facts.missingRatings === 0 ? 'close' : 'wait';
}
