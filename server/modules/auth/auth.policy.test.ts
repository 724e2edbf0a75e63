import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import { securitySettingsSchema } from '../../../contracts/settings.ts';
import {
  afterFailedLogin,
  blockingStep,
  canDisableTotp,
  canLogin,
  checkPasswordPolicy,
  isAdministrator,
  isLocked,
  loginNameForLog,
  type PendingStep,
  pendingSteps,
  secondFactorFor,
} from './auth.policy.ts';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const defaults = securitySettingsSchema.parse({});
const requireTotp = { ...defaults, requireTotpForAdministrators: true };

describe('checkPasswordPolicy', () => {
  const cases: { password: string; rules?: Partial<typeof defaults>; context?: object; problems: string[] }[] = [
    { password: 'Abcdef12', problems: [] },
    { password: 'abcdef12!', problems: [] },
    { password: 'Ab1!', problems: ['密码至少 8 位'] },
    { password: 'abcdefgh', problems: ['密码须包含小写字母、大写字母、数字、符号中的至少 3 类'] },
    { password: 'abcdefg1', problems: ['密码须包含小写字母、大写字母、数字、符号中的至少 3 类'] },
    { password: 'ABCDEFG1!', problems: [] },
    { password: '12345678', problems: ['密码须包含小写字母、大写字母、数字、符号中的至少 3 类'] },
    { password: 'abc', problems: ['密码至少 8 位', '密码须包含小写字母、大写字母、数字、符号中的至少 3 类'] },
    { password: '政协Abc123', problems: [] },
    { password: '政协Abc12', problems: ['密码至少 8 位'] },
    { password: 'Xzhangsan1!', context: { username: 'zhangsan' }, problems: ['密码不能包含用户名'] },
    { password: 'XZhangSan1!', context: { username: 'zhangsan' }, problems: ['密码不能包含用户名'] },
    { password: 'Lisi2026!x', context: { username: 'zhangsan' }, problems: [] },
    { password: 'Same@2026pw', context: { currentPassword: 'Same@2026pw' }, problems: ['新密码不能与当前密码相同'] },
    { password: 'Other@2026pw', context: { currentPassword: 'Same@2026pw' }, problems: [] },
    { password: 'Abcdefg1', rules: { passwordMinLength: 12 }, problems: ['密码至少 12 位'] },
    { password: 'Abcdefgh', rules: { passwordMinClasses: 2 }, problems: [] },
    {
      password: 'Abcdefg1',
      rules: { passwordMinClasses: 4 },
      problems: ['密码须包含小写字母、大写字母、数字、符号中的至少 4 类'],
    },
  ];
  it.each(cases)('$password $context $rules → $problems', ({ password, rules, context, problems }) => {
    expect(checkPasswordPolicy(password, { ...defaults, ...rules }, context)).toEqual(problems);
  });
});

describe('canLogin and isLocked', () => {
  const later = new Date(NOW.getTime() + 60_000).toISOString();
  const earlier = new Date(NOW.getTime() - 60_000).toISOString();
  const cases = [
    { state: 'active', lockedUntil: null, expected: { ok: true } },
    { state: 'active', lockedUntil: earlier, expected: { ok: true } },
    { state: 'active', lockedUntil: NOW.toISOString(), expected: { ok: true } },
    { state: 'active', lockedUntil: later, expected: { ok: false, reason: 'locked', lockedUntil: new Date(later) } },
    { state: 'disabled', lockedUntil: null, expected: { ok: false, reason: 'disabled' } },
    { state: 'disabled', lockedUntil: later, expected: { ok: false, reason: 'locked', lockedUntil: new Date(later) } },
  ];
  it.each(cases)('$state, locked until $lockedUntil → $expected', ({ state, lockedUntil, expected }) => {
    expect(canLogin({ state, lockedUntil }, NOW)).toEqual(expected);
    expect(isLocked({ lockedUntil }, NOW)).toBe(expected.ok === false && expected.reason === 'locked');
  });
});

describe('afterFailedLogin', () => {
  const lockAt = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
  const cases = [
    { before: 0, settings: defaults, expected: { failedLoginCount: 1, lockedUntil: null } },
    { before: 3, settings: defaults, expected: { failedLoginCount: 4, lockedUntil: null } },
    { before: 4, settings: defaults, expected: { failedLoginCount: 0, lockedUntil: lockAt(15) } },
    { before: 9, settings: defaults, expected: { failedLoginCount: 0, lockedUntil: lockAt(15) } },
    {
      before: 2,
      settings: { ...defaults, lockoutThreshold: 3, lockoutMinutes: 30 },
      expected: { failedLoginCount: 0, lockedUntil: lockAt(30) },
    },
    { before: 5, settings: { ...defaults, lockoutThreshold: 10 }, expected: { failedLoginCount: 6, lockedUntil: null } },
  ];
  it.each(cases)('$before failures before → $expected', ({ before, settings, expected }) => {
    expect(afterFailedLogin(before, settings, NOW)).toEqual(expected);
  });
});

describe('isAdministrator, secondFactorFor, canDisableTotp', () => {
  const cases: { roles: Role[]; totpEnabled: boolean; required: boolean; admin: boolean; factor: string; mayDisable: boolean }[] =
    [
      { roles: ['member'], totpEnabled: false, required: false, admin: false, factor: 'none', mayDisable: true },
      { roles: ['member'], totpEnabled: false, required: true, admin: false, factor: 'none', mayDisable: true },
      { roles: ['member'], totpEnabled: true, required: true, admin: false, factor: 'required', mayDisable: true },
      { roles: ['system_admin'], totpEnabled: false, required: false, admin: true, factor: 'none', mayDisable: true },
      { roles: ['system_admin'], totpEnabled: false, required: true, admin: true, factor: 'enroll', mayDisable: false },
      { roles: ['security_admin'], totpEnabled: true, required: true, admin: true, factor: 'required', mayDisable: false },
      { roles: ['auditor'], totpEnabled: false, required: true, admin: true, factor: 'enroll', mayDisable: false },
      {
        roles: ['proposal_office', 'leader'],
        totpEnabled: false,
        required: true,
        admin: false,
        factor: 'none',
        mayDisable: true,
      },
      { roles: [], totpEnabled: false, required: true, admin: false, factor: 'none', mayDisable: true },
    ];
  it.each(cases)(
    '$roles totp=$totpEnabled required=$required → $factor',
    ({ roles, totpEnabled, required, admin, factor, mayDisable }) => {
      const security = required ? requireTotp : defaults;
      expect(isAdministrator(roles)).toBe(admin);
      expect(secondFactorFor({ roles, totpEnabled }, security)).toBe(factor);
      expect(canDisableTotp(roles, security)).toBe(mayDisable);
    },
  );
});

describe('pendingSteps and blockingStep', () => {
  const cases: { session: Parameters<typeof pendingSteps>[0]; required: boolean; steps: PendingStep[] }[] = [
    {
      session: { fullyAuthenticated: true, mustChangePassword: false, totpEnabled: false, roles: ['member'] },
      required: true,
      steps: [],
    },
    {
      session: { fullyAuthenticated: false, mustChangePassword: false, totpEnabled: true, roles: ['member'] },
      required: false,
      steps: ['second_factor'],
    },
    {
      session: { fullyAuthenticated: true, mustChangePassword: true, totpEnabled: false, roles: ['member'] },
      required: false,
      steps: ['password_change'],
    },
    {
      session: { fullyAuthenticated: true, mustChangePassword: true, totpEnabled: false, roles: ['system_admin'] },
      required: true,
      steps: ['password_change', 'totp_enrollment'],
    },
    {
      session: { fullyAuthenticated: false, mustChangePassword: true, totpEnabled: true, roles: ['system_admin'] },
      required: true,
      steps: ['second_factor', 'password_change'],
    },
    {
      session: { fullyAuthenticated: true, mustChangePassword: false, totpEnabled: false, roles: ['auditor'] },
      required: false,
      steps: [],
    },
  ];
  it.each(cases)('$session required=$required → $steps', ({ session, required, steps }) => {
    expect(pendingSteps(session, required ? requireTotp : defaults)).toEqual(steps);
  });

  const routes: { pending: PendingStep[]; allowed: PendingStep[]; blocked: PendingStep | null }[] = [
    { pending: [], allowed: [], blocked: null },
    { pending: ['password_change'], allowed: [], blocked: 'password_change' },
    { pending: ['password_change'], allowed: ['password_change', 'totp_enrollment'], blocked: null },
    { pending: ['password_change', 'totp_enrollment'], allowed: ['totp_enrollment'], blocked: 'password_change' },
    { pending: ['second_factor', 'password_change'], allowed: ['password_change'], blocked: 'second_factor' },
    { pending: ['totp_enrollment'], allowed: ['totp_enrollment'], blocked: null },
  ];
  it.each(routes)('pending $pending, route allows $allowed → $blocked', ({ pending, allowed, blocked }) => {
    expect(blockingStep(pending, allowed)).toBe(blocked);
  });
});

describe('loginNameForLog', () => {
  it.each([
    ['13812345678', '138****5678'],
    [' zhangsan ', 'zhangsan'],
    ['x'.repeat(100), 'x'.repeat(64)],
    ['1381234567', '1381234567'],
  ])('%s → %s', (input, expected) => {
    expect(loginNameForLog(input)).toBe(expected);
  });
});
