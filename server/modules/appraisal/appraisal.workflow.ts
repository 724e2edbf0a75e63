import type { AppraisalAction, AppraisalState } from '../../../contracts/appraisal.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';

/** The office opens an appraisal for scoring, closes it, and publishes its results. */
export const appraisalWorkflow = defineWorkflow<AppraisalState, AppraisalAction>({
  name: 'appraisal',
  itemName: '民主评议',
  states: { draft: '未开始', open: '评分中', closed: '已结束', published: '结果已公布' },
  transitions: [
    { action: 'open', from: ['draft'], to: 'open', roles: ['proposal_office'], label: '开始评分' },
    { action: 'close', from: ['open'], to: 'closed', roles: ['proposal_office'], label: '结束评分' },
    { action: 'publish', from: ['closed'], to: 'published', roles: ['proposal_office'], label: '公布结果' },
  ],
});
