import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarComputeResult,
  CalendarDay,
  CalendarDayKind,
  CurrentOrganization,
  DictionaryCreate,
  DictionaryEntry,
  DictionaryKind,
  DictionaryUpdate,
  Session,
  SessionCreate,
  SessionUpdate,
  SettingsPatch,
  Term,
  TermCreate,
  TermUpdate,
} from '../../../../contracts/orgs.ts';
import { apiGet, apiRequest } from '../../pages/admin/shared/admin-api.ts';

/** Query keys of the orgs module, so changes refresh exactly what they touch. */
export const orgsKeys = {
  current: ['orgs', 'current'] as const,
  terms: ['orgs', 'terms'] as const,
  sessions: ['orgs', 'sessions'] as const,
  dictionaries: ['orgs', 'dictionaries'] as const,
  dictionary: (kind: DictionaryKind | undefined, includeInactive: boolean) =>
    ['orgs', 'dictionaries', kind ?? 'all', includeInactive] as const,
  calendar: (year: number) => ['orgs', 'calendar', year] as const,
};

/** The current committee with its settings and version. */
export function useCurrentOrganization() {
  return useQuery({ queryKey: orgsKeys.current, queryFn: () => apiGet<CurrentOrganization>('/orgs/current') });
}

/** Saves part of the settings (If-Match: the organization's version). */
export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; patch: SettingsPatch }) =>
      apiRequest<CurrentOrganization>('PATCH', '/orgs/current/settings', { body: input.patch, version: input.version }),
    onSuccess: (organization) => client.setQueryData(orgsKeys.current, organization),
  });
}

/** The committee's terms, newest first as the server orders them. */
export function useTerms() {
  return useQuery({ queryKey: orgsKeys.terms, queryFn: async () => (await apiGet<{ items: Term[] }>('/terms')).items });
}

/** The sessions of every term (filtered on the client per term). */
export function useSessions() {
  return useQuery({
    queryKey: orgsKeys.sessions,
    queryFn: async () => (await apiGet<{ items: Session[] }>('/sessions')).items,
  });
}

/** Creates or updates a term. */
export function useSaveTerm() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; values: TermCreate | TermUpdate }) =>
      input.id
        ? apiRequest<Term>('PATCH', `/terms/${input.id}`, { body: input.values, version: input.version })
        : apiRequest<Term>('POST', '/terms', { body: input.values }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: orgsKeys.terms });
      void client.invalidateQueries({ queryKey: orgsKeys.sessions });
    },
  });
}

/** Creates or updates a session. */
export function useSaveSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; values: SessionCreate | SessionUpdate }) =>
      input.id
        ? apiRequest<Session>('PATCH', `/sessions/${input.id}`, { body: input.values, version: input.version })
        : apiRequest<Session>('POST', '/sessions', { body: input.values }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: orgsKeys.sessions });
      void client.invalidateQueries({ queryKey: orgsKeys.terms });
    },
  });
}

/** Makes a session the current one. */
export function useSetCurrentSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<Session>('POST', `/sessions/${id}/set-current`, { body: {} }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: orgsKeys.sessions });
      void client.invalidateQueries({ queryKey: orgsKeys.terms });
    },
  });
}

/** Entries of one dictionary kind (or all kinds), active only unless asked. */
export function useDictionary(kind: DictionaryKind | undefined, includeInactive = false) {
  return useQuery({
    queryKey: orgsKeys.dictionary(kind, includeInactive),
    queryFn: async () =>
      (
        await apiGet<{ items: DictionaryEntry[] }>('/dictionaries', {
          kind,
          includeInactive: includeInactive ? 'true' : undefined,
        })
      ).items,
    staleTime: 60_000,
  });
}

/** Creates or updates (renames, reorders, retires) a dictionary entry. */
export function useSaveDictionaryEntry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; values: DictionaryCreate | DictionaryUpdate }) =>
      input.id
        ? apiRequest<DictionaryEntry>('PATCH', `/dictionaries/${input.id}`, { body: input.values, version: input.version })
        : apiRequest<DictionaryEntry>('POST', '/dictionaries', { body: input.values }),
    onSuccess: () => void client.invalidateQueries({ queryKey: orgsKeys.dictionaries }),
  });
}

/** The special days (holidays, make-up workdays) of a year. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: orgsKeys.calendar(year),
    queryFn: async () => (await apiGet<{ year: number; items: CalendarDay[] }>('/calendar/days', { year })).items,
  });
}

/** Marks a day as holiday or make-up workday, or clears it back to the weekday rule (kind null). */
export function useSetCalendarDay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { day: string; kind: CalendarDayKind | null; name?: string }): Promise<void> => {
      if (input.kind) {
        await apiRequest<CalendarDay>('PUT', `/calendar/days/${input.day}`, {
          body: { kind: input.kind, name: input.name ?? '' },
        });
      } else {
        await apiRequest<void>('DELETE', `/calendar/days/${input.day}`);
      }
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['orgs', 'calendar'] }),
  });
}

/** Imports a CSV (date,kind,name); every row passes or nothing is written. */
export function useImportCalendar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) =>
      apiRequest<{ imported: number; created: number; updated: number }>('POST', '/calendar/import', { body: { csv } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['orgs', 'calendar'] }),
  });
}

/** Computes a due date from a start date and months or working days. */
export function computeDueDate(query: { from: string; months?: number; workingDays?: number }): Promise<CalendarComputeResult> {
  return apiGet<CalendarComputeResult>('/calendar/compute', query);
}

/** Retires a dictionary entry or brings it back (records that refer to it keep showing its name). */
export function useSetDictionaryEntryActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; active: boolean }) =>
      apiRequest<DictionaryEntry>('POST', `/dictionaries/${input.id}/${input.active ? 'reactivate' : 'deactivate'}`, {
        body: {},
        version: input.version,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: orgsKeys.dictionaries }),
  });
}
