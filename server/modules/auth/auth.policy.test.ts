import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import { securitySettingsSchema } from '../../../contracts/settings.ts';
import {
  addressKey,
  blockingStep,
  type CounterRule,
  canDisableTotp,
  canLogin,
  canReadPlatformLoginFailures,
  checkPasswordPolicy,
  counterAfterFailure,
  counterAfterRelease,
  delayAfterFailures,
  emptyCounter,
  type FailureCounter,
  failuresLeft,
  heldUntil,
  isAdministrator,
  isTrustedAddress,
  loginCounterRules,
  loginNameForLog,
  type PendingStep,
  pendingSteps,
  secondFactorFor,
} from './auth.policy.ts';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const defaults = securitySettingsSchema.parse({});
const requireTotp = { ...defaults, requireTotpForAdministrators: true };
const noTotpRequired = { ...defaults, requireTotpForAdministrators: false };

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

describe("canLogin: after the right password only a disabled account is refused (holds are the counters' business)", () => {
  it.each([
    { state: 'active', expected: { ok: true } },
    { state: 'disabled', expected: { ok: false, reason: 'disabled' } },
  ])('$state → $expected', ({ state, expected }) => {
    expect(canLogin({ state })).toEqual(expected);
  });
});

const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const counter = (failures: number, values: Partial<FailureCounter> = {}): FailureCounter => ({
  ...emptyCounter,
  failures,
  ...values,
});
const rules = loginCounterRules(defaults, { budget: 100, windowMinutes: 15 });

describe('loginCounterRules: every number comes from the committee, the address budget from the deployment', () => {
  it('builds the three rules from the defaults (5 per address+account in 15 min; 10 free, 30 s doubling to 900 s)', () => {
    expect(rules).toEqual({
      address: { kind: 'budget', limit: 100, windowMinutes: 15 },
      pair: { kind: 'lock', limit: 5, windowMinutes: 15, lockMinutes: 15 },
      account: { kind: 'delay', freeFailures: 10, delaySeconds: 30, maxDelaySeconds: 900, memoryHours: 24 },
    });
  });
});

describe('delayAfterFailures: the account waits progressively, never a hard lock', () => {
  const delay = rules.account as Extract<CounterRule, { kind: 'delay' }>;
  it.each([
    { failures: 0, seconds: 0 },
    { failures: 9, seconds: 0 },
    { failures: 10, seconds: 30 },
    { failures: 11, seconds: 60 },
    { failures: 12, seconds: 120 },
    { failures: 14, seconds: 480 },
    { failures: 15, seconds: 900 },
    { failures: 500, seconds: 900 },
  ])('$failures failures → wait $seconds s', ({ failures, seconds }) => {
    expect(delayAfterFailures(failures, delay)).toBe(seconds);
  });
});

describe("counterAfterFailure and failuresLeft: each counter's budget", () => {
  const cases: { name: string; rule: CounterRule; before: FailureCounter; after: FailureCounter; left: number }[] = [
    {
      name: 'address: the first failure opens the window',
      rule: rules.address,
      before: emptyCounter,
      after: counter(1, { windowStartedAt: NOW, updatedAt: NOW }),
      left: 100,
    },
    {
      name: 'address: the 100th failure in the window holds the address to the window end',
      rule: rules.address,
      before: counter(99, { windowStartedAt: at(-600) }),
      after: counter(100, { windowStartedAt: at(-600), heldUntil: at(300), updatedAt: NOW }),
      left: 1,
    },
    {
      name: 'address: after the window the budget is whole again',
      rule: rules.address,
      before: counter(100, { windowStartedAt: at(-900), heldUntil: NOW }),
      after: counter(1, { windowStartedAt: NOW, updatedAt: NOW }),
      left: 100,
    },
    {
      name: 'address+account: the 5th failure in 15 minutes locks the pair for 15 minutes',
      rule: rules.pair,
      before: counter(4, { windowStartedAt: at(-60) }),
      after: counter(0, { heldUntil: at(900), updatedAt: NOW }),
      left: 1,
    },
    {
      name: 'address+account: failures older than the window are forgotten',
      rule: rules.pair,
      before: counter(4, { windowStartedAt: at(-901) }),
      after: counter(1, { windowStartedAt: NOW, updatedAt: NOW }),
      left: 5,
    },
    {
      name: 'account: a 10th failure makes the next try wait 30 s',
      rule: rules.account,
      before: counter(9, { updatedAt: at(-10) }),
      after: counter(10, { heldUntil: at(30), updatedAt: NOW }),
      left: 1,
    },
    {
      name: 'account: failures are forgotten after 24 quiet hours',
      rule: rules.account,
      before: counter(30, { updatedAt: at(-24 * 3600) }),
      after: counter(1, { updatedAt: NOW }),
      left: 10,
    },
    {
      name: 'account: a longer wait already running is kept (a failure from a trusted address)',
      rule: rules.account,
      before: counter(12, { updatedAt: at(-1), heldUntil: at(600) }),
      after: counter(13, { updatedAt: NOW, heldUntil: at(600) }),
      left: 0,
    },
  ];
  it.each(cases)('$name', ({ rule, before, after, left }) => {
    expect(counterAfterFailure(before, rule, NOW)).toEqual(after);
    expect(failuresLeft(before, rule, NOW)).toBe(left);
  });

  it('lets no failure through while held', () => {
    expect(failuresLeft(counter(0, { heldUntil: at(1) }), rules.pair, NOW)).toBe(0);
    expect(heldUntil(counter(0, { heldUntil: at(1) }), NOW)).toEqual(at(1));
    expect(heldUntil(counter(0, { heldUntil: NOW }), NOW)).toBeNull();
  });
});

describe('counterAfterRelease: a right password gives its reserved failure back', () => {
  const before = counter(4, { windowStartedAt: at(-60), updatedAt: at(-60) });
  const reserved = counterAfterFailure(before, rules.pair, NOW);
  it('restores the counter when nothing else counted meanwhile (also lifting the lock it set)', () => {
    expect(reserved.heldUntil).toEqual(at(900));
    expect(counterAfterRelease(reserved, before, reserved)).toEqual(before);
  });
  it('takes one failure off and keeps a hold someone else set meanwhile', () => {
    const other = counter(3, { windowStartedAt: at(-60), heldUntil: at(50), updatedAt: NOW });
    expect(counterAfterRelease(other, emptyCounter, counter(1, { windowStartedAt: NOW, updatedAt: NOW }))).toEqual({
      ...other,
      failures: 2,
    });
  });
  it('lifts only the hold this reservation set', () => {
    const current = { ...reserved, failures: 1, updatedAt: at(1) };
    expect(counterAfterRelease(current, before, reserved)).toEqual({ ...current, failures: 0, heldUntil: null });
  });
});

describe("isTrustedAddress: an address the account logged in from recently skips the account's wait", () => {
  it.each([
    { last: null, days: 30, trusted: false },
    { last: at(-29 * 86_400), days: 30, trusted: true },
    { last: at(-30 * 86_400), days: 30, trusted: false },
    { last: at(-60), days: 0, trusted: false },
  ])('last login $last, $days days → $trusted', ({ last, days, trusted }) => {
    expect(isTrustedAddress(last, days, NOW)).toBe(trusted);
  });
});

describe("addressKey: IPv4 as it is, IPv6 by its /64 (one subscriber's whole range counts as one address)", () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:85a3:1:8a2e:370:7334:1', '2001:db8:85a3:1::/64'],
    ['2001:db8:85a3:1::99', '2001:db8:85a3:1::/64'],
    ['2001:0DB8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s → %s', (ip, key) => {
    expect(addressKey(ip)).toBe(key);
  });
});

describe('canReadPlatformLoginFailures: the auditor of a top-level committee only', () => {
  it.each([
    { roles: ['auditor'] as Role[], parentId: null, allowed: true },
    { roles: ['auditor'] as Role[], parentId: 'parent', allowed: false },
    { roles: ['security_admin'] as Role[], parentId: null, allowed: false },
    { roles: ['system_admin'] as Role[], parentId: null, allowed: false },
  ])('$roles with parent $parentId → $allowed', ({ roles, parentId, allowed }) => {
    expect(canReadPlatformLoginFailures({ roles }, { parentId })).toBe(allowed);
  });
});

describe('the TOTP requirement for the three administrators', () => {
  it('is on by default: an administrator without an authenticator must enrol before anything else', () => {
    expect(defaults.requireTotpForAdministrators).toBe(true);
    for (const role of ['system_admin', 'security_admin', 'auditor'] as Role[]) {
      expect(secondFactorFor({ roles: [role], totpEnabled: false }, defaults)).toBe('enroll');
      expect(
        pendingSteps({ fullyAuthenticated: true, mustChangePassword: false, totpEnabled: false, roles: [role] }, defaults),
      ).toEqual(['totp_enrollment']);
    }
    expect(secondFactorFor({ roles: ['member'], totpEnabled: false }, defaults)).toBe('none');
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
      const security = required ? requireTotp : noTotpRequired;
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
    expect(pendingSteps(session, required ? requireTotp : noTotpRequired)).toEqual(steps);
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
