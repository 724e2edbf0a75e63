import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { AvailableAction } from '../../../contracts/common.ts';
import { type Rating, ratingNames } from '../../../contracts/handling.ts';
import {
  MICRO_SUGGESTION_MAX_PHOTOS,
  type MicroPhoto,
  type MicroSuggestion,
  type MicroSuggestionAction,
  type MicroSuggestionState,
  microSuggestionStateNames,
  type Resolution,
  resolutionNames,
} from '../../../contracts/micro-suggestions.ts';
import type { AssignmentState } from '../../../contracts/proposals.ts';
import { effectiveSettings } from '../../../contracts/settings.ts';
import { lightNames } from '../../../contracts/supervision.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { itemReplies, replyAttachments, replyRatings } from '../handling/handling.tables.ts';
import { loadOrganization } from '../orgs/orgs.queries.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';
import { members, units } from '../people/people.tables.ts';
import { assignmentWorkflow } from '../proposals/proposals.workflow.ts';
import { lightOf } from '../supervision/supervision.policy.ts';
import {
  actingRoles,
  automaticActions,
  canTakeMicroAction,
  fitsPublication,
  isLead,
  type MicroFacts,
} from './micro-suggestions.policy.ts';
import type { MicroRow, MicroSettings } from './micro-suggestions.queries.ts';
import { bodyLength } from './micro-suggestions.queries.ts';
import { microSuggestionPhotos, microSuggestionPublications, microSuggestions } from './micro-suggestions.tables.ts';
import { microSuggestionWorkflow } from './micro-suggestions.workflow.ts';

type PhotoRow = typeof microSuggestionPhotos.$inferSelect;

/** The stored decision of the office (jsonb). */
export type StoredDecision = {
  action: 'accept' | 'decline' | 'merge' | 'convert' | 'transfer' | 'take_on';
  reason: string | null;
  decidedAt: string;
  decidedBy: string;
  decidedByName: string | null;
};

/** An ISO instant, or null. */
export function iso(value: string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}

/** The URL a photo downloads from (the micro-suggestion's read rule applies). */
export function photoUrl(itemId: string, photoId: string): string {
  return `/api/v1/micro-suggestions/${itemId}/photos/${photoId}`;
}

/** The view of a stored photo of the member. */
export function presentPhoto(row: PhotoRow): MicroPhoto {
  return {
    id: row.id,
    kind: row.kind as MicroPhoto['kind'],
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    url: photoUrl(row.microSuggestionId, row.id),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** What the audit trail keeps of a micro-suggestion's content and state. */
export function microAuditView(row: MicroRow) {
  return {
    state: row.state,
    title: row.title,
    place: row.place,
    problem: row.problem,
    suggestion: row.suggestion,
    categoryId: row.categoryId,
    version: row.version,
  };
}

/**
 * The actions the actor may take now: transitions from the state for the actor's roles (a committee's reviewer
 * roles count as the office for review decisions), accepted by the item-level check; the engine's moves never show.
 */
export function microActionsFor(
  actor: Actor,
  facts: MicroFacts,
  settings: Pick<MicroSettings, 'reviewerRoles'>,
): AvailableAction[] {
  const seen = new Set<string>();
  return microSuggestionWorkflow.transitions
    .filter((transition) => transition.from.includes(facts.state as MicroSuggestionState))
    .filter((transition) => !automaticActions.includes(transition.action))
    .filter((transition) =>
      transition.roles.some((role) => actingRoles(actor, transition.action, settings.reviewerRoles).includes(role)),
    )
    .filter((transition) => canTakeMicroAction(actor, facts, transition.action as MicroSuggestionAction))
    .filter((transition) => fitsPublication(facts, transition.action as MicroSuggestionAction))
    .filter((transition) => !seen.has(transition.action) && Boolean(seen.add(transition.action)))
    .map((transition) => ({ action: transition.action, label: transition.label, needsReason: Boolean(transition.needsReason) }));
}

/** The member names of the ids, in the ids' order. */
export async function memberNames(executor: Executor, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(eq(members.orgId, orgId), inArray(members.id, [...ids])));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The members who rate a unit's reply: the raisers and the members of micro-suggestions merged into it. */
export async function ratingMemberIds(executor: Executor, row: MicroRow): Promise<string[]> {
  const merged = await executor
    .select({ memberIds: microSuggestions.memberIds })
    .from(microSuggestions)
    .where(and(eq(microSuggestions.orgId, row.orgId), eq(microSuggestions.mergedIntoId, row.id)));
  return [...new Set([...row.memberIds, ...merged.flatMap((source) => source.memberIds)])];
}

/** The unit's handling of a transferred micro-suggestion, from the engine's tables. */
async function loadHandling(
  executor: Executor,
  actor: Actor,
  row: MicroRow,
  settings: MicroSettings,
): Promise<MicroSuggestion['handling']> {
  const [live] = await executor
    .select({ assignment: itemAssignments, unitName: units.name })
    .from(itemAssignments)
    .innerJoin(units, and(eq(units.orgId, itemAssignments.orgId), eq(units.id, itemAssignments.unitId)))
    .where(and(eq(itemAssignments.orgId, row.orgId), eq(itemAssignments.itemId, row.id), ne(itemAssignments.state, 'reassigned')))
    .orderBy(asc(itemAssignments.id))
    .limit(1);
  if (!live) return null;
  const { assignment } = live;
  const replies = await executor
    .select()
    .from(itemReplies)
    .where(
      and(
        eq(itemReplies.orgId, row.orgId),
        eq(itemReplies.itemId, row.id),
        eq(itemReplies.kind, 'reply'),
        eq(itemReplies.state, 'sent'),
      ),
    )
    .orderBy(asc(itemReplies.round), asc(itemReplies.id));
  const replyIds = replies.map((reply) => reply.id);
  const attachments = replyIds.length
    ? await executor
        .select()
        .from(replyAttachments)
        .where(and(eq(replyAttachments.orgId, row.orgId), inArray(replyAttachments.replyId, replyIds)))
        .orderBy(asc(replyAttachments.createdAt), asc(replyAttachments.id))
    : [];
  const ratings = replyIds.length
    ? await executor
        .select()
        .from(replyRatings)
        .where(and(eq(replyRatings.orgId, row.orgId), inArray(replyRatings.replyId, replyIds)))
        .orderBy(asc(replyRatings.id))
    : [];
  const raters = await ratingMemberIds(executor, row);
  const names = await memberNames(
    executor,
    row.orgId,
    ratings.map((rating) => rating.memberId).filter((id): id is string => id !== null),
  );
  const organization = await loadOrganization(executor, row.orgId);
  const yellowAt = effectiveSettings(organization.settings).proposals.yellowAtPercent;
  const replied = assignment.repliedAt !== null;
  const assignedOn = new Date(assignment.assignedAt).toLocaleDateString('sv-SE', { timeZone: settings.timeZone });
  const light = lightOf({ assignedOn, dueOn: assignment.dueOn, replied }, settings.today, yellowAt);
  const latestRound = replies.reduce((max, reply) => Math.max(max, reply.round), 0);
  return {
    assignmentId: assignment.id,
    unitId: assignment.unitId,
    unitName: live.unitName,
    assignmentState: assignment.state,
    assignmentStateName: assignmentWorkflow.states[assignment.state as AssignmentState] ?? assignment.state,
    assignedAt: new Date(assignment.assignedAt).toISOString(),
    dueOn: assignment.dueOn,
    signedForAt: iso(assignment.signedForAt),
    light: light.light,
    lightName: lightNames[light.light],
    daysLeft: light.daysLeft,
    replies: replies.map((reply) => {
      const own = ratings.filter((rating) => rating.replyId === reply.id);
      const mine = actor.memberId ? own.find((rating) => rating.memberId === actor.memberId) : undefined;
      const canRate =
        row.state === 'replied' &&
        reply.round === latestRound &&
        actor.memberId !== null &&
        actor.roles.includes('member') &&
        raters.includes(actor.memberId) &&
        !mine &&
        (row.ratingDueOn === null || settings.today <= row.ratingDueOn);
      return {
        id: reply.id,
        round: reply.round,
        unitName: live.unitName,
        text: reply.text,
        sentAt: iso(reply.sentAt),
        onTime: reply.dueOnAtSend && reply.sentAt ? sentOn(reply.sentAt, settings.timeZone) <= reply.dueOnAtSend : null,
        photos: attachments
          .filter((file) => file.replyId === reply.id && file.contentType.startsWith('image/'))
          .map((file) => ({
            id: file.id,
            kind: 'reply' as const,
            fileName: file.fileName,
            contentType: file.contentType,
            size: file.size,
            url: photoUrl(row.id, file.id),
            createdAt: new Date(file.createdAt).toISOString(),
          })),
        ratings: own.map((rating) => ({
          memberId: rating.memberId,
          memberName: rating.memberId ? (names.get(rating.memberId) ?? '') : '',
          rating: rating.rating as Rating,
          ratingName: ratingNames[rating.rating as Rating] ?? rating.rating,
          comment: rating.comment,
          ratedAt: new Date(rating.ratedAt).toISOString(),
        })),
        myRating: (mine?.rating as Rating | undefined) ?? null,
        canRate,
      };
    }),
  };
}

/** The business date of an instant in the committee's time zone. */
export function sentOn(instant: string, timeZone: string): string {
  return new Date(instant).toLocaleDateString('sv-SE', { timeZone });
}

/** The full view of a micro-suggestion for the actor: names, photos, decision, handling and the actions open now. */
export async function presentMicroFor(
  executor: Executor,
  actor: Actor,
  row: MicroRow,
  settings: MicroSettings,
): Promise<MicroSuggestion> {
  const names = await memberNames(executor, row.orgId, row.memberIds);
  const [category] = row.categoryId
    ? await executor
        .select({ name: dictionaryEntries.name })
        .from(dictionaryEntries)
        .where(and(eq(dictionaryEntries.orgId, row.orgId), eq(dictionaryEntries.id, row.categoryId)))
    : [];
  const photos = await executor
    .select()
    .from(microSuggestionPhotos)
    .where(and(eq(microSuggestionPhotos.orgId, row.orgId), eq(microSuggestionPhotos.microSuggestionId, row.id)))
    .orderBy(asc(microSuggestionPhotos.createdAt), asc(microSuggestionPhotos.id));
  const [mergedInto] = row.mergedIntoId
    ? await executor
        .select({ id: microSuggestions.id, number: microSuggestions.number, title: microSuggestions.title })
        .from(microSuggestions)
        .where(and(eq(microSuggestions.orgId, row.orgId), eq(microSuggestions.id, row.mergedIntoId)))
    : [];
  const mergedFrom = await executor
    .select({ id: microSuggestions.id, number: microSuggestions.number, title: microSuggestions.title })
    .from(microSuggestions)
    .where(and(eq(microSuggestions.orgId, row.orgId), eq(microSuggestions.mergedIntoId, row.id)))
    .orderBy(asc(microSuggestions.id));
  const [publication] = await executor
    .select({ publishedAt: microSuggestionPublications.publishedAt })
    .from(microSuggestionPublications)
    .where(and(eq(microSuggestionPublications.orgId, row.orgId), eq(microSuggestionPublications.id, row.id)));
  const facts: MicroFacts = { ...row, published: Boolean(publication) };
  const problemPhotos = photos.filter((photo) => photo.kind === 'problem').map(presentPhoto);
  const resultPhotos = photos.filter((photo) => photo.kind === 'result').map(presentPhoto);
  const decision = row.decision as StoredDecision | null;
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    place: row.place,
    problem: row.problem,
    suggestion: row.suggestion,
    length: bodyLength(row),
    maxLength: settings.maxLength,
    leadMemberId: row.leadMemberId,
    leadMemberName: names.get(row.leadMemberId) ?? '',
    raisers: row.memberIds.map((memberId) => ({
      memberId,
      name: names.get(memberId) ?? '',
      lead: memberId === row.leadMemberId,
    })),
    source: {
      kind: row.source as MicroSuggestion['source']['kind'],
      stationId: row.stationId,
      visitId: row.visitId,
    },
    categoryId: row.categoryId,
    categoryName: category?.name ?? null,
    photos: problemPhotos,
    canAddPhotos: row.state === 'draft' && isLead(actor, row) && problemPhotos.length < MICRO_SUGGESTION_MAX_PHOTOS,
    maxPhotos: MICRO_SUGGESTION_MAX_PHOTOS,
    decision: decision
      ? {
          action: decision.action,
          reason: decision.reason,
          decidedAt: new Date(decision.decidedAt).toISOString(),
          decidedByName: decision.decidedByName,
        }
      : null,
    mergedInto: mergedInto ?? null,
    mergedFrom,
    convertedProposalId: row.convertedProposalId,
    handlingMode: row.handlingMode as MicroSuggestion['handlingMode'],
    handling: row.handlingMode === 'unit' ? await loadHandling(executor, actor, row, settings) : null,
    memberReport:
      row.handlingMode === 'member'
        ? {
            text: row.memberReport ?? '',
            reportedAt: iso(row.memberReportedAt),
            photos: resultPhotos,
            canAddPhotos:
              row.state === 'member_handling' && isLead(actor, row) && resultPhotos.length < MICRO_SUGGESTION_MAX_PHOTOS,
          }
        : null,
    ratingDueOn: row.ratingDueOn,
    rehandlingCount: row.rehandlingCount,
    rehandlingLimit: settings.rehandlingLimit,
    resolution: row.resolution as Resolution | null,
    resolutionName: row.resolution ? (resolutionNames[row.resolution as Resolution] ?? row.resolution) : null,
    resolvedAt: iso(row.resolvedAt),
    published: Boolean(publication),
    publishedAt: iso(publication?.publishedAt),
    submittedAt: iso(row.submittedAt),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    state: row.state,
    stateName: microSuggestionStateNames[row.state as MicroSuggestionState] ?? row.state,
    version: row.version,
    actions: microActionsFor(actor, facts, settings),
  };
}
