import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { MicroHistory } from '../../../contracts/micro-suggestions.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { events } from '../../platform/events/events.tables.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { users } from '../people/people.tables.ts';
import { loadMicroSettings, loadVisibleMicro } from './micro-suggestions.queries.ts';

/** Most events one timeline shows; a micro-suggestion collects a few dozen in its life, this only bounds a runaway. */
const MAX_ENTRIES = 2000;

/** The subject types the transfer and the handling engine give the events of an assignment. */
const assignmentSubjects = ['item_assignment', 'proposal_assignment'];

/**
 * GET /micro-suggestions/{id}/history: the events of the micro-suggestion and of its unit assignments (found by the
 * assignments' ids), oldest first, with the actor's current display name. Only readers of the item see it (404
 * otherwise, as for the item itself). Mirrors the proposals' history.
 */
export async function microSuggestionHistory(deps: AppDependencies, actor: Actor, id: string): Promise<MicroHistory> {
  const orm = deps.database.orm;
  const settings = await loadMicroSettings(orm, deps, actor.orgId);
  const { row } = await loadVisibleMicro(orm, actor, id, settings);
  const assignmentIds = (
    await orm
      .select({ id: itemAssignments.id })
      .from(itemAssignments)
      .where(and(eq(itemAssignments.orgId, actor.orgId), eq(itemAssignments.itemId, row.id)))
  ).map((assignment) => assignment.id);
  const own = and(eq(events.subjectType, 'micro_suggestion'), eq(events.subjectId, row.id)) as SQL;
  const subjects =
    assignmentIds.length > 0
      ? (or(own, and(inArray(events.subjectType, assignmentSubjects), inArray(events.subjectId, assignmentIds))) as SQL)
      : own;
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
    .where(and(eq(events.orgId, actor.orgId), subjects))
    .orderBy(asc(events.sequence))
    .limit(MAX_ENTRIES);
  return {
    items: rows.map((entry) => ({
      id: entry.id,
      occurredAt: new Date(entry.occurredAt).toISOString(),
      type: entry.type,
      actorName: entry.userName ?? entry.eventActorName ?? null,
      summary: entry.summary,
    })),
  };
}
