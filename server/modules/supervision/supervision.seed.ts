import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { addDays } from '../../platform/calendar/business-date.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { sessions } from '../orgs/orgs.tables.ts';
import { proposals } from '../proposals/proposals.tables.ts';

/**
 * The demo board shows every light: two signed-for, unanswered assignments of the current session are dated as if
 * assigned long ago — one past its due date (red), one with more than 80% of its time used (yellow). Demo history
 * only: the dates are set directly, as a committee's data would carry them, with no event (nothing happened now).
 */
export async function seedDemoDeadlines(deps: AppDependencies, orgId: string, today: string): Promise<void> {
  const orm = deps.database.orm;
  const rows = await orm
    .select({ id: itemAssignments.id })
    .from(itemAssignments)
    .innerJoin(proposals, and(eq(proposals.orgId, itemAssignments.orgId), eq(proposals.id, itemAssignments.itemId)))
    .innerJoin(sessions, and(eq(sessions.orgId, proposals.orgId), eq(sessions.id, proposals.sessionId)))
    .where(
      and(
        eq(itemAssignments.orgId, orgId),
        eq(sessions.isCurrent, true),
        inArray(itemAssignments.state, ['signed_for', 'pending']),
        eq(proposals.state, 'assigned'),
        isNull(itemAssignments.repliedAt),
        sql`not exists (select 1 from extension_requests e where e.org_id = ${itemAssignments.orgId}
          and e.assignment_id = ${itemAssignments.id})`,
        sql`not exists (select 1 from item_replies r where r.org_id = ${itemAssignments.orgId}
          and r.assignment_id = ${itemAssignments.id})`,
      ),
    )
    .orderBy(sql`${itemAssignments.state} = 'signed_for' desc`, asc(itemAssignments.dueOn), asc(itemAssignments.id))
    .limit(2);
  const shapes = [
    { assignedDaysAgo: 100, dueInDays: -8 },
    { assignedDaysAgo: 80, dueInDays: 10 },
  ];
  for (const [index, row] of rows.entries()) {
    const shape = shapes[index];
    const assignedOn = addDays(today, -shape.assignedDaysAgo);
    await orm
      .update(itemAssignments)
      .set({
        assignedAt: `${assignedOn}T02:00:00.000Z`,
        dueOn: addDays(today, shape.dueInDays),
        adjustmentUntil: addDays(assignedOn, 7),
      })
      .where(and(eq(itemAssignments.orgId, orgId), eq(itemAssignments.id, row.id)));
  }
}
