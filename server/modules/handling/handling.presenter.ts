import type { Attachment } from '../../../contracts/attachments.ts';
import type {
  Contact,
  ContactMethod,
  CoOpinion,
  Extension,
  ExtensionState,
  Rating,
  RatingView,
  Reply,
  ReplyKind,
  ReplyState,
} from '../../../contracts/handling.ts';
import { contactMethodNames, type HandledKind, handledKindNames, ratingNames } from '../../../contracts/handling.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { mask } from '../../platform/crypto/field-cipher.ts';
import { availableActions } from '../../platform/workflow/workflow.ts';
import { adapterFor } from './handled-kind-registry.ts';
import { canTakeReplyAction } from './handling.policy.ts';
import type { ContactRow, ExtensionRow, OpinionRow, RatingRow, ReplyRow } from './handling.queries.ts';
import { extensionWorkflow, replyWorkflow } from './handling.workflow.ts';

/** An instant as ISO 8601 in UTC, whatever form the database returned. */
export function iso(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** A recorded contact. */
export function presentContact(row: ContactRow, unitName: string): Contact {
  const method = row.method as ContactMethod;
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    unitName,
    method,
    methodName: contactMethodNames[method] ?? row.method,
    contactedOn: row.contactedOn,
    people: row.people,
    summary: row.summary,
    recordedByName: row.recordedByName,
    createdAt: iso(row.createdAt) ?? '',
  };
}

/** A co-handler's opinion. */
export function presentOpinion(row: OpinionRow, unitName: string): CoOpinion {
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    unitId: row.unitId,
    unitName,
    text: row.text,
    sentAt: iso(row.sentAt) ?? '',
    sentByName: row.sentByName,
    late: row.late,
  };
}

/** An extension request with the office's actions. */
export function presentExtension(
  actor: Actor,
  row: ExtensionRow,
  context: { unitName: string; proposalTitle: string; kind?: string },
): Extension {
  const state = row.state as ExtensionState;
  const kind = (context.kind ?? 'proposal') as HandledKind;
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    proposalId: row.itemId,
    proposalTitle: context.proposalTitle,
    kind,
    kindName: handledKindNames[kind] ?? kind,
    itemId: row.itemId,
    itemTitle: context.proposalTitle,
    link: adapterFor(kind).link({ id: row.itemId }),
    unitName: context.unitName,
    previousDueOn: row.previousDueOn,
    requestedDueOn: row.requestedDueOn,
    reason: row.reason,
    requestedAt: iso(row.createdAt) ?? '',
    decisionReason: row.decisionReason,
    decidedAt: iso(row.decidedAt),
    state,
    stateName: extensionWorkflow.states[state] ?? state,
    version: row.version,
    actions: availableActions(extensionWorkflow, state, actor.roles),
  };
}

/** A rating with the rater's name. */
export function presentRating(row: RatingRow, memberName: string): RatingView {
  const rating = row.rating as Rating;
  return {
    id: row.id,
    replyId: row.replyId,
    memberId: row.memberId ?? '',
    memberName,
    rating,
    ratingName: ratingNames[rating] ?? row.rating,
    contacted: row.contacted,
    addressed: row.addressed,
    comment: row.comment,
    ratedAt: iso(row.ratedAt) ?? '',
  };
}

/** What a reply shows beyond its row. */
export type ReplyContext = {
  unitName: string;
  classNames: ReadonlyMap<string, string>;
  officeReviewsReplies: boolean;
  /** The kind's replies need the unit leader's sign-off (proposals always; unset means they do). */
  leaderSignOff?: boolean;
  /** The unit and the office see the contact phone; everyone else a masked one. */
  seesContactPhone: boolean;
  ratings: RatingView[];
  myRating: Rating | null;
  canRate: boolean;
  attachments: Attachment[];
};

/** The view of one reply, with the actions open to the actor now. Never the raw row. */
export function presentReply(actor: Actor, row: ReplyRow, context: ReplyContext): Reply {
  const state = row.state as ReplyState;
  return {
    id: row.id,
    proposalId: row.itemId,
    itemId: row.itemId,
    assignmentId: row.assignmentId,
    unitId: row.unitId,
    unitName: context.unitName,
    kind: row.kind as ReplyKind,
    round: row.round,
    text: row.text,
    resultClass: row.resultClass,
    resultClassName: row.resultClass ? (context.classNames.get(row.resultClass) ?? row.resultClass) : null,
    unitResultClass: row.unitResultClass,
    contactPerson: row.contactPerson,
    contactPhone: context.seesContactPhone ? row.contactPhone : (mask(row.contactPhone) ?? ''),
    followUpDueOn: row.followUpDueOn,
    returnReason: row.returnReason,
    draftedByName: row.draftedByName,
    signedOffByName: row.signedOffByName,
    signedOffAt: iso(row.signedOffAt),
    sentAt: iso(row.sentAt),
    attachments: context.attachments,
    ratings: context.ratings,
    myRating: context.myRating,
    canRate: context.canRate,
    state,
    stateName: replyWorkflow.states[state] ?? state,
    version: row.version,
    actions: availableActions(replyWorkflow, state, actor.roles, (action) =>
      canTakeReplyAction(actor, row, action, context.officeReviewsReplies, context.leaderSignOff ?? true),
    ),
  };
}
