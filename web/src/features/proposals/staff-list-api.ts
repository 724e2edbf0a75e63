/**
 * The staff proposal list (全部提案) with every filter of GET /proposals, its Excel export, and the names of a
 * filtered-by member or unit (so a reloaded or shared link labels its selects).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { peopleRoutes, type Unit } from '../../../../contracts/people.ts';
import { api, downloadFile } from '../../lib/api.ts';
import { apiGet } from '../../pages/admin/shared/admin-api.ts';
import { unitsKey } from '../people/units-api.ts';
import type { ProposalPage } from './proposals-api.ts';
import { proposalsKey } from './proposals-api.ts';

/**
 * One page of the staff list. The key sits under ['proposals', 'member-list'] so every proposal change that
 * refreshes the member lists refreshes this one too. `enabled` waits for the current session to be known.
 */
export function useStaffProposalList(query: Record<string, string>, cursor: string | undefined, limit: number, enabled: boolean) {
  return useQuery({
    queryKey: [...proposalsKey, 'member-list', 'staff', query, cursor, limit],
    queryFn: () => api.get<ProposalPage>('/proposals', { ...query, cursor, limit }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Downloads the list with the same filters as an Excel workbook. */
export function exportProposalList(query: Record<string, string>): Promise<void> {
  return downloadFile('/proposals/export', query, '提案列表.xlsx');
}

/** One handling unit, for the label of the 承办单位 filter. */
export function useUnitName(id: string | undefined) {
  return useQuery({
    queryKey: [...unitsKey, 'one', id],
    queryFn: () => apiGet<Unit>(peopleRoutes.unit(id as string)),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
    select: (unit) => ({ id: unit.id, name: unit.name }),
  });
}
