import { and, desc, eq } from 'drizzle-orm';
import type { HandlingPhase } from '../../../contracts/handling.ts';
import {
  type MicroSuggestionAction,
  type MicroSuggestionState,
  microSuggestionStateNames,
  type Resolution,
} from '../../../contracts/micro-suggestions.ts';
import { effectiveSettings, microSuggestionSettings, type TenantSettings } from '../../../contracts/settings.ts';
import type { Executor, Transaction } from '../../platform/db/database.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { guardTransition } from '../../platform/workflow/workflow.ts';
import { writeHandledItem } from '../handling/handled-items.ts';
import type {
  HandledKindAdapter,
  HandledOwner,
  HandlingMove,
  HandlingMoveChanges,
  HandlingMover,
} from '../handling/handled-kinds.ts';
import { itemReplies, replyRatings } from '../handling/handling.tables.ts';
import { loadOrganization } from '../orgs/orgs.queries.ts';
import { microLink, notifyRaisers } from './micro-suggestions.notices.ts';
import { memberNames, ratingMemberIds } from './micro-suggestions.presenter.ts';
import { findMicro, type MicroRow, openableMicroIds } from './micro-suggestions.queries.ts';
import { indexMicroSuggestion } from './micro-suggestions.search.ts';
import { microSuggestions } from './micro-suggestions.tables.ts';
import { microSuggestionWorkflow } from './micro-suggestions.workflow.ts';

/** What a micro-suggestion's state means to the handling engine. */
export function microPhase(state: string): HandlingPhase {
  if (state === 'handling' || state === 'rehandling') return 'handling';
  if (state === 'replied') return 'replied';
  if (state === 'resolved' || state === 'declined' || state === 'merged' || state === 'converted') return 'closed';
  return 'waiting';
}

/** The engine's view of a micro-suggestion. */
function ownerOf(row: MicroRow): HandledOwner {
  return {
    orgId: row.orgId,
    id: row.id,
    kind: 'micro_suggestion',
    title: row.title,
    state: row.state,
    phase: microPhase(row.state),
    version: row.version,
    rehandlingCount: row.rehandlingCount,
    ratingDueOn: row.ratingDueOn,
  };
}

/** Keeps the engine's row of a micro-suggestion in step with it (in the caller's transaction). */
export async function syncMicroHandledItem(tx: Transaction, row: MicroRow): Promise<void> {
  await writeHandledItem(tx, {
    orgId: row.orgId,
    id: row.id,
    kind: 'micro_suggestion',
    number: row.number,
    title: row.title,
    state: row.state,
    phase: microPhase(row.state),
  });
}

/** The engine's move as an action of the micro-suggestion workflow. */
const actionOfMove: Record<HandlingMove, MicroSuggestionAction> = {
  record_reply: 'record_reply',
  reopen: 'reopen',
  close: 'resolve',
};

/** The event of each move. */
const eventTypes: Record<HandlingMove, string> = {
  record_reply: 'micro_suggestion.replied',
  reopen: 'micro_suggestion.reopened',
  close: 'micro_suggestion.resolved',
};

/**
 * How a closed micro-suggestion ended, from the ratings of its last round: not rated → unrated; any dissatisfied
 * (the re-handling limit reached) → dissatisfied; any basically satisfied → basically satisfied; else satisfied.
 */
async function resolutionOf(tx: Transaction, row: MicroRow): Promise<Resolution> {
  const [last] = await tx
    .select({ round: itemReplies.round })
    .from(itemReplies)
    .where(
      and(
        eq(itemReplies.orgId, row.orgId),
        eq(itemReplies.itemId, row.id),
        eq(itemReplies.kind, 'reply'),
        eq(itemReplies.state, 'sent'),
      ),
    )
    .orderBy(desc(itemReplies.round))
    .limit(1);
  if (!last) return 'unrated';
  const ratings = await tx
    .select({ rating: replyRatings.rating })
    .from(replyRatings)
    .innerJoin(itemReplies, and(eq(itemReplies.orgId, replyRatings.orgId), eq(itemReplies.id, replyRatings.replyId)))
    .where(and(eq(replyRatings.orgId, row.orgId), eq(replyRatings.itemId, row.id), eq(itemReplies.round, last.round)));
  const given = ratings.map((rating) => rating.rating);
  if (given.length === 0) return 'unrated';
  if (given.includes('dissatisfied')) return 'dissatisfied';
  if (given.includes('basically_satisfied')) return 'basically_satisfied';
  return 'satisfied';
}

/**
 * The notice to the members on a move of the engine; none for a reply going out (the engine tells the raters of
 * every kind then, so one reply is one notice).
 */
function noticeOf(move: HandlingMove, row: MicroRow, resolution: Resolution | null) {
  if (move === 'record_reply') return null;
  if (move === 'reopen') {
    return {
      title: '微建议重新办理',
      body: `根据您的评价，微建议“${row.title}”已交承办单位重新办理。`,
    };
  }
  const how = resolution === 'unrated' ? '评价期已过，' : '';
  return { title: '微建议已办结', body: `微建议“${row.title}”${how}已办结。` };
}

/**
 * Moves a micro-suggestion as the engine asks, in the engine's transaction: a unit's reply went out (→ replied,
 * with the rating window), a dissatisfied rating reopened it (→ rehandling), or it is closed (→ resolved, with how it
 * ended). Guarded by the workflow with the mover's roles, version bumped, its own event, its handled item kept in
 * step, the members (and those of merged ones) told of a reopening or the end.
 */
async function moveMicro(
  tx: Transaction,
  deps: AppDependencies,
  owner: HandledOwner,
  move: HandlingMove,
  changes: HandlingMoveChanges,
  who: HandlingMover,
): Promise<HandledOwner> {
  const row = await findMicro(tx, owner.orgId, owner.id, true);
  if (!row) throw notFound('微建议');
  const action = actionOfMove[move];
  const transition = guardTransition(microSuggestionWorkflow, row.state as MicroSuggestionState, action, who.roles);
  const now = deps.now().toISOString();
  const resolution = move === 'close' ? await resolutionOf(tx, row) : null;
  const set: Partial<typeof microSuggestions.$inferInsert> = { state: transition.to };
  if (move === 'record_reply') {
    set.repliedAt = changes.repliedAt ?? now;
    set.ratingDueOn = changes.ratingDueOn ?? null;
  }
  if (move === 'reopen') {
    set.rehandlingCount = changes.rehandlingCount ?? row.rehandlingCount + 1;
    set.ratingDueOn = null;
  }
  if (move === 'close') {
    set.resolvedAt = changes.closedAt ?? now;
    set.resolution = resolution;
    set.ratingDueOn = changes.ratingDueOn === undefined ? row.ratingDueOn : changes.ratingDueOn;
  }
  const [updated] = await tx
    .update(microSuggestions)
    .set({ ...set, version: row.version + 1, updatedAt: now })
    .where(and(eq(microSuggestions.orgId, row.orgId), eq(microSuggestions.id, row.id)))
    .returning();
  await recordEvent(tx, deps.config.auditHash, {
    orgId: row.orgId,
    type: eventTypes[move],
    summary: who.summary,
    actor: who.actor ?? undefined,
    subjectType: 'micro_suggestion',
    subjectId: row.id,
    before: { state: row.state, version: row.version },
    after: {
      state: updated.state,
      stateName: microSuggestionStateNames[updated.state as MicroSuggestionState],
      version: updated.version,
      ...set,
    },
    context: who.context,
  });
  await syncMicroHandledItem(tx, updated);
  const notice = noticeOf(move, updated, resolution);
  if (notice) await notifyRaisers(tx, updated, notice, true);
  await indexMicroSuggestion(tx, row.orgId, row.id);
  return ownerOf(updated);
}

/**
 * The micro-suggestion kind of the handling engine (decision 0016): one unit, 15 working days by default, no leader
 * sign-off unless the committee switches it on, no office review, re-handled once on a dissatisfied rating; rated by
 * its members and those of micro-suggestions merged into it.
 */
export const microSuggestionKind: HandledKindAdapter = {
  kind: 'micro_suggestion',
  async load(executor: Executor, orgId: string, id: string, forUpdate = false) {
    const row = await findMicro(executor, orgId, id, forUpdate);
    if (!row) throw notFound('微建议');
    return ownerOf(row);
  },
  move: moveMicro,
  async raters(executor, owner) {
    const row = await findMicro(executor, owner.orgId, owner.id);
    if (!row) return [];
    const ids = await ratingMemberIds(executor, row);
    const names = await memberNames(executor, owner.orgId, ids);
    return ids.map((memberId) => ({ memberId, name: names.get(memberId) ?? '' }));
  },
  rules(settings: TenantSettings) {
    const micro = microSuggestionSettings(settings);
    return {
      leaderSignOff: micro.leaderSignOff,
      officeReview: false,
      rehandlingLimit: micro.rehandlingLimit,
      ratingWindowDays: micro.ratingWindowDays,
      rehandlingDue: { workingDays: micro.replyWorkingDays },
      // "May ask once" for an extension, to at most twice the reply period from the transfer.
      extensionsPerAssignment: 1,
      extensionMax: { workingDays: 2 * micro.replyWorkingDays },
    };
  },
  link: (owner) => microLink(owner.id),
  async readable(executor, actor, owner) {
    const row = await findMicro(executor, owner.orgId, owner.id);
    if (!row || row.orgId !== actor.orgId) return false;
    const settings = microSuggestionSettings(effectiveSettings((await loadOrganization(executor, owner.orgId)).settings));
    return (await openableMicroIds(executor, actor, [row], settings.reviewerRoles)).has(row.id);
  },
  async reindex(tx, owner) {
    await indexMicroSuggestion(tx, owner.orgId, owner.id);
  },
};
