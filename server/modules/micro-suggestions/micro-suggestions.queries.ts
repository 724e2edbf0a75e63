import { and, eq, inArray, sql } from 'drizzle-orm';
import { effectiveSettings, type MicroSuggestionSettings, microSuggestionSettings } from '../../../contracts/settings.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDate } from '../../platform/calendar/business-date.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { loadOrganization } from '../orgs/orgs.queries.ts';
import { canReadMicroSuggestion, type MicroFacts, type MicroLinks } from './micro-suggestions.policy.ts';
import { microSuggestionPublications, microSuggestions } from './micro-suggestions.tables.ts';

export type MicroRow = typeof microSuggestions.$inferSelect;

/** The committee's micro-suggestion settings with today's business date in its time zone. */
export type MicroSettings = MicroSuggestionSettings & { replyWorkingDays: number; today: string; timeZone: string };

/** The committee's micro-suggestion settings (tenant settings `microSuggestions` and the reply period). */
export async function loadMicroSettings(executor: Executor, deps: AppDependencies, orgId: string): Promise<MicroSettings> {
  const organization = await loadOrganization(executor, orgId);
  return {
    ...microSuggestionSettings(effectiveSettings(organization.settings)),
    today: businessDate(deps.now(), organization.timeZone),
    timeZone: organization.timeZone,
  };
}

/** The facts the read rule needs, with whether it is published. */
async function factsOf(executor: Executor, row: MicroRow): Promise<MicroFacts> {
  return { ...row, published: await isPublished(executor, row.orgId, row.id) };
}

/** True when the micro-suggestion has a public copy. */
export async function isPublished(executor: Executor, orgId: string, id: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: microSuggestionPublications.id })
    .from(microSuggestionPublications)
    .where(and(eq(microSuggestionPublications.orgId, orgId), eq(microSuggestionPublications.id, id)));
  return Boolean(row);
}

/**
 * The links of each micro-suggestion that could let this actor read it (MicroLinks): the units it was transferred
 * to (every assignment, also a replaced one), asked only for a unit user, and the members of micro-suggestions merged
 * into it, asked only for a member.
 */
export async function linksOf(executor: Executor, actor: Actor, ids: string[]): Promise<Map<string, MicroLinks>> {
  const units = new Map<string, string[]>(ids.map((id) => [id, []]));
  const merged = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length > 0 && actor.unitId) {
    const rows = await executor
      .select({ itemId: itemAssignments.itemId, unitId: itemAssignments.unitId })
      .from(itemAssignments)
      .where(and(eq(itemAssignments.orgId, actor.orgId), inArray(itemAssignments.itemId, ids)));
    for (const row of rows) units.get(row.itemId)?.push(row.unitId);
  }
  if (ids.length > 0 && actor.memberId) {
    const rows = await executor
      .select({ mergedIntoId: microSuggestions.mergedIntoId, memberIds: microSuggestions.memberIds })
      .from(microSuggestions)
      .where(and(eq(microSuggestions.orgId, actor.orgId), inArray(microSuggestions.mergedIntoId, ids)));
    for (const row of rows) merged.get(row.mergedIntoId as string)?.push(...row.memberIds);
  }
  return new Map(ids.map((id) => [id, { assignedUnitIds: units.get(id) ?? [], mergedMemberIds: merged.get(id) ?? [] }]));
}

/**
 * THE read check of micro-suggestions: which of these rows (of the actor's committee) the actor may open, by
 * `canReadMicroSuggestion`; links are fetched only for rows the plain facts refuse.
 */
export async function openableMicroIds(
  executor: Executor,
  actor: Actor,
  rows: readonly MicroRow[],
  reviewerRoles: MicroSuggestionSettings['reviewerRoles'],
): Promise<Set<string>> {
  const open = new Set<string>();
  const refused = rows.filter((row) => {
    const allowed = canReadMicroSuggestion(actor, row, reviewerRoles);
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
    if (canReadMicroSuggestion(actor, row, reviewerRoles, links.get(row.id))) open.add(row.id);
  }
  return open;
}

/**
 * A micro-suggestion the actor may read, with the facts the rules need; 404 when it does not exist in the actor's
 * committee or the actor may not see it. `forUpdate` locks the row for the caller's transaction. Every route that
 * loads a micro-suggestion by its id goes through here.
 */
export async function loadVisibleMicro(
  executor: Executor,
  actor: Actor,
  id: string,
  settings: Pick<MicroSettings, 'reviewerRoles'>,
  forUpdate = false,
): Promise<{ row: MicroRow; facts: MicroFacts }> {
  const query = executor
    .select()
    .from(microSuggestions)
    .where(and(eq(microSuggestions.orgId, actor.orgId), eq(microSuggestions.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('微建议');
  const open = await openableMicroIds(executor, actor, [row], settings.reviewerRoles);
  if (!open.has(id)) throw notFound('微建议');
  return { row, facts: await factsOf(executor, row) };
}

/** A micro-suggestion of the committee by id, whoever asks (the engine's adapter, jobs); null when absent. */
export async function findMicro(executor: Executor, orgId: string, id: string, forUpdate = false): Promise<MicroRow | null> {
  const query = executor
    .select()
    .from(microSuggestions)
    .where(and(eq(microSuggestions.orgId, orgId), eq(microSuggestions.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Characters of problem + suggestion, as the limit counts them (code points, not UTF-16 units). */
export function bodyLength(item: { problem: string; suggestion: string }): number {
  return [...item.problem].length + [...item.suggestion].length;
}

/** The count of rows matching, as a number (drivers return bigint counts as strings). */
export const countAll = sql<number>`count(*)::int`;
