import type {
  AssignmentAction,
  AssignmentState,
  CoSignerAction,
  CoSignerState,
  ProposalAction,
  ProposalState,
} from '../../../contracts/proposals.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';

/** States before review, while the proposer still owns the text. */
export const editableStates: readonly ProposalState[] = ['draft', 'returned'];
/** States in which the text is frozen and supplements may be appended. */
export const supplementableStates: readonly ProposalState[] = ['submitted', 'filed', 'assigned'];

/**
 * The proposal workflow of issue 3 (writing, co-signing, review, assignment), as one table. Who may act on which
 * proposal (own drafts, collective proposals) is in proposals.policy.ts; the co-signing deadline is checked by
 * the actions.
 */
export const proposalWorkflow = defineWorkflow<ProposalState, ProposalAction>({
  name: 'proposal',
  itemName: '提案',
  states: {
    draft: '草稿',
    co_signing: '联名征集中',
    submitted: '已提交',
    returned: '退回修改',
    filed: '已立案',
    rejected: '不予立案',
    merged: '已并案',
    converted: '已转办',
    withdrawn: '已撤回',
    assigned: '已交办',
    replied: '已答复',
    rehandling: '二次办理',
    closed: '已办结',
    archived: '已归档',
  },
  transitions: [
    // Writing (member; office staff for collective proposals).
    { action: 'edit', from: ['draft'], to: 'draft', roles: ['member', 'proposal_office'], label: '修改' },
    { action: 'edit', from: ['returned'], to: 'returned', roles: ['member', 'proposal_office'], label: '修改' },
    {
      action: 'invite_co_signers',
      from: ['draft', 'co_signing'],
      to: 'co_signing',
      roles: ['member'],
      label: '邀请联名',
    },
    {
      action: 'submit',
      from: ['draft', 'co_signing', 'returned'],
      to: 'submitted',
      roles: ['member', 'proposal_office'],
      label: '提交',
    },
    {
      action: 'withdraw',
      from: ['co_signing', 'submitted', 'returned'],
      to: 'withdrawn',
      roles: ['member', 'proposal_office'],
      label: '撤回',
    },
    {
      action: 'add_supplement',
      from: ['submitted'],
      to: 'submitted',
      roles: ['member', 'proposal_office'],
      label: '补充材料',
    },
    { action: 'add_supplement', from: ['filed'], to: 'filed', roles: ['member', 'proposal_office'], label: '补充材料' },
    {
      action: 'add_supplement',
      from: ['assigned'],
      to: 'assigned',
      roles: ['member', 'proposal_office'],
      label: '补充材料',
    },
    // Review (proposal office).
    { action: 'file', from: ['submitted'], to: 'filed', roles: ['proposal_office'], label: '立案' },
    { action: 'reject', from: ['submitted'], to: 'rejected', roles: ['proposal_office'], label: '不予立案', needsReason: true },
    { action: 'merge', from: ['submitted'], to: 'merged', roles: ['proposal_office'], label: '并案' },
    { action: 'convert', from: ['submitted'], to: 'converted', roles: ['proposal_office'], label: '转为其他形式' },
    { action: 'return', from: ['submitted'], to: 'returned', roles: ['proposal_office'], label: '退回修改', needsReason: true },
    // Assignment (proposal office).
    { action: 'assign', from: ['filed'], to: 'assigned', roles: ['proposal_office'], label: '交办' },
    // Handling (server/modules/handling): these move as replies are sent and rated, never by a button of their own.
    // record_reply: the last replying unit's reply went out (its leader signed it off, or the office released it).
    {
      action: 'record_reply',
      from: ['assigned', 'rehandling'],
      to: 'replied',
      roles: ['unit_leader', 'proposal_office'],
      label: '答复',
    },
    // reopen: a proposer rated a reply dissatisfied and the committee's re-handling limit is not reached.
    { action: 'reopen', from: ['replied'], to: 'rehandling', roles: ['member', 'proposal_office'], label: '二次办理' },
    // close: every proposer rated every reply, or the rating window passed (the nightly scan acts for the office).
    { action: 'close', from: ['replied'], to: 'closed', roles: ['member', 'proposal_office'], label: '办结' },
    // archive: closing a session freezes every proposal of it, whatever its state (the state before is kept).
    {
      action: 'archive',
      from: [
        'draft',
        'co_signing',
        'submitted',
        'returned',
        'filed',
        'rejected',
        'merged',
        'converted',
        'withdrawn',
        'assigned',
        'replied',
        'rehandling',
        'closed',
      ],
      to: 'archived',
      roles: ['proposal_office'],
      label: '归档',
    },
  ],
});

/**
 * The workflow of one co-signing invitation: the invited member accepts or declines (and may change their mind
 * before the deadline); the lead proposer cancels. The deadline is checked by the actions.
 */
export const coSignerWorkflow = defineWorkflow<CoSignerState, CoSignerAction>({
  name: 'proposal_co_signer',
  itemName: '联名邀请',
  states: { invited: '待答复', accepted: '已同意', declined: '已谢绝', cancelled: '已取消' },
  transitions: [
    { action: 'accept', from: ['invited', 'declined'], to: 'accepted', roles: ['member'], label: '同意联名' },
    { action: 'decline', from: ['invited', 'accepted'], to: 'declined', roles: ['member'], label: '谢绝联名' },
    { action: 'cancel', from: ['invited', 'accepted', 'declined'], to: 'cancelled', roles: ['member'], label: '取消邀请' },
  ],
});

/**
 * The workflow of one unit's assignment: the unit signs for it (签收) or, within the adjustment window, asks to be
 * replaced (申请调整); the office approves (the row is marked reassigned and a replacement unit gets a new row) or
 * refuses (the unit is back to signing for it). The window and the unit's ownership are checked by the policy.
 */
export const assignmentWorkflow = defineWorkflow<AssignmentState, AssignmentAction>({
  name: 'proposal_assignment',
  itemName: '交办件',
  states: { pending: '待签收', signed_for: '已签收', adjustment_requested: '申请调整中', reassigned: '已调整' },
  transitions: [
    { action: 'sign_for', from: ['pending'], to: 'signed_for', roles: ['unit_handler', 'unit_leader'], label: '签收' },
    {
      action: 'request_adjustment',
      from: ['pending', 'signed_for'],
      to: 'adjustment_requested',
      roles: ['unit_handler', 'unit_leader'],
      label: '申请调整',
      needsReason: true,
    },
    {
      action: 'approve_adjustment',
      from: ['adjustment_requested'],
      to: 'reassigned',
      roles: ['proposal_office'],
      label: '同意调整',
    },
    {
      action: 'refuse_adjustment',
      from: ['adjustment_requested'],
      to: 'pending',
      roles: ['proposal_office'],
      label: '不同意调整',
      needsReason: true,
    },
  ],
});
