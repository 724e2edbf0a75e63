import type { CalendarDay, CalendarDayKind } from '../../../../contracts/orgs.ts';
import { calendarDayKindNames } from '../../../../contracts/orgs.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageCalendar } from '../orgs.policy.ts';
import { presentCalendarDay } from '../orgs.presenter.ts';
import { findCalendarDay } from '../orgs.queries.ts';
import { calendarDays } from '../orgs.tables.ts';

/** PUT /calendar/days/{date}: marks a day as a holiday or a make-up workday (creating or replacing the mark). */
export async function setCalendarDay(
  deps: AppDependencies,
  actor: Actor,
  day: string,
  input: { kind: CalendarDayKind; name: string },
  context: RequestContext,
): Promise<CalendarDay> {
  if (!canManageCalendar(actor)) throw forbidden('只有系统管理员或提案委可以维护节假日安排');
  return deps.database.orm.transaction(async (tx) => {
    const before = await findCalendarDay(tx, actor.orgId, day);
    const [row] = await tx
      .insert(calendarDays)
      .values({ orgId: actor.orgId, day, kind: input.kind, name: input.name })
      .onConflictDoUpdate({ target: [calendarDays.orgId, calendarDays.day], set: { kind: input.kind, name: input.name } })
      .returning();
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'calendar.day_set',
      summary: `将 ${day} 设为${calendarDayKindNames[input.kind]}${input.name ? `（${input.name}）` : ''}`,
      actor,
      subjectType: 'calendar_day',
      subjectId: day,
      before: before ? presentCalendarDay(before) : null,
      after: presentCalendarDay(row),
      context,
    });
    return presentCalendarDay(row);
  });
}
