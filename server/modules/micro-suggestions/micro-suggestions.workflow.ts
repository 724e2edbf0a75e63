import {
  type MicroSuggestionAction,
  type MicroSuggestionState,
  microSuggestionStateNames,
} from '../../../contracts/micro-suggestions.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';

/** States in which the office has not yet decided: the review queue. */
export const awaitingReviewStates: readonly MicroSuggestionState[] = ['submitted'];
/** States a micro-suggestion may be merged into: it is alive and will have an outcome the merged members share. */
export const mergeTargetStates: readonly MicroSuggestionState[] = [
  'submitted',
  'accepted',
  'handling',
  'member_handling',
  'replied',
  'rehandling',
];
/** States in which a unit is handling it (the engine's item is open). */
export const unitHandlingStates: readonly MicroSuggestionState[] = ['handling', 'replied', 'rehandling'];
/** End states: nothing more happens to it (publication aside). */
export const endStates: readonly MicroSuggestionState[] = ['declined', 'merged', 'converted', 'resolved'];

/**
 * The micro-suggestion workflow (微建议) as one table. The member writes and submits; the office (or a committee the
 * tenant names: settings microSuggestions.reviewerRoles) accepts, declines, merges or converts it, then transfers it
 * to one unit or lets the member take it on (委员领办). record_reply, reopen and resolve are the handling engine's
 * moves (a unit's reply sent, a rating, the rating window passed); no button shows them. Item-level checks (the lead
 * member, the reviewer roles) are in micro-suggestions.policy.ts.
 */
export const microSuggestionWorkflow = defineWorkflow<MicroSuggestionState, MicroSuggestionAction>({
  name: 'micro_suggestion',
  itemName: '微建议',
  states: microSuggestionStateNames,
  transitions: [
    // Writing (the member).
    { action: 'edit', from: ['draft'], to: 'draft', roles: ['member'], label: '修改' },
    { action: 'submit', from: ['draft'], to: 'submitted', roles: ['member'], label: '提交' },
    // Review (the office).
    { action: 'accept', from: ['submitted'], to: 'accepted', roles: ['proposal_office'], label: '受理' },
    { action: 'decline', from: ['submitted'], to: 'declined', roles: ['proposal_office'], label: '不予受理', needsReason: true },
    { action: 'merge', from: ['submitted', 'accepted'], to: 'merged', roles: ['proposal_office'], label: '合并' },
    { action: 'convert', from: ['submitted', 'accepted'], to: 'converted', roles: ['proposal_office'], label: '转为提案' },
    // Handing on (the office).
    { action: 'transfer', from: ['accepted'], to: 'handling', roles: ['proposal_office'], label: '转交承办单位' },
    { action: 'take_on', from: ['accepted'], to: 'member_handling', roles: ['proposal_office'], label: '委员领办' },
    // 委员领办: the member reports the result.
    { action: 'report_result', from: ['member_handling'], to: 'resolved', roles: ['member'], label: '报告办理结果' },
    // Handling engine: the unit's reply went out; a rating reopened it or resolved it; the rating window passed.
    {
      action: 'record_reply',
      from: ['handling', 'rehandling'],
      to: 'replied',
      roles: ['unit_handler', 'unit_leader', 'proposal_office'],
      label: '答复',
    },
    { action: 'reopen', from: ['replied'], to: 'rehandling', roles: ['member', 'proposal_office'], label: '重新办理' },
    { action: 'resolve', from: ['replied'], to: 'resolved', roles: ['member', 'proposal_office'], label: '办结' },
    // Publication (the office): the state stays resolved.
    { action: 'publish', from: ['resolved'], to: 'resolved', roles: ['proposal_office'], label: '公开' },
    { action: 'unpublish', from: ['resolved'], to: 'resolved', roles: ['proposal_office'], label: '撤回公开' },
  ],
});
