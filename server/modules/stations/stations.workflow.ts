import type { VisitAction, VisitState } from '../../../contracts/stations.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';

/**
 * 来访事项: recorded open at the station, then closed on the spot with what was done, or turned into a
 * micro-suggestion on behalf of the members present. Both ends are final.
 */
export const stationVisitWorkflow = defineWorkflow<VisitState, VisitAction>({
  name: 'station_visit',
  itemName: '来访事项',
  states: { open: '待处理', closed: '当场办结', converted: '已转微建议' },
  transitions: [
    { action: 'close', from: ['open'], to: 'closed', roles: ['proposal_office', 'station_staff'], label: '当场办结' },
    { action: 'convert', from: ['open'], to: 'converted', roles: ['proposal_office', 'station_staff'], label: '转为微建议' },
  ],
});
