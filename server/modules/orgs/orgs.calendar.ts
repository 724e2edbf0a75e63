import { eq } from 'drizzle-orm';
import { businessDate, DEFAULT_TIME_ZONE } from '../../platform/calendar/business-date.ts';
import { type Calendar, type CalendarDayRow, createCalendar } from '../../platform/calendar/calendar.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/problem.ts';
import { calendarDays, organizations } from './orgs.tables.ts';

/** A committee's working-day calendar, with its time zone and today's business date. */
export type OrganizationCalendar = Calendar & {
  timeZone: string;
  /** The committee's calendar date at an instant (pass deps.now()). */
  today: (instant: Date) => string;
};

/**
 * Loads a committee's calendar (its listed holidays and make-up workdays) and time zone, for deadline rules:
 * `(await loadCalendar(tx, actor.orgId)).dueDate(calendar.today(deps.now()), { months: 3 })`.
 */
export async function loadCalendar(executor: Executor, orgId: string): Promise<OrganizationCalendar> {
  const [organization] = await executor
    .select({ timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!organization) throw notFound('政协组织');
  const rows = await executor
    .select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .where(eq(calendarDays.orgId, orgId));
  const timeZone = organization.timeZone || DEFAULT_TIME_ZONE;
  const calendar = createCalendar(rows as CalendarDayRow[]);
  return { ...calendar, timeZone, today: (instant) => businessDate(instant, timeZone) };
}
