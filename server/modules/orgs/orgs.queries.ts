import { and, asc, between, eq } from 'drizzle-orm';
import type { DictionaryKind } from '../../../contracts/orgs.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/problem.ts';
import { calendarDays, dictionaryEntries, organizations, sessions, terms } from './orgs.tables.ts';

export type OrganizationRow = typeof organizations.$inferSelect;
export type TermRow = typeof terms.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type DictionaryEntryRow = typeof dictionaryEntries.$inferSelect;
export type CalendarDayRecord = typeof calendarDays.$inferSelect;

/** A committee by id; 404 when missing. `forUpdate` locks the row for the caller's transaction. */
export async function loadOrganization(executor: Executor, orgId: string, forUpdate = false): Promise<OrganizationRow> {
  const query = executor.select().from(organizations).where(eq(organizations.id, orgId));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('政协组织');
  return row;
}

/** The committees directly under a committee, by code. */
export async function listChildOrganizations(executor: Executor, orgId: string): Promise<OrganizationRow[]> {
  return executor.select().from(organizations).where(eq(organizations.parentId, orgId)).orderBy(asc(organizations.code));
}

/** A term of the committee; 404 when it does not exist there. */
export async function loadTerm(executor: Executor, orgId: string, id: string, forUpdate = false): Promise<TermRow> {
  const query = executor
    .select()
    .from(terms)
    .where(and(eq(terms.orgId, orgId), eq(terms.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('届次');
  return row;
}

/** The committee's terms, newest first. */
export async function listTerms(executor: Executor, orgId: string): Promise<TermRow[]> {
  const rows = await executor.select().from(terms).where(eq(terms.orgId, orgId));
  return rows.sort((left, right) => right.number - left.number);
}

/** A session of the committee; 404 when it does not exist there. */
export async function loadSession(executor: Executor, orgId: string, id: string, forUpdate = false): Promise<SessionRow> {
  const query = executor
    .select()
    .from(sessions)
    .where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('会议');
  return row;
}

/** The committee's sessions (of one term when given), newest first. */
export async function listSessions(executor: Executor, orgId: string, termId?: string): Promise<SessionRow[]> {
  const rows = await executor
    .select()
    .from(sessions)
    .where(termId ? and(eq(sessions.orgId, orgId), eq(sessions.termId, termId)) : eq(sessions.orgId, orgId));
  return rows.sort((left, right) => right.plenaryStartsOn.localeCompare(left.plenaryStartsOn) || right.number - left.number);
}

/** The committee's current session (new proposals default to it), or null when none is set. */
export async function findCurrentSession(executor: Executor, orgId: string): Promise<SessionRow | null> {
  const [row] = await executor
    .select()
    .from(sessions)
    .where(and(eq(sessions.orgId, orgId), eq(sessions.isCurrent, true)));
  return row ?? null;
}

/** A dictionary entry of the committee; 404 when it does not exist there. */
export async function loadDictionaryEntry(
  executor: Executor,
  orgId: string,
  id: string,
  forUpdate = false,
): Promise<DictionaryEntryRow> {
  const query = executor
    .select()
    .from(dictionaryEntries)
    .where(and(eq(dictionaryEntries.orgId, orgId), eq(dictionaryEntries.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('字典项');
  return row;
}

/** The committee's dictionary entries (of one kind, active only unless asked), in display order. */
export async function listDictionaryEntries(
  executor: Executor,
  orgId: string,
  filter: { kind?: DictionaryKind; includeInactive?: boolean },
): Promise<DictionaryEntryRow[]> {
  const conditions = [eq(dictionaryEntries.orgId, orgId)];
  if (filter.kind) conditions.push(eq(dictionaryEntries.kind, filter.kind));
  if (!filter.includeInactive) conditions.push(eq(dictionaryEntries.active, true));
  return executor
    .select()
    .from(dictionaryEntries)
    .where(and(...conditions))
    .orderBy(asc(dictionaryEntries.kind), asc(dictionaryEntries.sortOrder), asc(dictionaryEntries.code));
}

/** The listed days of one year of the committee's calendar, in date order. */
export async function listCalendarDays(executor: Executor, orgId: string, year: number): Promise<CalendarDayRecord[]> {
  return executor
    .select()
    .from(calendarDays)
    .where(and(eq(calendarDays.orgId, orgId), between(calendarDays.day, `${year}-01-01`, `${year}-12-31`)))
    .orderBy(asc(calendarDays.day));
}

/** One listed day of the committee's calendar, or null. */
export async function findCalendarDay(executor: Executor, orgId: string, day: string): Promise<CalendarDayRecord | null> {
  const [row] = await executor
    .select()
    .from(calendarDays)
    .where(and(eq(calendarDays.orgId, orgId), eq(calendarDays.day, day)));
  return row ?? null;
}
