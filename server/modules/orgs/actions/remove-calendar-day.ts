import { and, eq } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { forbidden, notFound } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageCalendar } from '../orgs.policy.ts';
import { presentCalendarDay } from '../orgs.presenter.ts';
import { findCalendarDay } from '../orgs.queries.ts';
import { calendarDays } from '../orgs.tables.ts';

/** DELETE /calendar/days/{date}: the day follows the Monday-to-Friday rule again; 404 when it was not listed. */
export async function removeCalendarDay(
  deps: AppDependencies,
  actor: Actor,
  day: string,
  context: RequestContext,
): Promise<void> {
  await deps.database.orm.transaction(async (tx) => {
    const before = await findCalendarDay(tx, actor.orgId, day);
    if (!before) throw notFound(`节假日安排 ${day} `);
    if (!canManageCalendar(actor)) throw forbidden('只有系统管理员或提案委可以维护节假日安排');
    await tx.delete(calendarDays).where(and(eq(calendarDays.orgId, actor.orgId), eq(calendarDays.day, day)));
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'calendar.day_removed',
      summary: `取消 ${day} 的节假日安排，恢复按周一至周五计算`,
      actor,
      subjectType: 'calendar_day',
      subjectId: day,
      before: presentCalendarDay(before),
      after: null,
      context,
    });
  });
}
