import { describe, expect, it } from 'vitest';
import { type UserAction, userActions } from '../../../contracts/people.ts';
import { type Role, roles } from '../../../contracts/roles.ts';
import { availableActions, guardTransition } from '../../platform/workflow/workflow.ts';
import {
  canCreateUsers,
  canEditUserProfile,
  canManageMembers,
  canManageUnits,
  canReadMembers,
  canReadUnits,
  canReadUser,
  canRevealMemberSensitive,
  canTakeUserAction,
  canUpdateUnit,
  missingLinks,
  type PolicyActor,
  roleChangeProblem,
} from './people.policy.ts';
import { accountWorkflow } from './people.workflow.ts';

const actorWith = (role: Role, extra: Partial<PolicyActor> = {}): PolicyActor => ({
  userId: 'actor',
  roles: [role],
  unitId: null,
  ...extra,
});
const businessAccount = { id: 'target', roles: ['member'] as Role[] };
const adminAccount = { id: 'target', roles: ['auditor'] as Role[] };

describe('roster permissions, every role', () => {
  const table: [Role, { readMembers: boolean; manage: boolean; reveal: boolean; readUnits: boolean }][] = [
    ['system_admin', { readMembers: true, manage: true, reveal: true, readUnits: true }],
    ['security_admin', { readMembers: false, manage: false, reveal: false, readUnits: false }],
    ['auditor', { readMembers: false, manage: false, reveal: false, readUnits: false }],
    ['proposal_office', { readMembers: true, manage: true, reveal: true, readUnits: true }],
    ['member', { readMembers: true, manage: false, reveal: false, readUnits: true }],
    ['unit_handler', { readMembers: true, manage: false, reveal: false, readUnits: true }],
    ['unit_leader', { readMembers: true, manage: false, reveal: false, readUnits: true }],
    ['supervisor', { readMembers: true, manage: false, reveal: false, readUnits: true }],
    ['information_office', { readMembers: true, manage: false, reveal: false, readUnits: true }],
    ['leader', { readMembers: true, manage: false, reveal: false, readUnits: true }],
  ];
  it('covers every role', () => expect(table.map(([role]) => role).sort()).toEqual([...roles].sort()));
  it.each(table)('%s', (role, expected) => {
    const actor = actorWith(role);
    expect({
      readMembers: canReadMembers(actor),
      manage: canManageMembers(actor),
      reveal: canRevealMemberSensitive(actor),
      readUnits: canReadUnits(actor),
    }).toEqual(expected);
    expect(canManageUnits(actor)).toBe(expected.manage);
  });
});

describe('unit updates', () => {
  const cases: [string, PolicyActor, string[], boolean][] = [
    ['office changes any field', actorWith('proposal_office'), ['name', 'parentId'], true],
    [
      'own handler changes contacts',
      actorWith('unit_handler', { unitId: 'u1' }),
      ['contactName', 'contactPhone', 'address'],
      true,
    ],
    ['own leader changes the phone', actorWith('unit_leader', { unitId: 'u1' }), ['contactPhone'], true],
    ['own handler may not rename', actorWith('unit_handler', { unitId: 'u1' }), ['name'], false],
    ['handler of another unit', actorWith('unit_handler', { unitId: 'u2' }), ['contactName'], false],
    ['member', actorWith('member'), ['contactName'], false],
    ['security admin', actorWith('security_admin'), ['contactName'], false],
  ];
  it.each(cases)('%s', (_name, actor, fields, expected) => expect(canUpdateUnit(actor, 'u1', fields)).toBe(expected));
});

describe('account workflow actions, every role × action × target', () => {
  // Who may take each action on a business account and on an administrator's account (never on their own).
  const allowed: Record<UserAction, { business: Role[]; admin: Role[] }> = {
    disable: { business: ['system_admin'], admin: ['security_admin'] },
    enable: { business: ['system_admin'], admin: ['security_admin'] },
    unlock: { business: ['security_admin'], admin: ['security_admin'] },
    reset_password: { business: ['security_admin'], admin: ['security_admin'] },
  };
  const cases = roles.flatMap((role) =>
    userActions.flatMap((action) => [
      [role, action, 'business', allowed[action].business.includes(role)] as const,
      [role, action, 'admin', allowed[action].admin.includes(role)] as const,
      [role, action, 'self', false] as const,
    ]),
  );
  it.each(cases)('%s %s on %s account → %s', (role, action, target, expected) => {
    const actor = actorWith(role);
    const account = target === 'self' ? { id: 'actor', roles: [role] } : target === 'admin' ? adminAccount : businessAccount;
    const state = action === 'enable' ? 'disabled' : 'active';
    const item = canTakeUserAction(actor, account, action);
    const offered = availableActions(accountWorkflow, state, actor.roles, (candidate) =>
      canTakeUserAction(actor, account, candidate),
    );
    expect(offered.some((entry) => entry.action === action)).toBe(expected);
    if (expected) expect(guardTransition(accountWorkflow, state, action, actor.roles, item).action).toBe(action);
    else expect(() => guardTransition(accountWorkflow, state, action, actor.roles, item)).toThrow(/无权/);
  });
});

describe('account workflow states', () => {
  const security = actorWith('security_admin');
  const cases: [string, 'active' | 'disabled', string, number, string | null][] = [
    ['disable an active account', 'active', 'disable', 0, 'disabled'],
    ['disable a disabled account', 'disabled', 'disable', 409, null],
    ['enable an active account', 'active', 'enable', 409, null],
    ['unlock keeps disabled', 'disabled', 'unlock', 0, 'disabled'],
    ['unlock keeps active', 'active', 'unlock', 0, 'active'],
    ['reset a disabled account', 'disabled', 'reset_password', 409, null],
    ['an unknown action', 'active', 'delete', 409, null],
  ];
  it.each(cases)('%s', (_name, state, action, status, to) => {
    if (status === 0) expect(guardTransition(accountWorkflow, state, action, security.roles).to).toBe(to);
    else
      expect(() => guardTransition(accountWorkflow, state, action, security.roles)).toThrow(expect.objectContaining({ status }));
  });
  it('names the state in the 409', () => {
    expect(() => guardTransition(accountWorkflow, 'disabled', 'disable', security.roles)).toThrow(/已停用/);
  });
});

describe('role changes (三员分立)', () => {
  const none = { securityAdminExists: true };
  const bootstrap = { securityAdminExists: false };
  const cases: [string, PolicyActor, Role[], Role[], { securityAdminExists: boolean }, RegExp | null][] = [
    ['system admin grants a business role', actorWith('system_admin'), [], ['proposal_office'], none, null],
    ['system admin removes a business role', actorWith('system_admin'), ['member', 'supervisor'], ['member'], none, null],
    ['system admin may not grant auditor', actorWith('system_admin'), [], ['auditor'], none, /安全管理员/],
    ['system admin may not grant system admin', actorWith('system_admin'), [], ['system_admin'], none, /安全管理员/],
    ['system admin appoints the first security admin', actorWith('system_admin'), [], ['security_admin'], bootstrap, null],
    ['…but not a second one', actorWith('system_admin'), [], ['security_admin'], none, /安全管理员/],
    ['…nor removes one', actorWith('system_admin'), ['security_admin'], [], bootstrap, /安全管理员/],
    ['security admin grants auditor', actorWith('security_admin'), [], ['auditor'], none, null],
    ['security admin grants system admin', actorWith('security_admin'), ['leader'], ['leader', 'system_admin'], none, null],
    ['security admin may not grant a business role', actorWith('security_admin'), [], ['member'], none, /系统管理员/],
    ['two admin roles at once', actorWith('security_admin'), ['system_admin'], ['system_admin', 'auditor'], none, /三员分立/],
    ['auditor grants nothing', actorWith('auditor'), [], ['member'], none, /系统管理员/],
    ['office grants nothing', actorWith('proposal_office'), [], ['member'], none, /系统管理员/],
    ['no change is always fine', actorWith('member'), ['leader'], ['leader'], none, null],
  ];
  it.each(cases)('%s', (_name, actor, from, to, context, problem) => {
    const result = roleChangeProblem(actor, { id: 'target', roles: from }, to, context);
    if (problem) expect(result).toMatch(problem);
    else expect(result).toBeNull();
  });
  it.each(roles.map((role) => [role]))('%s may not change their own roles', (role) => {
    const actor = actorWith(role);
    expect(roleChangeProblem(actor, { id: 'actor', roles: [role] }, [], none)).toMatch(/自己/);
  });
});

describe('account administration, every role', () => {
  it.each(roles.map((role) => [role]))('%s', (role) => {
    const actor = actorWith(role);
    expect(canCreateUsers(actor)).toBe(role === 'system_admin');
    expect(canEditUserProfile(actor, businessAccount)).toBe(role === 'system_admin');
    expect(canReadUser(actor, businessAccount)).toBe(role === 'system_admin' || role === 'security_admin');
    expect(canReadUser(actor, { id: 'actor', roles: [role] })).toBe(true);
  });
});

describe('links a role needs', () => {
  const cases: [Role[], string | null, string | null, string[]][] = [
    [['member'], null, null, ['memberId']],
    [['member'], 'm1', null, []],
    [['unit_handler'], null, null, ['unitId']],
    [['unit_leader', 'member'], null, 'u1', ['memberId']],
    [['leader'], null, null, []],
  ];
  it.each(cases)('%j member=%s unit=%s', (held, memberId, unitId, expected) =>
    expect(missingLinks({ roles: held, memberId, unitId })).toEqual(expected),
  );
});
