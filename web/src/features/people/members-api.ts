import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportRun } from '../../../../contracts/imports.ts';
import {
  type ImportResult,
  type Member,
  type MemberCreateInput,
  type MemberPage,
  type MemberSensitive,
  type MemberUpdateInput,
  peopleRoutes,
} from '../../../../contracts/people.ts';
import { apiGet, apiRequest, downloadFile, type QueryValues } from '../../pages/admin/shared/admin-api.ts';

/** Filters of the member list as the screen holds them (standing committee as a yes/no choice). */
export type MemberListFilter = {
  q?: string;
  sectorId?: string;
  partyId?: string;
  committeeId?: string;
  groupId?: string;
  standingCommittee?: 'true' | 'false';
  state?: 'active' | 'inactive';
};

/** The query values of the filter, for the list and the export. */
export function memberFilterQuery(filter: MemberListFilter): QueryValues {
  return { ...filter, q: filter.q?.trim() || undefined };
}

export const membersKey = ['people', 'members'] as const;

/** One page of members. */
export function useMembers(filter: MemberListFilter, cursor: string | undefined, limit: number) {
  return useQuery({
    queryKey: [...membersKey, 'list', filter, cursor, limit],
    queryFn: () => apiGet<MemberPage>(peopleRoutes.members, { ...memberFilterQuery(filter), cursor, limit }),
    placeholderData: keepPreviousData,
  });
}

/** One member. */
export function useMember(id: string | null) {
  return useQuery({
    queryKey: [...membersKey, 'one', id],
    queryFn: () => apiGet<Member>(peopleRoutes.member(id!)),
    enabled: Boolean(id),
  });
}

/** The clear ID number and mobile of a member (each view is recorded in the audit log). */
export function fetchMemberSensitive(id: string): Promise<MemberSensitive> {
  return apiGet<MemberSensitive>(peopleRoutes.memberSensitive(id));
}

/** Creates or updates a member. */
export function useSaveMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; values: MemberCreateInput | MemberUpdateInput }) =>
      input.id
        ? apiRequest<Member>('PATCH', peopleRoutes.member(input.id), { body: input.values, version: input.version })
        : apiRequest<Member>('POST', peopleRoutes.members, { body: input.values }),
    onSuccess: () => void client.invalidateQueries({ queryKey: membersKey }),
  });
}

/** Deactivates or reactivates a member. */
export function useSetMemberActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; active: boolean; reason?: string }) =>
      apiRequest<Member>(
        'POST',
        input.active ? peopleRoutes.memberReactivate(input.id) : peopleRoutes.memberDeactivate(input.id),
        {
          body: input.reason ? { reason: input.reason } : {},
          version: input.version,
        },
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: membersKey }),
  });
}

/** Uploads a member sheet; all rows are written or none: at once (the count), or in the background (the run to follow). */
export function importMembers(file: File): Promise<ImportResult | ImportRun> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<ImportResult | ImportRun>('POST', peopleRoutes.memberImport, { formData: form });
}

/** Downloads the import template. */
export function downloadMemberTemplate(): Promise<void> {
  return downloadFile(peopleRoutes.memberImportTemplate, undefined, '委员导入模板.xlsx');
}

/** Downloads the members matching the filter. */
export function exportMembers(filter: MemberListFilter): Promise<void> {
  return downloadFile(peopleRoutes.memberExport, memberFilterQuery(filter), '委员名单.xlsx');
}
