import { and, eq } from 'drizzle-orm';
import type { ProposalState } from '../../../contracts/proposals.ts';
import type { TenantSettings } from '../../../contracts/settings.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';
import type { Executor, Transaction } from '../../platform/db/database.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import { assertVersionMatched } from '../../platform/http/concurrency.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { guardTransition } from '../../platform/workflow/workflow.ts';
import type {
  HandledKindAdapter,
  HandledOwner,
  HandledRater,
  HandlingMove,
  HandlingMoveChanges,
  HandlingMover,
  KindHandlingRules,
} from '../handling/handled-kinds.ts';
import { loadProposalRow, loadRaters } from '../handling/handling.queries.ts';
import { proposalPhase, syncProposalHandledItem } from './proposals.handled-item.ts';
import { isProposer } from './proposals.policy.ts';
import { loadVisibleProposal, type ProposalRow } from './proposals.queries.ts';
import { indexProposal } from './proposals.search.ts';
import { proposals } from './proposals.tables.ts';
import { proposalWorkflow } from './proposals.workflow.ts';

/** A proposal as the handling engine sees it, with its row (the proposal's own rules read it). */
export type ProposalOwner = HandledOwner & { proposal: ProposalRow };

/** The engine's view of a proposal row. */
export function proposalOwner(row: ProposalRow): ProposalOwner {
  return {
    orgId: row.orgId,
    id: row.id,
    kind: 'proposal',
    title: row.title,
    state: row.state,
    phase: proposalPhase(row.state),
    version: row.version,
    rehandlingCount: row.rehandlingCount,
    ratingDueOn: row.ratingDueOn,
    proposal: row,
  };
}

/** The proposal row of an owner the proposal adapter loaded (read again when the owner came from elsewhere). */
async function rowOf(executor: Executor, owner: HandledOwner): Promise<ProposalRow> {
  const known = (owner as Partial<ProposalOwner>).proposal;
  return known && known.version === owner.version ? known : loadProposalRow(executor, owner.orgId, owner.id);
}

/**
 * Moves a proposal through its workflow (record_reply, reopen, close) for a handling action, with the proposal's
 * own event, keeps its handled item in step and re-indexes it (the state is a search filter). `roles` are the
 * actor's, or the office's for the nightly scan.
 */
export async function moveProposal(
  tx: Transaction,
  deps: AppDependencies,
  proposal: ProposalRow,
  action: HandlingMove,
  changes: Partial<typeof proposals.$inferInsert>,
  who: HandlingMover,
): Promise<ProposalRow> {
  const transition = guardTransition(proposalWorkflow, proposal.state as ProposalState, action, who.roles);
  const now = deps.now().toISOString();
  const updated = await tx
    .update(proposals)
    .set({ ...changes, state: transition.to, version: proposal.version + 1, updatedAt: now })
    .where(and(eq(proposals.orgId, proposal.orgId), eq(proposals.id, proposal.id), eq(proposals.version, proposal.version)))
    .returning();
  assertVersionMatched(updated.length, '提案');
  await syncProposalHandledItem(tx, updated[0]);
  await recordEvent(tx, deps.config.auditHash, {
    orgId: proposal.orgId,
    type: `proposal.${transition.to}`,
    summary: who.summary,
    actor: who.actor,
    subjectType: 'proposal',
    subjectId: proposal.id,
    before: { state: proposal.state, version: proposal.version },
    after: { state: transition.to, version: proposal.version + 1, ...changes },
    context: who.context,
  });
  await indexProposal(tx, proposal.orgId, proposal.id);
  return updated[0];
}

/** The engine's changes as the proposal's columns (they share their names). */
function proposalChanges(changes: HandlingMoveChanges): Partial<typeof proposals.$inferInsert> {
  const columns: Partial<typeof proposals.$inferInsert> = {};
  if (changes.repliedAt !== undefined) columns.repliedAt = changes.repliedAt;
  if (changes.ratingDueOn !== undefined) columns.ratingDueOn = changes.ratingDueOn;
  if (changes.closedAt !== undefined) columns.closedAt = changes.closedAt;
  if (changes.rehandlingCount !== undefined) columns.rehandlingCount = changes.rehandlingCount;
  return columns;
}

/** The rater this actor is for the proposal: their member record, or the collective author for office staff. */
export function proposalRaterFor(actor: Actor, proposal: ProposalRow, raters: readonly HandledRater[]): HandledRater | null {
  if (actor.memberId) {
    const own = raters.find((rater) => rater.memberId === actor.memberId);
    if (own && hasAnyRole(actor, 'member')) return own;
  }
  const collective = raters.find((rater) => rater.memberId === null);
  return collective && isProposer(actor, proposal) ? collective : null;
}

/** The handling rules of proposals: leader sign-off always, the committee's office review, months for deadlines. */
function proposalRules(settings: TenantSettings): KindHandlingRules {
  const rules = settings.proposals;
  return {
    leaderSignOff: true,
    officeReview: rules.officeReviewsReplies,
    rehandlingLimit: rules.rehandlingLimit,
    ratingWindowDays: rules.ratingWindowDays,
    rehandlingDue: { months: rules.rehandlingDueMonths },
    extensionMax: { months: rules.extensionMaxMonths },
  };
}

/**
 * The proposal kind of the handling engine (decision 0016): the proposal row is the owner, its workflow moves it,
 * its lead and accepted co-signers (and the proposers of proposals merged into it) rate the replies.
 */
export const proposalHandling: HandledKindAdapter = {
  kind: 'proposal',
  async load(executor, orgId, id, forUpdate = false) {
    return proposalOwner(await loadProposalRow(executor, orgId, id, forUpdate));
  },
  async move(tx, deps, owner, move, changes, who) {
    const row = await rowOf(tx, owner);
    return proposalOwner(await moveProposal(tx, deps, row, move, proposalChanges(changes), who));
  },
  async raters(executor, owner) {
    return loadRaters(executor, await rowOf(executor, owner));
  },
  rules: (settings) => proposalRules(settings),
  link: (owner) => `/proposals/${owner.id}`,
  async readable(executor, actor, owner) {
    try {
      await loadVisibleProposal(executor, actor, owner.id);
      return true;
    } catch (error) {
      if (error instanceof Problem && error.status === 404) return false;
      throw error;
    }
  },
  raterFor(actor, owner, raters) {
    const proposal = (owner as Partial<ProposalOwner>).proposal;
    return proposal ? proposalRaterFor(actor, proposal, raters) : null;
  },
  async reindex(tx, owner) {
    await indexProposal(tx, owner.orgId, owner.id);
  },
};
