import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { historySchema } from '../../../contracts/proposals.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { events } from '../../platform/events/events.tables.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { users } from '../people/people.tables.ts';
import { loadVisibleProposal } from './proposals.queries.ts';

/** A proposal's timeline, as the API returns it. */
export type ProposalHistory = z.infer<typeof historySchema>;

/** Most events one timeline shows; a proposal collects a few dozen in its life, this only bounds a runaway. */
const MAX_ENTRIES = 2000;

/**
 * GET /proposals/{id}/history: the events of the proposal and of its unit assignments, oldest first, with the
 * actor's current display name. An assignment's event belongs to the proposal when its subject is one of the
 * proposal's assignments, or its before/after names the proposal (events written before the row id was known).
 * Only readers of the proposal see it (404 otherwise, as for the proposal itself).
 */
export async function proposalHistory(deps: AppDependencies, actor: Actor, id: string): Promise<ProposalHistory> {
  const orm = deps.database.orm;
  const { proposal } = await loadVisibleProposal(orm, actor, id);
  const assignmentIds = (
    await orm
      .select({ id: itemAssignments.id })
      .from(itemAssignments)
      .where(and(eq(itemAssignments.orgId, actor.orgId), eq(itemAssignments.itemId, proposal.id)))
  ).map((row) => row.id);
  const mentionsProposal = sql`(${events.after}->>'proposalId' = ${proposal.id} or ${events.before}->>'proposalId' = ${proposal.id})`;
  const assignmentEvent = and(
    eq(events.subjectType, 'proposal_assignment'),
    assignmentIds.length > 0 ? (or(inArray(events.subjectId, assignmentIds), mentionsProposal) as SQL) : mentionsProposal,
  );
  const rows = await orm
    .select({
      id: events.id,
      occurredAt: events.occurredAt,
      type: events.type,
      summary: events.summary,
      eventActorName: events.actorName,
      userName: users.displayName,
    })
    .from(events)
    .leftJoin(users, and(eq(users.orgId, events.orgId), eq(users.id, events.actorId)))
    .where(
      and(
        eq(events.orgId, actor.orgId),
        or(and(eq(events.subjectType, 'proposal'), eq(events.subjectId, proposal.id)), assignmentEvent),
      ),
    )
    .orderBy(asc(events.sequence))
    .limit(MAX_ENTRIES);
  return {
    items: rows.map((row) => ({
      id: row.id,
      occurredAt: new Date(row.occurredAt).toISOString(),
      type: row.type,
      actorName: row.userName ?? row.eventActorName ?? null,
      summary: row.summary,
    })),
  };
}
