import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Extension, extensionListQuerySchema } from '../../../contracts/handling.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { units } from '../people/people.tables.ts';
import { seesAllAssignments } from '../proposals/assignments.policy.ts';
import { handledItems } from './handled-items.tables.ts';
import { presentExtension } from './handling.presenter.ts';
import { extensionRequests } from './handling.tables.ts';

/**
 * GET /extension-requests: the office's queue of extension requests (and supervisors' and leaders' view), newest
 * first, at most 200; a unit user sees their unit's own.
 */
export async function listExtensions(
  deps: AppDependencies,
  actor: Actor,
  query: z.output<typeof extensionListQuerySchema>,
): Promise<{ items: Extension[] }> {
  const all = seesAllAssignments(actor);
  if (!all && !(actor.unitId && hasAnyRole(actor, 'unit_handler', 'unit_leader'))) throw forbidden('您无权查看延期申请');
  const conditions: SQL[] = [eq(extensionRequests.orgId, actor.orgId)];
  if (!all && actor.unitId) conditions.push(eq(extensionRequests.unitId, actor.unitId));
  if (query.state) conditions.push(eq(extensionRequests.state, query.state));
  if (query.assignmentId) conditions.push(eq(extensionRequests.assignmentId, query.assignmentId));
  const rows = await deps.database.orm
    .select({ row: extensionRequests, title: handledItems.title, kind: handledItems.kind, unitName: units.name })
    .from(extensionRequests)
    .innerJoin(handledItems, and(eq(handledItems.orgId, extensionRequests.orgId), eq(handledItems.id, extensionRequests.itemId)))
    .innerJoin(units, and(eq(units.orgId, extensionRequests.orgId), eq(units.id, extensionRequests.unitId)))
    .where(and(...conditions))
    .orderBy(desc(extensionRequests.id))
    .limit(200);
  return {
    items: rows.map(({ row, title, kind, unitName }) => presentExtension(actor, row, { unitName, proposalTitle: title, kind })),
  };
}
