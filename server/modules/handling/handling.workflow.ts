import type { ExtensionAction, ExtensionState, ReplyAction, ReplyState } from '../../../contracts/handling.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';

/**
 * The way of one reply (or follow-up report) from the handler's draft to the raters: the handler submits it
 * for sign-off, the unit leader signs it off or sends it back; when the committee reviews replies, the office then
 * releases it (and may change the class) or sends it back. Which of sign_off / sign_off_and_send the leader sees
 * depends on that setting (handling.policy.ts); the contact rule and the co-handlers' opinions are checked there too.
 * A kind whose replies need no leader's sign-off (a micro-suggestion unless the committee asks for it) is sent by
 * the handler straight from the draft (send); the policy offers send only then, never for a proposal.
 */
export const replyWorkflow = defineWorkflow<ReplyState, ReplyAction>({
  name: 'proposal_reply',
  itemName: '答复',
  states: { draft: '草稿', pending_signoff: '待领导签发', office_review: '提案委审核中', sent: '已答复' },
  transitions: [
    {
      action: 'submit',
      from: ['draft'],
      to: 'pending_signoff',
      roles: ['unit_handler', 'unit_leader'],
      label: '送领导签发',
    },
    { action: 'send', from: ['draft'], to: 'sent', roles: ['unit_handler', 'unit_leader'], label: '发送答复' },
    { action: 'sign_off', from: ['pending_signoff'], to: 'office_review', roles: ['unit_leader'], label: '签发（送提案委审核）' },
    { action: 'sign_off_and_send', from: ['pending_signoff'], to: 'sent', roles: ['unit_leader'], label: '签发并答复' },
    { action: 'return', from: ['pending_signoff'], to: 'draft', roles: ['unit_leader'], label: '退回修改', needsReason: true },
    { action: 'return', from: ['office_review'], to: 'draft', roles: ['proposal_office'], label: '退回修改', needsReason: true },
    { action: 'release', from: ['office_review'], to: 'sent', roles: ['proposal_office'], label: '审核通过并答复' },
  ],
});

/** An extension request: the office approves (the due date moves) or refuses it. */
export const extensionWorkflow = defineWorkflow<ExtensionState, ExtensionAction>({
  name: 'extension_request',
  itemName: '延期申请',
  states: { requested: '待审批', approved: '已同意', refused: '不同意' },
  transitions: [
    { action: 'approve', from: ['requested'], to: 'approved', roles: ['proposal_office'], label: '同意延期' },
    { action: 'refuse', from: ['requested'], to: 'refused', roles: ['proposal_office'], label: '不同意延期', needsReason: true },
  ],
});
