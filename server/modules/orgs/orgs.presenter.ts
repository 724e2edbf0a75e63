import type {
  CalendarDay,
  CurrentOrganization,
  DictionaryEntry,
  DictionaryKind,
  OrganizationLevel,
  OrganizationSummary,
  Session,
  Term,
} from '../../../contracts/orgs.ts';
import { effectiveSettings } from '../../../contracts/settings.ts';
import type { CalendarDayRecord, DictionaryEntryRow, OrganizationRow, SessionRow, TermRow } from './orgs.queries.ts';

/** A committee as lists show it. */
export function presentOrganizationSummary(row: OrganizationRow): OrganizationSummary {
  return {
    id: row.id,
    parentId: row.parentId,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    level: row.level as OrganizationLevel,
    timeZone: row.timeZone,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** The current committee with its effective settings and version. */
export function presentCurrentOrganization(row: OrganizationRow, parentName: string | null): CurrentOrganization {
  return { ...presentOrganizationSummary(row), parentName, settings: effectiveSettings(row.settings), version: row.version };
}

/** A term; it is current when it holds the current session. */
export function presentTerm(row: TermRow, currentTermId: string | null): Term {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    isCurrent: row.id === currentTermId,
    version: row.version,
  };
}

/** A session with its term's name. */
export function presentSession(row: SessionRow, termName: string): Session {
  return {
    id: row.id,
    termId: row.termId,
    termName,
    number: row.number,
    name: row.name,
    year: row.year,
    plenaryStartsOn: row.plenaryStartsOn,
    plenaryEndsOn: row.plenaryEndsOn,
    proposalWindowOpensOn: row.proposalWindowOpensOn,
    isCurrent: row.isCurrent,
    archivedAt: row.archivedAt ? new Date(row.archivedAt).toISOString() : null,
    version: row.version,
  };
}

/** A dictionary entry. */
export function presentDictionaryEntry(row: DictionaryEntryRow): DictionaryEntry {
  return {
    id: row.id,
    kind: row.kind as DictionaryKind,
    code: row.code,
    name: row.name,
    description: row.description,
    sortOrder: row.sortOrder,
    active: row.active,
    version: row.version,
  };
}

/** A listed calendar day. */
export function presentCalendarDay(row: Pick<CalendarDayRecord, 'day' | 'kind' | 'name'>): CalendarDay {
  return { day: row.day, kind: row.kind as CalendarDay['kind'], name: row.name };
}
