import type { HandledKind, HandlingView, ItemReplies, ProposalReplies, Rating, Reply } from '../../../contracts/handling.ts';
import { handledKindNames } from '../../../contracts/handling.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { presentAttachment } from '../proposals/actions/upload-attachment.ts';
import { isUnitUserOf, seesAllAssignments } from '../proposals/assignments.policy.ts';
import type { AssignmentRow } from '../proposals/assignments.presenter.ts';
import { presentAssignmentFor } from '../proposals/assignments.queries.ts';
import { proposalOwner } from '../proposals/proposals.handling.ts';
import { loadVisibleProposal } from '../proposals/proposals.queries.ts';
import { adapterFor } from './handled-kind-registry.ts';
import type { HandledRater } from './handled-kinds.ts';
import {
  canReadReply,
  contactRefusal,
  extensionRefusal,
  type HandlingAssignment,
  opinionRefusal,
  ratingRefusal,
  repliesToProposers,
} from './handling.policy.ts';
import { presentContact, presentExtension, presentOpinion, presentRating, presentReply } from './handling.presenter.ts';
import { currentReplies, nextRound } from './handling.progress.ts';
import {
  type HandledSubject,
  type HandlingRules,
  latestExtensionFor,
  loadAssignmentWithItem,
  loadHandledSubject,
  loadHandlingRecords,
  loadHandlingRules,
  loadLiveAssignmentRows,
  loadRatings,
  loadReplies,
  loadReplyAttachments,
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

/**
 * The rater this actor is for the item: the kind's own rule when it has one (a proposal: the member's record, or
 * the collective author for office staff), else the rater with the actor's member record.
 */
export function raterFor(
  actor: Actor,
  subject: Pick<HandledSubject, 'owner' | 'adapter'>,
  raters: readonly HandledRater[],
): HandledRater | null {
  if (subject.adapter.raterFor) return subject.adapter.raterFor(actor, subject.owner, raters);
  if (!actor.memberId || !hasAnyRole(actor, 'member')) return null;
  return raters.find((rater) => rater.memberId === actor.memberId) ?? null;
}

/**
 * The replies of an item this actor may read, with ratings (staff see all; a rater sees their own as `myRating`)
 * and whether they may rate each now.
 */
export async function presentRepliesFor(
  executor: Executor,
  actor: Actor,
  subject: Pick<HandledSubject, 'owner' | 'adapter'>,
  rules: HandlingRules,
): Promise<Reply[]> {
  const { owner } = subject;
  const replies = await loadReplies(executor, actor.orgId, owner.id);
  if (replies.length === 0) return [];
  const [assignments, ratings, raters, files] = [
    await loadLiveAssignmentRows(executor, actor.orgId, owner.id),
    await loadRatings(executor, actor.orgId, owner.id),
    await subject.adapter.raters(executor, owner),
    await loadReplyAttachments(executor, actor.orgId, owner.id),
  ];
  const unitNames = await unitNamesOf(
    executor,
    actor.orgId,
    replies.map((reply) => reply.unitId),
  );
  const rater = raterFor(actor, subject, raters);
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
        proposalState: owner.phase,
        alreadyRated: mine !== undefined,
      });
      return presentReply(actor, reply, {
        unitName: unitNames.get(reply.unitId) ?? '',
        classNames,
        officeReviewsReplies: rules.officeReviewsReplies,
        leaderSignOff: rules.leaderSignOff,
        // The raters call the person the unit named: they see the phone in full (never on the portal).
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
    items: await presentRepliesFor(orm, actor, { owner: proposalOwner(proposal), adapter: adapterFor('proposal') }, rules),
  };
}

/**
 * Whether the actor may read an item's replies: its kind's rule, or the engine's — the office, supervisors and
 * leaders; a unit holding an assignment of it; one of its raters.
 */
export async function canReadItem(executor: Executor, actor: Actor, subject: HandledSubject): Promise<boolean> {
  const { owner, adapter } = subject;
  if (adapter.readable) return adapter.readable(executor, actor, owner);
  if (seesAllAssignments(actor)) return true;
  const assignments = await loadLiveAssignmentRows(executor, actor.orgId, owner.id);
  if (assignments.some((row) => isUnitUserOf(actor, row.unitId))) return true;
  return raterFor(actor, subject, await adapter.raters(executor, owner)) !== null;
}

/** The replies of an item, with its state, kind and rating window, for the rate action and the item routes. */
export async function presentItemReplies(
  executor: Executor,
  actor: Actor,
  subject: Pick<HandledSubject, 'owner' | 'adapter'>,
  rules: HandlingRules,
): Promise<ItemReplies> {
  const { owner } = subject;
  return {
    proposalId: owner.id,
    itemId: owner.id,
    kind: owner.kind,
    kindName: handledKindNames[owner.kind as HandledKind] ?? owner.kind,
    state: owner.state,
    ratingDueOn: owner.ratingDueOn,
    items: await presentRepliesFor(executor, actor, subject, rules),
  };
}

/** Throws a 404 naming the item's kind (提案…) unless the actor may read the item's replies. */
export async function assertCanReadItem(executor: Executor, actor: Actor, subject: HandledSubject): Promise<void> {
  if (!(await canReadItem(executor, actor, subject))) {
    throw notFound(handledKindNames[subject.item.kind as HandledKind] ?? '办理件');
  }
}

/** GET /items/{id}/replies: the replies of a handled item of any kind the actor may read (404 otherwise). */
export async function getItemReplies(deps: AppDependencies, actor: Actor, itemId: string): Promise<ItemReplies> {
  const orm = deps.database.orm;
  const subject = await loadHandledSubject(orm, actor.orgId, itemId);
  await assertCanReadItem(orm, actor, subject);
  const rules = await loadHandlingRules(orm, deps, actor.orgId, subject.item.kind as HandledKind);
  return presentItemReplies(orm, actor, subject, rules);
}

/** GET /assignments/{id}/handling: everything a unit (or the office) needs to handle one assignment. */
export async function getHandlingView(deps: AppDependencies, actor: Actor, assignmentId: string): Promise<HandlingView> {
  const orm = deps.database.orm;
  const subject = await loadAssignmentWithItem(orm, actor, assignmentId);
  const { assignment, owner, item, adapter } = subject;
  const rules = await loadHandlingRules(orm, deps, actor.orgId, item.kind as HandledKind);
  const facts = handlingFacts(assignment, rules);
  const live = await loadLiveAssignmentRows(orm, actor.orgId, owner.id);
  const records = await loadHandlingRecords(orm, actor.orgId, owner.id);
  const unitNames = await unitNamesOf(
    orm,
    actor.orgId,
    live.map((row) => row.unitId),
  );
  const isLead = assignment.role === 'lead';
  const coRows = live.filter((row) => row.role === 'co');
  const opinions = records.opinions.filter((row) => (isLead ? true : row.assignmentId === assignment.id));
  const opinionOf = new Set(records.opinions.map((row) => row.assignmentId));
  const raters = await adapter.raters(orm, owner);
  const replies = (await presentRepliesFor(orm, actor, subject, rules)).filter((reply) => reply.assignmentId === assignment.id);
  const allReplies = await loadReplies(orm, actor.orgId, owner.id);
  const latest = latestExtensionFor(rules, facts.assignedOn);
  const ownExtensions = records.extensions.filter((row) => row.assignmentId === assignment.id);
  const openRequest = ownExtensions.some((row) => row.state === 'requested');
  const round = nextRound(assignment.id, allReplies);
  const hasRoundReply = allReplies.some(
    (row) => row.assignmentId === assignment.id && row.kind === 'reply' && row.round === round,
  );
  const replyable = contactRefusal(actor, facts, owner.phase) === null;
  const sentClassNeedsFollowUp = allReplies.some(
    (row) =>
      row.assignmentId === assignment.id &&
      row.kind === 'reply' &&
      row.state === 'sent' &&
      rules.resultClasses.some((item) => item.code === row.resultClass && item.needsFollowUp),
  );
  const isProposal = item.kind === 'proposal';
  const raterNames = raters.map((rater) => rater.name);
  return {
    assignment: await presentAssignmentFor(orm, actor, assignment, rules.today),
    proposal: { id: owner.id, number: item.number, title: owner.title, state: owner.state, proposerNames: raterNames },
    item: {
      id: owner.id,
      kind: item.kind as HandledKind,
      kindName: rules.kindName,
      number: item.number,
      title: owner.title,
      state: owner.state,
      phase: owner.phase,
      link: adapter.link(owner),
      raterNames,
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
    extensions: ownExtensions.map((row) =>
      presentExtension(actor, row, { unitName: unitNames.get(row.unitId) ?? '', proposalTitle: owner.title, kind: item.kind }),
    ),
    replies,
    resultClasses: rules.resultClasses.map((entry) => ({
      code: entry.code,
      name: entry.name,
      needsFollowUp: entry.needsFollowUp,
    })),
    rules: {
      requiresContact: rules.requireContactBeforeReply && repliesToProposers(assignment.role),
      canRecordContact: replyable && isProposal,
      canSendOpinion: opinionRefusal(actor, facts, owner.phase, opinionOf.has(assignment.id)) === null,
      canRequestExtension:
        extensionRefusal(actor, facts, {
          proposalState: owner.phase,
          today: rules.today,
          requestedDueOn: latest,
          latest,
          openRequest,
          requestsMade: ownExtensions.length,
          requestLimit: rules.extensionsPerAssignment,
        }) === null && facts.dueOn < latest,
      latestExtensionOn: latest,
      canDraftReply: replyable && !hasRoundReply,
      canDraftFollowUp: isUnitUserOf(actor, assignment.unitId) && sentClassNeedsFollowUp,
      leaderSignOff: rules.leaderSignOff,
      officeReviewsReplies: rules.officeReviewsReplies,
      resultClassRequired: rules.resultClasses.length > 0,
      extensionsPerAssignment: rules.extensionsPerAssignment,
    },
  };
}
