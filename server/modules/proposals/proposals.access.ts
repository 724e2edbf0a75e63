import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { canReadProposal, type ProposalFacts, type ProposalLinks } from './proposals.policy.ts';
import { proposalCoSigners, proposals } from './proposals.tables.ts';

/** What the read check needs of a proposal row. */
type Openable = ProposalFacts & { id: string };

/**
 * THE read check of proposals: which of these proposals (rows of the actor's committee) the actor may open, by
 * `canReadProposal` — the rule of the detail route, which every route that loads a proposal applies through
 * `loadVisibleProposal`, and lists of proposals (similar items) apply here. The facts are gathered for all rows at
 * once: live co-signing invitations (unless given), then only for rows still refused, the units they were assigned
 * to (for a unit user) and the proposers of proposals merged into them (for a member): a few statements, whatever
 * the number of rows.
 */
export async function openableProposalIds(
  executor: Executor,
  actor: Actor,
  rows: readonly Openable[],
  invitedGiven?: ReadonlyMap<string, readonly string[]>,
): Promise<Set<string>> {
  const open = new Set<string>();
  if (rows.length === 0) return open;
  const invited =
    invitedGiven ??
    (await liveInvitations(
      executor,
      actor.orgId,
      rows.map((row) => row.id),
    ));
  const refused = rows.filter((row) => {
    const allowed = canReadProposal(actor, row, invited.get(row.id) ?? []);
    if (allowed) open.add(row.id);
    return !allowed;
  });
  if (refused.length === 0 || (!actor.unitId && !actor.memberId)) return open;
  const links = await linksOf(
    executor,
    actor,
    refused.map((row) => row.id),
  );
  for (const row of refused) {
    if (canReadProposal(actor, row, invited.get(row.id) ?? [], links.get(row.id))) open.add(row.id);
  }
  return open;
}

/** The members invited (and not cancelled) to co-sign each proposal. */
async function liveInvitations(executor: Executor, orgId: string, ids: string[]): Promise<Map<string, string[]>> {
  const rows = await executor
    .select({ proposalId: proposalCoSigners.proposalId, memberId: proposalCoSigners.memberId })
    .from(proposalCoSigners)
    .where(
      and(
        eq(proposalCoSigners.orgId, orgId),
        inArray(proposalCoSigners.proposalId, ids),
        ne(proposalCoSigners.state, 'cancelled'),
      ),
    );
  const result = new Map<string, string[]>();
  for (const row of rows) result.set(row.proposalId, [...(result.get(row.proposalId) ?? []), row.memberId]);
  return result;
}

/**
 * The links of each proposal that could let this actor read it (see ProposalLinks): the units it was assigned to
 * (every assignment, also a replaced one), asked only for a unit user, and the counted proposers (lead, accepted
 * co-signers) of the proposals merged into it, asked only for a member.
 */
async function linksOf(executor: Executor, actor: Actor, ids: string[]): Promise<Map<string, ProposalLinks>> {
  const units = new Map<string, string[]>(ids.map((id) => [id, []]));
  const proposers = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (actor.unitId) {
    const assigned = await executor
      .select({ proposalId: itemAssignments.itemId, unitId: itemAssignments.unitId })
      .from(itemAssignments)
      .where(and(eq(itemAssignments.orgId, actor.orgId), inArray(itemAssignments.itemId, ids)));
    for (const row of assigned) units.get(row.proposalId)?.push(row.unitId);
  }
  if (actor.memberId) {
    const sources = await executor
      .select({ id: proposals.id, mergedIntoId: proposals.mergedIntoId, leadMemberId: proposals.leadMemberId })
      .from(proposals)
      .where(and(eq(proposals.orgId, actor.orgId), inArray(proposals.mergedIntoId, ids)));
    const targetOf = new Map(sources.map((source) => [source.id, source.mergedIntoId as string]));
    const add = (targetId: string, memberId: string | null) => {
      if (memberId) proposers.get(targetId)?.push(memberId);
    };
    for (const source of sources) add(source.mergedIntoId as string, source.leadMemberId);
    if (sources.length > 0) {
      const coSigners = await executor
        .select({ proposalId: proposalCoSigners.proposalId, memberId: proposalCoSigners.memberId })
        .from(proposalCoSigners)
        .where(
          and(
            eq(proposalCoSigners.orgId, actor.orgId),
            inArray(proposalCoSigners.proposalId, [...targetOf.keys()]),
            eq(proposalCoSigners.state, 'accepted'),
          ),
        );
      for (const row of coSigners) add(targetOf.get(row.proposalId) as string, row.memberId);
    }
  }
  return new Map(
    ids.map((id) => [id, { assignedUnitIds: units.get(id) ?? [], mergedProposerMemberIds: proposers.get(id) ?? [] }]),
  );
}
