import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportRun } from '../../../../contracts/imports.ts';
import {
  type ImportResult,
  peopleRoutes,
  type Unit,
  type UnitCreateInput,
  type UnitKind,
  type UnitPage,
  type UnitUpdateInput,
} from '../../../../contracts/people.ts';
import { apiGet, apiRequest, downloadFile, type QueryValues } from '../../pages/admin/shared/admin-api.ts';

/** Filters of the unit list as the screen holds them. */
export type UnitListFilter = { q?: string; parentId?: string; kind?: UnitKind; active?: 'true' | 'false' };

/** The query values of the filter, for the list and the export. */
export function unitFilterQuery(filter: UnitListFilter): QueryValues {
  return { ...filter, q: filter.q?.trim() || undefined };
}

export const unitsKey = ['people', 'units'] as const;

/** One page of handling units. */
export function useUnits(filter: UnitListFilter, cursor: string | undefined, limit: number) {
  return useQuery({
    queryKey: [...unitsKey, 'list', filter, cursor, limit],
    queryFn: () => apiGet<UnitPage>(peopleRoutes.units, { ...unitFilterQuery(filter), cursor, limit }),
    placeholderData: keepPreviousData,
  });
}

/** Units whose name matches the text, for pickers (parent unit, a user's unit). */
export function useUnitOptions(search: string) {
  return useQuery({
    queryKey: [...unitsKey, 'options', search],
    queryFn: () => apiGet<UnitPage>(peopleRoutes.units, { q: search.trim() || undefined, limit: 50, active: 'true' }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Creates or updates a unit. */
export function useSaveUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; values: UnitCreateInput | UnitUpdateInput }) =>
      input.id
        ? apiRequest<Unit>('PATCH', peopleRoutes.unit(input.id), { body: input.values, version: input.version })
        : apiRequest<Unit>('POST', peopleRoutes.units, { body: input.values }),
    onSuccess: () => void client.invalidateQueries({ queryKey: unitsKey }),
  });
}

/** Deactivates or reactivates a unit. */
export function useSetUnitActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; active: boolean }) =>
      apiRequest<Unit>('POST', input.active ? peopleRoutes.unitReactivate(input.id) : peopleRoutes.unitDeactivate(input.id), {
        body: {},
        version: input.version,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: unitsKey }),
  });
}

/** Uploads a unit sheet; all rows are written or none: at once (the count), or in the background (the run to follow). */
export function importUnits(file: File): Promise<ImportResult | ImportRun> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<ImportResult | ImportRun>('POST', peopleRoutes.unitImport, { formData: form });
}

/** Downloads the import template. */
export function downloadUnitTemplate(): Promise<void> {
  return downloadFile(peopleRoutes.unitImportTemplate, undefined, '承办单位导入模板.xlsx');
}

/** Downloads the units matching the filter. */
export function exportUnits(filter: UnitListFilter): Promise<void> {
  return downloadFile(peopleRoutes.unitExport, unitFilterQuery(filter), '承办单位.xlsx');
}
