import { and, asc, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { AssignmentState, Proposal } from '../../../contracts/proposals.ts';
import { effectiveSettings } from '../../../contracts/settings.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDate } from '../../platform/calendar/business-date.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { loadOrganization, type SessionRow } from '../orgs/orgs.queries.ts';
import { members, units } from '../people/people.tables.ts';
import { openableProposalIds } from './proposals.access.ts';
import { type MergedSource, presentProposal } from './proposals.presenter.ts';
import { proposalCoSigners, proposalSupplements, proposals } from './proposals.tables.ts';
import { assignmentWorkflow } from './proposals.workflow.ts';

export type ProposalRow = typeof proposals.$inferSelect;
export type CoSignerRow = typeof proposalCoSigners.$inferSelect & { name: string };
export type SupplementRow = typeof proposalSupplements.$inferSelect;

/** What the rules need to know about the committee: today's date in its time zone and the body limit. */
export type ProposalSettings = { today: string; timeZone: string; bodyMaxCharacters: number };

/** The committee's proposal settings and today's business date. */
export async function loadProposalSettings(executor: Executor, deps: AppDependencies, orgId: string): Promise<ProposalSettings> {
  const organization = await loadOrganization(executor, orgId);
  return {
    today: businessDate(deps.now(), organization.timeZone),
    timeZone: organization.timeZone,
    bodyMaxCharacters: effectiveSettings(organization.settings).proposals.bodyMaxCharacters,
  };
}

/** Plenary when the date falls in the session's proposal window, interim otherwise. */
export function kindOn(session: Pick<SessionRow, 'proposalWindowOpensOn' | 'plenaryEndsOn'>, day: string): 'plenary' | 'interim' {
  return day >= session.proposalWindowOpensOn && day <= session.plenaryEndsOn ? 'plenary' : 'interim';
}

/** The co-signing invitations of a proposal with the members' names, in invitation order. */
export async function loadCoSigners(executor: Executor, orgId: string, proposalId: string): Promise<CoSignerRow[]> {
  const rows = await executor
    .select({ row: proposalCoSigners, name: members.name })
    .from(proposalCoSigners)
    .innerJoin(members, and(eq(members.orgId, proposalCoSigners.orgId), eq(members.id, proposalCoSigners.memberId)))
    .where(and(eq(proposalCoSigners.orgId, orgId), eq(proposalCoSigners.proposalId, proposalId)))
    .orderBy(asc(proposalCoSigners.id));
  return rows.map(({ row, name }) => ({ ...row, name }));
}

/**
 * A proposal the actor may read, with its co-signers; 404 when it does not exist in the actor's committee or
 * the actor may not see it. `forUpdate` locks the proposal row for the caller's transaction. Every route that loads
 * a proposal by its id goes through here: the read check is `openableProposalIds` (proposals.access.ts), the rule
 * of the detail route, so no route answers on a proposal its user could not open.
 */
export async function loadVisibleProposal(
  executor: Executor,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<{ proposal: ProposalRow; coSigners: CoSignerRow[] }> {
  const query = executor
    .select()
    .from(proposals)
    .where(and(eq(proposals.orgId, actor.orgId), eq(proposals.id, id)));
  const [proposal] = forUpdate ? await query.for('update') : await query;
  if (!proposal) throw notFound('提案');
  const coSigners = await loadCoSigners(executor, actor.orgId, id);
  const invited = coSigners.filter((row) => row.state !== 'cancelled').map((row) => row.memberId);
  const open = await openableProposalIds(executor, actor, [proposal], new Map([[id, invited]]));
  if (!open.has(id)) throw notFound('提案');
  return { proposal, coSigners };
}

/** The full view of a proposal for the actor: names, co-signers, supplements and the actions open to them. */
export async function presentProposalFor(
  executor: Executor,
  deps: AppDependencies,
  actor: Actor,
  proposal: ProposalRow,
  coSigners: CoSignerRow[],
  settings?: ProposalSettings,
): Promise<Proposal> {
  const effective = settings ?? (await loadProposalSettings(executor, deps, actor.orgId));
  const [lead] = proposal.leadMemberId
    ? await executor
        .select({ name: members.name })
        .from(members)
        .where(and(eq(members.orgId, actor.orgId), eq(members.id, proposal.leadMemberId)))
    : [];
  const supplements = await executor
    .select()
    .from(proposalSupplements)
    .where(and(eq(proposalSupplements.orgId, actor.orgId), eq(proposalSupplements.proposalId, proposal.id)))
    .orderBy(asc(proposalSupplements.id));
  return presentProposal(actor, proposal, {
    leadName: lead?.name ?? null,
    coSigners,
    supplements,
    today: effective.today,
    bodyMaxCharacters: effective.bodyMaxCharacters,
    merged: await loadMergedSources(executor, actor.orgId, proposal.id),
    mergedInto: proposal.mergedIntoId ? await loadMergedInto(executor, actor.orgId, proposal.mergedIntoId) : null,
    assignments: await loadLiveAssignments(executor, actor.orgId, proposal.id),
  });
}

/** The proposers of a proposal that count: its lead and accepted co-signers, or its collective author. */
export async function countedProposers(executor: Executor, proposal: ProposalRow): Promise<MergedSource['proposers']> {
  if (proposal.authorType === 'collective') {
    return [{ memberId: null, name: proposal.collectiveAuthorName ?? '', role: 'collective' }];
  }
  const [lead] = proposal.leadMemberId
    ? await executor
        .select({ name: members.name })
        .from(members)
        .where(and(eq(members.orgId, proposal.orgId), eq(members.id, proposal.leadMemberId)))
    : [];
  const coSigners = await loadCoSigners(executor, proposal.orgId, proposal.id);
  return [
    { memberId: proposal.leadMemberId, name: lead?.name ?? '', role: 'lead' },
    ...coSigners
      .filter((row) => row.state === 'accepted')
      .map((row) => ({ memberId: row.memberId, name: row.name, role: 'co_signer' as const })),
  ];
}

/**
 * Proposals merged into `targetId` (并案), oldest first, with their counted proposers, in three statements
 * whatever their number: the sources with their lead's name, then all their accepted co-signers.
 */
export async function loadMergedSources(executor: Executor, orgId: string, targetId: string): Promise<MergedSource[]> {
  const rows = await executor
    .select({ proposal: proposals, leadName: members.name })
    .from(proposals)
    .leftJoin(members, and(eq(members.orgId, proposals.orgId), eq(members.id, proposals.leadMemberId)))
    .where(and(eq(proposals.orgId, orgId), eq(proposals.mergedIntoId, targetId)))
    .orderBy(asc(proposals.id));
  if (rows.length === 0) return [];
  const coSigners = await executor
    .select({ proposalId: proposalCoSigners.proposalId, memberId: proposalCoSigners.memberId, name: members.name })
    .from(proposalCoSigners)
    .innerJoin(members, and(eq(members.orgId, proposalCoSigners.orgId), eq(members.id, proposalCoSigners.memberId)))
    .where(
      and(
        eq(proposalCoSigners.orgId, orgId),
        inArray(
          proposalCoSigners.proposalId,
          rows.map((row) => row.proposal.id),
        ),
        eq(proposalCoSigners.state, 'accepted'),
      ),
    )
    .orderBy(asc(proposalCoSigners.id));
  return rows.map(({ proposal, leadName }) => {
    const proposers: MergedSource['proposers'] =
      proposal.authorType === 'collective'
        ? [{ memberId: null, name: proposal.collectiveAuthorName ?? '', role: 'collective' }]
        : [
            { memberId: proposal.leadMemberId, name: leadName ?? '', role: 'lead' },
            ...coSigners
              .filter((row) => row.proposalId === proposal.id)
              .map((row) => ({ memberId: row.memberId, name: row.name, role: 'co_signer' as const })),
          ];
    return { id: proposal.id, title: proposal.title, authorName: proposers[0]?.name ?? '', proposers };
  });
}

/** The number and title of the proposal another was merged into. */
async function loadMergedInto(executor: Executor, orgId: string, id: string): Promise<Proposal['mergedInto']> {
  const [row] = await executor
    .select({ id: proposals.id, number: proposals.number, title: proposals.title })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.id, id)));
  return row ?? null;
}

/** The live (not reassigned) unit assignments of a proposal, lead first. */
export async function loadLiveAssignments(
  executor: Executor,
  orgId: string,
  proposalId: string,
): Promise<Proposal['assignments']> {
  const rows = await executor
    .select({ row: itemAssignments, unitName: units.name })
    .from(itemAssignments)
    .innerJoin(units, and(eq(units.orgId, itemAssignments.orgId), eq(units.id, itemAssignments.unitId)))
    .where(and(eq(itemAssignments.orgId, orgId), eq(itemAssignments.itemId, proposalId), ne(itemAssignments.state, 'reassigned')))
    .orderBy(asc(itemAssignments.id));
  const order = ['lead', 'sole', 'parallel', 'co'];
  return rows
    .map(({ row, unitName }) => ({
      id: row.id,
      unitId: row.unitId,
      unitName,
      role: row.role as Proposal['assignments'][number]['role'],
      state: row.state,
      stateName: assignmentWorkflow.states[row.state as AssignmentState] ?? row.state,
      dueOn: row.dueOn,
      signedForAt: row.signedForAt === null ? null : new Date(row.signedForAt).toISOString(),
    }))
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

/** GET /proposals/{id}: one proposal the actor may read. */
export async function getProposal(deps: AppDependencies, actor: Actor, id: string): Promise<Proposal> {
  const orm = deps.database.orm;
  const { proposal, coSigners } = await loadVisibleProposal(orm, actor, id);
  return presentProposalFor(orm, deps, actor, proposal, coSigners);
}

/** States in which a member's proposal is private to its proposers. */
const privateStates = ['draft', 'co_signing'];

/** GET /proposals lives in proposals.list.ts (filters, sorts, visibility); re-exported for existing imports. */
export { listProposals } from './proposals.list.ts';

/** Ids of the members among `ids` that exist in the committee and are active. */
export async function activeMemberIds(executor: Executor, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await executor
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.orgId, orgId), inArray(members.id, ids), eq(members.state, 'active')));
  return new Set(rows.map((row) => row.id));
}

/** Proposals of the given sessions that were handed in (not drafts, not withdrawn), for the similarity check. */
export async function submittedProposalsOf(executor: Executor, orgId: string, sessionIds: string[], excludeId?: string) {
  const conditions = [
    eq(proposals.orgId, orgId),
    inArray(proposals.sessionId, sessionIds),
    notInArray(proposals.state, [...privateStates, 'withdrawn']),
  ];
  if (excludeId) conditions.push(ne(proposals.id, excludeId));
  return executor
    .select({
      id: proposals.id,
      sessionId: proposals.sessionId,
      number: proposals.number,
      title: proposals.title,
      keywords: proposals.keywords,
      state: proposals.state,
    })
    .from(proposals)
    .where(and(...conditions));
}
