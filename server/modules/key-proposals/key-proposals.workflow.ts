import type { KeyProposalAction, KeyProposalState } from '../../../contracts/key-proposals.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';

/** 重点提案遴选: the office shortlists a recommendation, approves it with supervising leaders, or declines it. */
export const keyProposalWorkflow = defineWorkflow<KeyProposalState, KeyProposalAction>({
  name: 'key_proposal',
  itemName: '重点提案',
  states: { recommended: '已推荐', shortlisted: '已列入候选', approved: '已确定为重点提案', declined: '未列入' },
  transitions: [
    { action: 'shortlist', from: ['recommended'], to: 'shortlisted', roles: ['proposal_office'], label: '列入候选' },
    {
      action: 'approve',
      from: ['recommended', 'shortlisted'],
      to: 'approved',
      roles: ['proposal_office'],
      label: '确定为重点提案',
    },
    {
      action: 'decline',
      from: ['recommended', 'shortlisted'],
      to: 'declined',
      roles: ['proposal_office'],
      label: '不列入',
      needsReason: true,
    },
  ],
});
