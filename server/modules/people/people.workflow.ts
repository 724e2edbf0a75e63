import type { UserAction, UserState } from '../../../contracts/people.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';

/**
 * The account workflow. Unlock and password reset leave the state as it is; who may act on which account
 * (三员分立, never on oneself) is in people.policy.ts.
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
  ],
});
