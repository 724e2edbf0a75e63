import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Assignment, AssignmentBatch, assignmentListQuerySchema } from '../../../contracts/proposals.ts';
import { effectiveSettings } from '../../../contracts/settings.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/paging.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { handledItems, itemAssignments } from '../handling/handled-items.tables.ts';
import { loadCalendar, type OrganizationCalendar } from '../orgs/orgs.calendar.ts';
import { loadOrganization } from '../orgs/orgs.queries.ts';
import { units } from '../people/people.tables.ts';
import { canListAssignments, canSeeAssignment, seesAllAssignments } from './assignments.policy.ts';
import { type AssignmentRow, type BatchRow, presentAssignment, presentBatch } from './assignments.presenter.ts';
import { assignmentBatches } from './proposals.tables.ts';

/** The deadline rules of assignment: the committee's calendar, today, and the tenant's periods. */
export type AssignmentRules = {
  calendar: OrganizationCalendar;
  today: string;
  replyDueMonths: number;
  coHandlerDueMonths: number;
  adjustmentWindowWorkingDays: number;
};

/** Loads the committee's calendar and assignment periods (settings over the defaults of domain.md). */
export async function loadAssignmentRules(executor: Executor, deps: AppDependencies, orgId: string): Promise<AssignmentRules> {
  const organization = await loadOrganization(executor, orgId);
  const settings = effectiveSettings(organization.settings).proposals;
  const calendar = await loadCalendar(executor, orgId);
  return {
    calendar,
    today: calendar.today(deps.now()),
    replyDueMonths: settings.replyDueMonths,
    coHandlerDueMonths: settings.coHandlerDueMonths,
    adjustmentWindowWorkingDays: settings.adjustmentWindowWorkingDays,
  };
}

/**
 * The deadlines of a unit's part counted from `today`: the reply (co-handlers: the opinion) is due after the
 * tenant's months, moved to the next working day when that is a rest day (calendar.dueDate); adjustments may be
 * asked for until the N-th working day after today (counting from the next day), inclusive.
 */
export function deadlinesFor(rules: AssignmentRules, role: string): { dueOn: string; adjustmentUntil: string } {
  const months = role === 'co' ? rules.coHandlerDueMonths : rules.replyDueMonths;
  return {
    dueOn: rules.calendar.dueDate(rules.today, { months }),
    adjustmentUntil: rules.calendar.addWorkingDays(rules.today, rules.adjustmentWindowWorkingDays),
  };
}

/** The active units of the committee among `ids`, by id with their names. */
export async function activeUnitNames(executor: Executor, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.orgId, orgId), inArray(units.id, [...new Set(ids)]), eq(units.active, true)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * An assignment of the actor's committee that the actor may see (404 otherwise, also for another unit's item).
 * `forUpdate` locks the row for the caller's transaction.
 */
export async function loadVisibleAssignment(
  executor: Executor,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<AssignmentRow> {
  const query = executor
    .select()
    .from(itemAssignments)
    .where(and(eq(itemAssignments.orgId, actor.orgId), eq(itemAssignments.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row || !canSeeAssignment(actor, row)) throw notFound('交办件');
  return row;
}

/**
 * The view of an assignment for the actor: its item's kind, number and title (from the handling engine's row, kept
 * in step with the owner), the unit's name, the open actions.
 */
export async function presentAssignmentFor(
  executor: Executor,
  actor: Actor,
  row: AssignmentRow,
  today: string,
): Promise<Assignment> {
  const [found] = await executor
    .select({
      kind: handledItems.kind,
      number: handledItems.number,
      title: handledItems.title,
      sessionId: handledItems.sessionId,
      unitName: units.name,
    })
    .from(handledItems)
    .innerJoin(units, and(eq(units.orgId, handledItems.orgId), eq(units.id, row.unitId)))
    .where(and(eq(handledItems.orgId, row.orgId), eq(handledItems.id, row.itemId)));
  if (!found) throw notFound('交办件');
  return presentAssignment(actor, row, { proposal: found, kind: found.kind, unitName: found.unitName, today });
}

/** GET /assignments/{id}: one assignment the actor may see. */
export async function getAssignment(deps: AppDependencies, actor: Actor, id: string): Promise<Assignment> {
  const orm = deps.database.orm;
  const row = await loadVisibleAssignment(orm, actor, id);
  const calendar = await loadCalendar(orm, actor.orgId);
  return presentAssignmentFor(orm, actor, row, calendar.today(deps.now()));
}

/**
 * GET /assignments: newest first with cursor paging, every kind of handled item (proposals, micro-suggestions) or
 * one. The office, supervisors and leaders see the committee's; a unit user sees only their unit's (the unit's
 * inbox, across sessions), whatever unitId they ask for.
 */
export async function listAssignments(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof assignmentListQuerySchema>,
): Promise<{ items: Assignment[]; nextCursor: string | null }> {
  if (!canListAssignments(actor)) throw forbidden('您无权查看交办件');
  const conditions: SQL[] = [eq(itemAssignments.orgId, actor.orgId)];
  if (!seesAllAssignments(actor)) conditions.push(eq(itemAssignments.unitId, actor.unitId ?? ''));
  if (query.unitId) conditions.push(eq(itemAssignments.unitId, query.unitId));
  if (query.proposalId) conditions.push(eq(itemAssignments.itemId, query.proposalId));
  if (query.itemId) conditions.push(eq(itemAssignments.itemId, query.itemId));
  if (query.state) conditions.push(eq(itemAssignments.state, query.state));
  if (query.sessionId) conditions.push(eq(handledItems.sessionId, query.sessionId));
  if (query.kind) conditions.push(eq(handledItems.kind, query.kind));
  const cursor = decodeCursor(query.cursor, ['s']);
  if (cursor) conditions.push(lt(itemAssignments.id, String(cursor[0])));
  const orm = deps.database.orm;
  const rows = await orm
    .select({
      row: itemAssignments,
      kind: handledItems.kind,
      number: handledItems.number,
      title: handledItems.title,
      sessionId: handledItems.sessionId,
      unitName: units.name,
    })
    .from(itemAssignments)
    .innerJoin(handledItems, and(eq(handledItems.orgId, itemAssignments.orgId), eq(handledItems.id, itemAssignments.itemId)))
    .innerJoin(units, and(eq(units.orgId, itemAssignments.orgId), eq(units.id, itemAssignments.unitId)))
    .where(and(...conditions))
    .orderBy(desc(itemAssignments.id))
    .limit(query.limit + 1);
  const today = (await loadCalendar(orm, actor.orgId)).today(deps.now());
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(({ row, kind, number, title, sessionId, unitName }) =>
      presentAssignment(actor, row, { proposal: { number, title, sessionId }, kind, unitName, today }),
    ),
    nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1].row.id]) : null,
  };
}

/** The rows of batches with their units' names, for presentBatch. */
async function batchRows(executor: Executor, orgId: string, batchIds: string[]) {
  if (batchIds.length === 0) return [];
  return executor
    .select({
      batchId: itemAssignments.batchId,
      proposalId: itemAssignments.itemId,
      unitId: itemAssignments.unitId,
      unitName: units.name,
    })
    .from(itemAssignments)
    .innerJoin(units, and(eq(units.orgId, itemAssignments.orgId), eq(units.id, itemAssignments.unitId)))
    .where(and(eq(itemAssignments.orgId, orgId), inArray(itemAssignments.batchId, batchIds)));
}

/** One batch of the committee presented with its counts (404 when it is not the committee's). */
export async function presentBatchById(executor: Executor, orgId: string, id: string): Promise<AssignmentBatch> {
  const [batch] = await executor
    .select()
    .from(assignmentBatches)
    .where(and(eq(assignmentBatches.orgId, orgId), eq(assignmentBatches.id, id)));
  if (!batch) throw notFound('交办批次');
  return presentBatch(batch, await batchRows(executor, orgId, [id]));
}

/** Who may read batches: those who see every assignment (office, supervisors, leaders). */
function assertMayReadBatches(actor: Actor): void {
  if (!seesAllAssignments(actor)) throw forbidden('只有提案委、督办领导和党政领导可以查看交办批次');
}

/** GET /assignment-batches/{id}. */
export async function getBatch(deps: AppDependencies, actor: Actor, id: string): Promise<AssignmentBatch> {
  assertMayReadBatches(actor);
  return presentBatchById(deps.database.orm, actor.orgId, id);
}

/** GET /assignment-batches: the committee's batches (of one session when given), newest first. */
export async function listBatches(
  deps: AppDependencies,
  actor: Actor,
  sessionId: string | undefined,
): Promise<{ items: AssignmentBatch[] }> {
  assertMayReadBatches(actor);
  const orm = deps.database.orm;
  const conditions = [eq(assignmentBatches.orgId, actor.orgId)];
  if (sessionId) conditions.push(eq(assignmentBatches.sessionId, sessionId));
  const batches: BatchRow[] = await orm
    .select()
    .from(assignmentBatches)
    .where(and(...conditions))
    .orderBy(desc(assignmentBatches.id))
    .limit(500);
  const rows = await batchRows(
    orm,
    actor.orgId,
    batches.map((batch) => batch.id),
  );
  return {
    items: batches.map((batch) =>
      presentBatch(
        batch,
        rows.filter((row) => row.batchId === batch.id),
      ),
    ),
  };
}
