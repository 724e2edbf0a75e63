import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { type HandledKind, handledKindNames } from '../../../contracts/handling.ts';
import { effectiveSettings, type TenantSettings } from '../../../contracts/settings.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { addMonths } from '../../platform/calendar/business-date.ts';
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
import { type HandledItemRow, loadHandledItem } from './handled-items.ts';
import { adapterFor } from './handled-kind-registry.ts';
import type { HandledKindAdapter, HandledOwner, KindHandlingRules } from './handled-kinds.ts';
import { latestExtensionOn } from './handling.policy.ts';
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

/** The files attached to an item's replies, oldest first. */
export async function loadReplyAttachments(executor: Executor, orgId: string, itemId: string): Promise<ReplyAttachmentRow[]> {
  return executor
    .select()
    .from(replyAttachments)
    .where(and(eq(replyAttachments.orgId, orgId), eq(replyAttachments.itemId, itemId)))
    .orderBy(asc(replyAttachments.createdAt), asc(replyAttachments.id));
}

/** The handling rules of one kind of item in a committee, with today's business date in its time zone. */
export type HandlingRules = {
  kind: HandledKind;
  /** 提案, 微建议…: the word the messages use for the item. */
  kindName: string;
  today: string;
  calendar: OrganizationCalendar;
  /** The unit leader signs a reply off (off: the handler sends it, action send). */
  leaderSignOff: boolean;
  /** The office reviews signed-off replies before they go out. */
  officeReviewsReplies: boolean;
  /** A replying unit records a contact with the proposers before its reply goes to sign-off (proposals only). */
  requireContactBeforeReply: boolean;
  /** The result classes a reply carries (A/B/C for proposals); none for kinds whose replies are not classed. */
  resultClasses: ResultClassSetting[];
  rehandlingLimit: number;
  ratingWindowDays: number;
  rehandlingDue: KindHandlingRules['rehandlingDue'];
  /** Most extension requests per assignment; null: any number, one open at a time. */
  extensionsPerAssignment: number | null;
  /** The latest due date an extension may reach, counted from the assignment day. */
  extensionMax: NonNullable<KindHandlingRules['extensionMax']>;
};

export type ResultClassSetting = TenantSettings['proposals']['resultClasses'][number];

/** The handling rules of a kind (proposals by default) from the committee's settings. */
export function handlingRulesOf(
  settings: TenantSettings,
  kind: HandledKind,
  calendar: OrganizationCalendar,
  today: string,
): HandlingRules {
  const rules = adapterFor(kind).rules(settings);
  const proposal = kind === 'proposal';
  return {
    kind,
    kindName: handledKindNames[kind] ?? kind,
    today,
    calendar,
    leaderSignOff: rules.leaderSignOff,
    officeReviewsReplies: rules.officeReview,
    requireContactBeforeReply: proposal && settings.proposals.requireContactBeforeReply,
    resultClasses: proposal ? settings.proposals.resultClasses : [],
    rehandlingLimit: rules.rehandlingLimit,
    ratingWindowDays: rules.ratingWindowDays,
    rehandlingDue: rules.rehandlingDue,
    extensionsPerAssignment: rules.extensionsPerAssignment ?? null,
    extensionMax: rules.extensionMax ?? { months: settings.proposals.extensionMaxMonths },
  };
}

/** Loads the handling rules of a kind of item (proposals when not named) in a committee. */
export async function loadHandlingRules(
  executor: Executor,
  deps: AppDependencies,
  orgId: string,
  kind: HandledKind = 'proposal',
): Promise<HandlingRules> {
  const organization = await loadOrganization(executor, orgId);
  const calendar = await loadCalendar(executor, orgId);
  return handlingRulesOf(effectiveSettings(organization.settings), kind, calendar, calendar.today(deps.now()));
}

/** The latest due date an extension may reach: the kind's cap counted from the assignment day. */
export function latestExtensionFor(rules: Pick<HandlingRules, 'extensionMax' | 'calendar'>, assignedOn: string): string {
  const cap = rules.extensionMax;
  return 'months' in cap
    ? latestExtensionOn(assignedOn, cap.months, addMonths)
    : rules.calendar.addWorkingDays(assignedOn, cap.workingDays);
}

/** An item being handled: the engine's row, its owner as its kind's adapter loaded it, and the adapter. */
export type HandledSubject = { item: HandledItemRow; owner: HandledOwner; adapter: HandledKindAdapter };

/** The handled item of the committee with its owner (404 otherwise); the owner is locked for update when asked. */
export async function loadHandledSubject(
  executor: Executor,
  orgId: string,
  itemId: string,
  forUpdate = false,
): Promise<HandledSubject> {
  const item = await loadHandledItem(executor, orgId, itemId);
  const adapter = adapterFor(item.kind);
  const owner = await adapter.load(executor, orgId, itemId, forUpdate);
  return { item, owner, adapter };
}

/**
 * An assignment the actor may see with its item; `forUpdate` locks the item's owner then the assignment — the order
 * every handling write uses.
 */
export async function loadAssignmentWithItem(
  executor: Executor,
  actor: Actor,
  assignmentId: string,
  forUpdate = false,
): Promise<HandledSubject & { assignment: AssignmentRow }> {
  const visible = await loadVisibleAssignment(executor, actor, assignmentId);
  const subject = await loadHandledSubject(executor, actor.orgId, visible.itemId, forUpdate);
  const assignment = forUpdate ? await loadVisibleAssignment(executor, actor, assignmentId, true) : visible;
  return { ...subject, assignment };
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

/** The live (not reassigned) assignments of an item, oldest first. */
export async function loadLiveAssignmentRows(executor: Executor, orgId: string, itemId: string): Promise<AssignmentRow[]> {
  return executor
    .select()
    .from(itemAssignments)
    .where(and(eq(itemAssignments.orgId, orgId), eq(itemAssignments.itemId, itemId), ne(itemAssignments.state, 'reassigned')))
    .orderBy(asc(itemAssignments.id));
}

/** Every reply and follow-up report of an item, in the order they were drafted. */
export async function loadReplies(executor: Executor, orgId: string, itemId: string): Promise<ReplyRow[]> {
  return executor
    .select()
    .from(itemReplies)
    .where(and(eq(itemReplies.orgId, orgId), eq(itemReplies.itemId, itemId)))
    .orderBy(asc(itemReplies.id));
}

/** Every rating of an item's replies, oldest first. */
export async function loadRatings(executor: Executor, orgId: string, itemId: string): Promise<RatingRow[]> {
  return executor
    .select()
    .from(replyRatings)
    .where(and(eq(replyRatings.orgId, orgId), eq(replyRatings.itemId, itemId)))
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

/** The contacts, co-handler opinions and extension requests of an item. */
export async function loadHandlingRecords(
  executor: Executor,
  orgId: string,
  itemId: string,
): Promise<{ contacts: ContactRow[]; opinions: OpinionRow[]; extensions: ExtensionRow[] }> {
  const contacts = await executor
    .select()
    .from(handlingContacts)
    .where(and(eq(handlingContacts.orgId, orgId), eq(handlingContacts.itemId, itemId)))
    .orderBy(asc(handlingContacts.id));
  const opinions = await executor
    .select()
    .from(coHandlerOpinions)
    .where(and(eq(coHandlerOpinions.orgId, orgId), eq(coHandlerOpinions.itemId, itemId)))
    .orderBy(asc(coHandlerOpinions.id));
  const extensions = await executor
    .select()
    .from(extensionRequests)
    .where(and(eq(extensionRequests.orgId, orgId), eq(extensionRequests.itemId, itemId)))
    .orderBy(asc(extensionRequests.id));
  return { contacts, opinions, extensions };
}
