import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { effectiveSettings, type TenantSettings } from '../../../contracts/settings.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { loadCalendar, type OrganizationCalendar } from '../orgs/orgs.calendar.ts';
import { loadOrganization } from '../orgs/orgs.queries.ts';
import { units } from '../people/people.tables.ts';
import type { AssignmentRow } from '../proposals/assignments.presenter.ts';
import { loadVisibleAssignment } from '../proposals/assignments.queries.ts';
import { countedProposers, loadMergedSources, type ProposalRow } from '../proposals/proposals.queries.ts';
import { proposals } from '../proposals/proposals.tables.ts';
import { itemAssignments } from './handled-items.tables.ts';
import {
  coHandlerOpinions,
  extensionRequests,
  handlingContacts,
  itemReplies,
  replyAttachments,
  replyRatings,
} from './handling.tables.ts';

export type ContactRow = typeof handlingContacts.$inferSelect;
export type OpinionRow = typeof coHandlerOpinions.$inferSelect;
export type ExtensionRow = typeof extensionRequests.$inferSelect;
export type ReplyRow = typeof itemReplies.$inferSelect;
export type RatingRow = typeof replyRatings.$inferSelect;
export type ReplyAttachmentRow = typeof replyAttachments.$inferSelect;

/** The files attached to a proposal's replies, oldest first. */
export async function loadReplyAttachments(executor: Executor, orgId: string, proposalId: string): Promise<ReplyAttachmentRow[]> {
  return executor
    .select()
    .from(replyAttachments)
    .where(and(eq(replyAttachments.orgId, orgId), eq(replyAttachments.itemId, proposalId)))
    .orderBy(asc(replyAttachments.createdAt), asc(replyAttachments.id));
}

/** The committee's handling rules and today's business date in its time zone. */
export type HandlingRules = TenantSettings['proposals'] & { today: string; calendar: OrganizationCalendar };

/** Loads the handling rules of a committee. */
export async function loadHandlingRules(executor: Executor, deps: AppDependencies, orgId: string): Promise<HandlingRules> {
  const organization = await loadOrganization(executor, orgId);
  const calendar = await loadCalendar(executor, orgId);
  return { ...effectiveSettings(organization.settings).proposals, today: calendar.today(deps.now()), calendar };
}

/** An assignment the actor may see with its proposal; `forUpdate` locks the proposal then the assignment. */
export async function loadAssignmentWithProposal(
  executor: Executor,
  actor: Actor,
  assignmentId: string,
  forUpdate = false,
): Promise<{ assignment: AssignmentRow; proposal: ProposalRow }> {
  const visible = await loadVisibleAssignment(executor, actor, assignmentId);
  const proposal = await loadProposalRow(executor, actor.orgId, visible.itemId, forUpdate);
  const assignment = forUpdate ? await loadVisibleAssignment(executor, actor, assignmentId, true) : visible;
  return { assignment, proposal };
}

/** One proposal row of the committee (404 otherwise); locked for update when asked. */
export async function loadProposalRow(
  executor: Executor,
  orgId: string,
  proposalId: string,
  forUpdate = false,
): Promise<ProposalRow> {
  const query = executor
    .select()
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.id, proposalId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('提案');
  return row;
}

/** The live (not reassigned) assignments of a proposal, oldest first. */
export async function loadLiveAssignmentRows(executor: Executor, orgId: string, proposalId: string): Promise<AssignmentRow[]> {
  return executor
    .select()
    .from(itemAssignments)
    .where(
      and(
        eq(itemAssignments.orgId, orgId),
        eq(itemAssignments.itemId, proposalId),
        ne(itemAssignments.state, 'reassigned'),
      ),
    )
    .orderBy(asc(itemAssignments.id));
}

/** Every reply and follow-up report of a proposal, in the order they were drafted. */
export async function loadReplies(executor: Executor, orgId: string, proposalId: string): Promise<ReplyRow[]> {
  return executor
    .select()
    .from(itemReplies)
    .where(and(eq(itemReplies.orgId, orgId), eq(itemReplies.itemId, proposalId)))
    .orderBy(asc(itemReplies.id));
}

/** Every rating of a proposal's replies, oldest first. */
export async function loadRatings(executor: Executor, orgId: string, proposalId: string): Promise<RatingRow[]> {
  return executor
    .select()
    .from(replyRatings)
    .where(and(eq(replyRatings.orgId, orgId), eq(replyRatings.itemId, proposalId)))
    .orderBy(asc(replyRatings.id));
}

/** One proposer who rates the replies: a member, or the collective author (memberId null). */
export type RaterRow = { memberId: string | null; name: string };

/**
 * Who rates a proposal's replies: its lead and accepted co-signers (or its collective author), and the counted
 * proposers of every proposal merged into it (they get its reply too), each once.
 */
export async function loadRaters(executor: Executor, proposal: ProposalRow): Promise<RaterRow[]> {
  const own = await countedProposers(executor, proposal);
  const merged = await loadMergedSources(executor, proposal.orgId, proposal.id);
  const seen = new Set<string>();
  const raters: RaterRow[] = [];
  for (const person of [...own, ...merged.flatMap((source) => source.proposers)]) {
    const key = person.memberId ?? 'collective';
    if (seen.has(key)) continue;
    seen.add(key);
    raters.push({ memberId: person.memberId, name: person.name });
  }
  return raters;
}

/** The names of units by id. */
export async function unitNamesOf(executor: Executor, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.orgId, orgId), inArray(units.id, [...new Set(ids)])));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The contacts, co-handler opinions and extension requests of a proposal. */
export async function loadHandlingRecords(
  executor: Executor,
  orgId: string,
  proposalId: string,
): Promise<{ contacts: ContactRow[]; opinions: OpinionRow[]; extensions: ExtensionRow[] }> {
  const contacts = await executor
    .select()
    .from(handlingContacts)
    .where(and(eq(handlingContacts.orgId, orgId), eq(handlingContacts.itemId, proposalId)))
    .orderBy(asc(handlingContacts.id));
  const opinions = await executor
    .select()
    .from(coHandlerOpinions)
    .where(and(eq(coHandlerOpinions.orgId, orgId), eq(coHandlerOpinions.itemId, proposalId)))
    .orderBy(asc(coHandlerOpinions.id));
  const extensions = await executor
    .select()
    .from(extensionRequests)
    .where(and(eq(extensionRequests.orgId, orgId), eq(extensionRequests.itemId, proposalId)))
    .orderBy(asc(extensionRequests.id));
  return { contacts, opinions, extensions };
}
