import type { HandlingView, ProposalReplies, Rating, Reply } from '../../../contracts/handling.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';
import { addMonths } from '../../platform/calendar/business-date.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { presentAttachment } from '../proposals/actions/upload-attachment.ts';
import { isUnitUserOf } from '../proposals/assignments.policy.ts';
import type { AssignmentRow } from '../proposals/assignments.presenter.ts';
import { presentAssignmentFor } from '../proposals/assignments.queries.ts';
import { isProposer } from '../proposals/proposals.policy.ts';
import { loadVisibleProposal, type ProposalRow } from '../proposals/proposals.queries.ts';
import {
  canReadReply,
  contactRefusal,
  extensionRefusal,
  type HandlingAssignment,
  latestExtensionOn,
  opinionRefusal,
  ratingRefusal,
  repliesToProposers,
} from './handling.policy.ts';
import { presentContact, presentExtension, presentOpinion, presentRating, presentReply } from './handling.presenter.ts';
import { currentReplies, nextRound } from './handling.progress.ts';
import {
  type HandlingRules,
  loadAssignmentWithProposal,
  loadHandlingRecords,
  loadHandlingRules,
  loadLiveAssignmentRows,
  loadRaters,
  loadRatings,
  loadReplies,
  loadReplyAttachments,
  type RaterRow,
  unitNamesOf,
} from './handling.queries.ts';

/** The assignment facts the handling policy reads. */
export function handlingFacts(row: AssignmentRow, rules: Pick<HandlingRules, 'calendar'>): HandlingAssignment {
  return {
    unitId: row.unitId,
    role: row.role,
    state: row.state,
    dueOn: row.dueOn,
    assignedOn: rules.calendar.today(new Date(row.assignedAt)),
  };
}

/** The rater this actor is for the proposal: their member record, or the collective author for office staff. */
export function raterFor(actor: Actor, proposal: ProposalRow, raters: readonly RaterRow[]): RaterRow | null {
  if (actor.memberId) {
    const own = raters.find((rater) => rater.memberId === actor.memberId);
    if (own && hasAnyRole(actor, 'member')) return own;
  }
  const collective = raters.find((rater) => rater.memberId === null);
  return collective && isProposer(actor, proposal) ? collective : null;
}

/**
 * The replies of a proposal this actor may read, with ratings (staff see all; a proposer sees their own as
 * `myRating`) and whether they may rate each now.
 */
export async function presentRepliesFor(
  executor: Executor,
  actor: Actor,
  proposal: ProposalRow,
  rules: HandlingRules,
): Promise<Reply[]> {
  const replies = await loadReplies(executor, actor.orgId, proposal.id);
  if (replies.length === 0) return [];
  const [assignments, ratings, raters, files] = [
    await loadLiveAssignmentRows(executor, actor.orgId, proposal.id),
    await loadRatings(executor, actor.orgId, proposal.id),
    await loadRaters(executor, proposal),
    await loadReplyAttachments(executor, actor.orgId, proposal.id),
  ];
  const unitNames = await unitNamesOf(
    executor,
    actor.orgId,
    replies.map((reply) => reply.unitId),
  );
  const rater = raterFor(actor, proposal, raters);
  const linkedUnit = assignments.some((row) => isUnitUserOf(actor, row.unitId));
  const replyingIds = assignments.filter((row) => repliesToProposers(row.role)).map((row) => row.id);
  const current = new Set(currentReplies(replyingIds, replies).map((reply) => reply.id));
  const names = new Map(raters.map((person) => [person.memberId ?? '', person.name]));
  const classNames = new Map(rules.resultClasses.map((item) => [item.code, item.name]));
  const staff = hasAnyRole(actor, 'proposal_office', 'supervisor', 'leader');
  return replies
    .filter((reply) => canReadReply(actor, reply, rater !== null || linkedUnit))
    .map((reply) => {
      const own = ratings.filter((rating) => rating.replyId === reply.id);
      const mine = rater ? own.find((rating) => rating.memberId === rater.memberId) : undefined;
      const seesRatings = staff || isUnitUserOf(actor, reply.unitId);
      const refusal = ratingRefusal({
        raterFound: rater !== null,
        replyKind: reply.kind as Reply['kind'],
        replyState: reply.state,
        replyIsCurrent: current.has(reply.id),
        proposalState: proposal.state,
        alreadyRated: mine !== undefined,
      });
      return presentReply(actor, reply, {
        unitName: unitNames.get(reply.unitId) ?? '',
        classNames,
        officeReviewsReplies: rules.officeReviewsReplies,
        // The proposers call the person the unit named: they see the phone in full (never on the portal).
        seesContactPhone: hasAnyRole(actor, 'proposal_office') || isUnitUserOf(actor, reply.unitId) || rater !== null,
        ratings: seesRatings ? own.map((rating) => presentRating(rating, names.get(rating.memberId ?? '') ?? '')) : [],
        myRating: (mine?.rating as Rating | undefined) ?? null,
        canRate: refusal === null,
        attachments: files.filter((file) => file.replyId === reply.id).map(presentAttachment),
      });
    });
}

/** GET /proposals/{id}/replies: the replies of a proposal the actor may read. */
export async function getProposalReplies(deps: AppDependencies, actor: Actor, proposalId: string): Promise<ProposalReplies> {
  const orm = deps.database.orm;
  const { proposal } = await loadVisibleProposal(orm, actor, proposalId);
  const rules = await loadHandlingRules(orm, deps, actor.orgId);
  return {
    proposalId: proposal.id,
    state: proposal.state,
    ratingDueOn: proposal.ratingDueOn,
    items: await presentRepliesFor(orm, actor, proposal, rules),
  };
}

/** GET /assignments/{id}/handling: everything a unit (or the office) needs to handle one assignment. */
export async function getHandlingView(deps: AppDependencies, actor: Actor, assignmentId: string): Promise<HandlingView> {
  const orm = deps.database.orm;
  const { assignment, proposal } = await loadAssignmentWithProposal(orm, actor, assignmentId);
  const rules = await loadHandlingRules(orm, deps, actor.orgId);
  const facts = handlingFacts(assignment, rules);
  const live = await loadLiveAssignmentRows(orm, actor.orgId, proposal.id);
  const records = await loadHandlingRecords(orm, actor.orgId, proposal.id);
  const unitNames = await unitNamesOf(
    orm,
    actor.orgId,
    live.map((row) => row.unitId),
  );
  const isLead = assignment.role === 'lead';
  const coRows = live.filter((row) => row.role === 'co');
  const opinions = records.opinions.filter((row) => (isLead ? true : row.assignmentId === assignment.id));
  const opinionOf = new Set(records.opinions.map((row) => row.assignmentId));
  const raters = await loadRaters(orm, proposal);
  const replies = (await presentRepliesFor(orm, actor, proposal, rules)).filter((reply) => reply.assignmentId === assignment.id);
  const allReplies = await loadReplies(orm, actor.orgId, proposal.id);
  const latest = latestExtensionOn(facts.assignedOn, rules.extensionMaxMonths, addMonths);
  const openRequest = records.extensions.some((row) => row.assignmentId === assignment.id && row.state === 'requested');
  const round = nextRound(assignment.id, allReplies);
  const hasRoundReply = allReplies.some(
    (row) => row.assignmentId === assignment.id && row.kind === 'reply' && row.round === round,
  );
  const replyable = contactRefusal(actor, facts, proposal.state) === null;
  const sentClassNeedsFollowUp = allReplies.some(
    (row) =>
      row.assignmentId === assignment.id &&
      row.kind === 'reply' &&
      row.state === 'sent' &&
      rules.resultClasses.some((item) => item.code === row.resultClass && item.needsFollowUp),
  );
  return {
    assignment: await presentAssignmentFor(orm, actor, assignment, rules.today),
    proposal: {
      id: proposal.id,
      number: proposal.number,
      title: proposal.title,
      state: proposal.state,
      proposerNames: raters.map((rater) => rater.name),
    },
    contacts: records.contacts
      .filter((row) => row.assignmentId === assignment.id)
      .map((row) => presentContact(row, unitNames.get(row.unitId) ?? '')),
    coOpinions: opinions.map((row) => presentOpinion(row, unitNames.get(row.unitId) ?? '')),
    awaitingCoHandlers: isLead
      ? coRows
          .filter((row) => !opinionOf.has(row.id))
          .map((row) => ({ unitName: unitNames.get(row.unitId) ?? '', dueOn: row.dueOn }))
      : [],
    extensions: records.extensions
      .filter((row) => row.assignmentId === assignment.id)
      .map((row) => presentExtension(actor, row, { unitName: unitNames.get(row.unitId) ?? '', proposalTitle: proposal.title })),
    replies,
    resultClasses: rules.resultClasses.map((item) => ({ code: item.code, name: item.name, needsFollowUp: item.needsFollowUp })),
    rules: {
      requiresContact: rules.requireContactBeforeReply && repliesToProposers(assignment.role),
      canRecordContact: replyable,
      canSendOpinion: opinionRefusal(actor, facts, proposal.state, opinionOf.has(assignment.id)) === null,
      canRequestExtension:
        extensionRefusal(actor, facts, {
          proposalState: proposal.state,
          today: rules.today,
          requestedDueOn: latest,
          latest,
          openRequest,
        }) === null && facts.dueOn < latest,
      latestExtensionOn: latest,
      canDraftReply: replyable && !hasRoundReply,
      canDraftFollowUp: isUnitUserOf(actor, assignment.unitId) && sentClassNeedsFollowUp,
    },
  };
}
