import { describe, expect, it } from 'vitest';
import { type UserAction, userActions } from '../../../contracts/people.ts';
import { administratorRoles, type Role, roleSetProblem, roles } from '../../../contracts/roles.ts';
import { availableActions, guardTransition } from '../../platform/workflow/workflow.ts';
import {
  canCreateUsers,
  canDecidePasswordReset,
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
import { accountWorkflow, passwordResetWorkflow } from './people.workflow.ts';

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
    ['station_staff', { readMembers: true, manage: false, reveal: false, readUnits: true }],
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
    // An administrator's password is never reset by one person: it takes a request another administrator approves.
    reset_password: { business: ['security_admin'], admin: [] },
    request_password_reset: { business: [], admin: ['security_admin'] },
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
    ['security admin grants system admin', actorWith('security_admin'), [], ['system_admin'], none, null],
    [
      'security admin may not make a business account an administrator',
      actorWith('security_admin'),
      ['leader'],
      ['leader', 'system_admin'],
      none,
      /不能兼任业务角色/,
    ],
    [
      'system admin may not give the auditor a business role',
      actorWith('system_admin'),
      ['auditor'],
      ['auditor', 'member'],
      none,
      /不能兼任业务角色/,
    ],
    [
      'system admin may not give the security admin a business role',
      actorWith('system_admin'),
      ['security_admin'],
      ['security_admin', 'proposal_office'],
      none,
      /不能兼任业务角色/,
    ],
    [
      'an administrator may drop a business role held from before the rule',
      actorWith('system_admin'),
      ['auditor', 'leader'],
      ['auditor'],
      none,
      null,
    ],
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

describe('the station staff role needs a station', () => {
  it.each([
    [null, ['stationId']],
    ['s1', []],
  ] as const)('station=%s', (stationId, expected) =>
    expect(missingLinks({ roles: ['station_staff'], memberId: null, unitId: null, stationId })).toEqual(expected),
  );
});

describe('an administrator holds no business role (三员分立), every pair', () => {
  const business = roles.filter((role) => !administratorRoles.includes(role));
  const cases = administratorRoles.flatMap((administrator) => business.map((role) => [administrator, role] as const));
  it.each(cases)('%s with %s is refused on creation and on a role change', (administrator, role) => {
    expect(roleSetProblem([administrator, role])).toMatch(/不能兼任业务角色/);
    const granter = actorWith(administrator === 'security_admin' ? 'system_admin' : 'security_admin');
    expect(roleChangeProblem(granter, { id: '', roles: [] }, [administrator, role], { securityAdminExists: false })).toMatch(
      /三员分立/,
    );
    expect(
      roleChangeProblem(actorWith('system_admin'), { id: 'target', roles: [administrator] }, [administrator, role], {
        securityAdminExists: true,
      }),
    ).toMatch(/不能兼任业务角色/);
  });
  it('allows one administrator role alone and any set of business roles', () => {
    for (const role of administratorRoles) expect(roleSetProblem([role])).toBeNull();
    expect(roleSetProblem(business)).toBeNull();
    expect(roleSetProblem([])).toBeNull();
  });
});

describe('requesting an administrator password reset', () => {
  const securityAccount = { id: 'target', roles: ['security_admin'] as Role[] };
  const cases: [string, PolicyActor, { id: string; roles: Role[] }, boolean][] = [
    ['security admin for the auditor', actorWith('security_admin'), adminAccount, true],
    ['security admin for the system admin', actorWith('security_admin'), { id: 'target', roles: ['system_admin'] }, true],
    ['security admin for another security admin', actorWith('security_admin'), securityAccount, true],
    ['system admin for a security admin (who cannot reset their own)', actorWith('system_admin'), securityAccount, true],
    ['system admin for the auditor', actorWith('system_admin'), adminAccount, false],
    ['auditor for the security admin', actorWith('auditor'), securityAccount, false],
    ['security admin for a business account (reset directly instead)', actorWith('security_admin'), businessAccount, false],
    ['security admin for their own account', actorWith('security_admin'), { id: 'actor', roles: ['security_admin'] }, false],
  ];
  it.each(cases)('%s', (_name, actor, target, expected) =>
    expect(canTakeUserAction(actor, target, 'request_password_reset')).toBe(expected),
  );
});

describe('deciding an administrator password reset request (a second administrator)', () => {
  const request = { userId: 'target', requestedBy: 'requester' };
  const cases: [string, PolicyActor, 'approve' | 'reject' | 'cancel', boolean][] = [
    ['another system admin approves', actorWith('system_admin'), 'approve', true],
    ['another security admin approves', actorWith('security_admin'), 'approve', true],
    ['the auditor approves', actorWith('auditor'), 'approve', true],
    ['the requester may not approve their own request', actorWith('security_admin', { userId: 'requester' }), 'approve', false],
    ['the target may not approve a reset of their own password', actorWith('auditor', { userId: 'target' }), 'approve', false],
    ['the office may not approve', actorWith('proposal_office'), 'approve', false],
    ['a member may not approve', actorWith('member'), 'approve', false],
    ['another administrator rejects', actorWith('auditor'), 'reject', true],
    ['the requester may not reject (they cancel)', actorWith('security_admin', { userId: 'requester' }), 'reject', false],
    ['the requester cancels', actorWith('security_admin', { userId: 'requester' }), 'cancel', true],
    ['nobody else cancels', actorWith('system_admin'), 'cancel', false],
  ];
  it.each(cases)('%s', (_name, actor, action, expected) => {
    expect(canDecidePasswordReset(actor, request, action)).toBe(expected);
    const offered = availableActions(passwordResetWorkflow, 'pending', actor.roles, (candidate) =>
      canDecidePasswordReset(actor, request, candidate),
    );
    expect(offered.some((entry) => entry.action === action)).toBe(expected);
  });
  it('decides only pending requests', () => {
    for (const state of ['approved', 'rejected', 'cancelled'] as const) {
      expect(() => guardTransition(passwordResetWorkflow, state, 'approve', ['system_admin'])).toThrow(
        expect.objectContaining({ status: 409 }),
      );
    }
  });
});
