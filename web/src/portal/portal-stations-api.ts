/** The portal's read of liaison stations and member studios (GET /api/v1/portal/stations, no login). */
import { useQuery } from '@tanstack/react-query';
import type { PortalStationList } from '../../../contracts/stations.ts';
import { api } from '../lib/api.ts';

/** The committee's stations and studios in use, with their members and coming duty days. */
export function usePortalStations(org: string) {
  return useQuery({
    queryKey: ['portal', org, 'stations'],
    queryFn: () => api.get<PortalStationList>('/portal/stations', { org }),
    retry: false,
  });
}
