import { and, asc, eq } from 'drizzle-orm';
import type { Reminder } from '../../../contracts/supervision.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { unitNamesOf } from '../handling/handling.queries.ts';
import { loadVisibleAssignment } from '../proposals/assignments.queries.ts';
import { presentReminder } from './supervision.presenter.ts';
import { reminders } from './supervision.tables.ts';

/** GET /assignments/{id}/reminders: the reminders of an assignment the actor may see (the unit its own). */
export async function listReminders(deps: AppDependencies, actor: Actor, assignmentId: string): Promise<{ items: Reminder[] }> {
  const orm = deps.database.orm;
  const assignment = await loadVisibleAssignment(orm, actor, assignmentId);
  const rows = await orm
    .select()
    .from(reminders)
    .where(and(eq(reminders.orgId, actor.orgId), eq(reminders.assignmentId, assignmentId)))
    .orderBy(asc(reminders.id));
  const name = (await unitNamesOf(orm, actor.orgId, [assignment.unitId])).get(assignment.unitId) ?? '';
  return { items: rows.map((row) => presentReminder(row, name)) };
}
