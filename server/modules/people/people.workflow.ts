import type { PasswordResetAction, PasswordResetState, UserAction, UserState } from '../../../contracts/people.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';

/**
 * The account workflow. Unlock, password reset and a reset request leave the state as it is; who may act on
 * which account (三员分立, never on oneself) is in people.policy.ts.
 */
export const accountWorkflow = defineWorkflow<UserState, UserAction>({
  name: 'account',
  itemName: '账户',
  states: { active: '正常', disabled: '已停用' },
  transitions: [
    { action: 'disable', from: ['active'], to: 'disabled', roles: ['system_admin', 'security_admin'], label: '停用' },
    { action: 'enable', from: ['disabled'], to: 'active', roles: ['system_admin', 'security_admin'], label: '启用' },
    { action: 'unlock', from: ['active'], to: 'active', roles: ['security_admin'], label: '解除锁定' },
    { action: 'unlock', from: ['disabled'], to: 'disabled', roles: ['security_admin'], label: '解除锁定' },
    { action: 'reset_password', from: ['active'], to: 'active', roles: ['security_admin'], label: '重置密码' },
    {
      action: 'request_password_reset',
      from: ['active'],
      to: 'active',
      roles: ['security_admin', 'system_admin'],
      label: '申请重置密码',
      needsReason: true,
    },
  ],
});

/** How long a pending administrator password reset request may be approved. */
export const PASSWORD_RESET_REQUEST_HOURS = 24;

/**
 * An administrator password reset request: pending until a second administrator approves (the password is reset
 * then) or rejects it, or the requester cancels it. Who may decide is in people.policy.ts (canDecidePasswordReset).
 */
export const passwordResetWorkflow = defineWorkflow<PasswordResetState, PasswordResetAction>({
  name: 'password-reset',
  itemName: '密码重置申请',
  states: { pending: '待批准', approved: '已批准', rejected: '已驳回', cancelled: '已撤销' },
  transitions: [
    {
      action: 'approve',
      from: ['pending'],
      to: 'approved',
      roles: ['system_admin', 'security_admin', 'auditor'],
      label: '批准并重置',
    },
    {
      action: 'reject',
      from: ['pending'],
      to: 'rejected',
      roles: ['system_admin', 'security_admin', 'auditor'],
      label: '驳回',
      needsReason: true,
    },
    { action: 'cancel', from: ['pending'], to: 'cancelled', roles: ['system_admin', 'security_admin'], label: '撤销申请' },
  ],
});
