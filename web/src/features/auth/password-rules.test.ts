import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from '../../../../contracts/auth.ts';
import { passwordRuleChecks } from './password-rules.ts';

const rules = { passwordMinLength: 8, passwordMinClasses: 3 };

describe('passwordRuleChecks', () => {
  it('marks nothing while the password is empty', () => {
    expect(passwordRuleChecks('', rules).map((check) => check.met)).toEqual([null, null, null, null]);
  });

  it.each([
    ['short', 'Ab1!', [false, true, true, null]],
    ['two classes', 'abcdefgh1', [true, false, true, null]],
    ['good', 'Zhengxie@2026', [true, true, true, null]],
  ])('%s: %s', (_case, password, expected) => {
    expect(passwordRuleChecks(password, rules).map((check) => check.met)).toEqual(expected);
  });

  it('flags the username and the current password', () => {
    const checks = passwordRuleChecks('Wangjg@2026', rules, { username: 'wangjg', currentPassword: 'Wangjg@2026' });
    expect(checks.map((check) => check.met)).toEqual([true, true, false, false]);
  });

  it('names the committee’s own numbers', () => {
    const labels = passwordRuleChecks('x', { passwordMinLength: 12, passwordMinClasses: 4 }).map((check) => check.label);
    expect(labels[0]).toBe('至少 12 位');
    expect(labels[1]).toContain('至少 4 类');
  });

  it('agrees with the shared policy the server uses', () => {
    for (const password of ['Ab1!', 'abcdefgh1', 'Zhengxie@2026', 'ABCDEFGH12', 'abc DEF 123']) {
      const allMet = passwordRuleChecks(password, rules).every((check) => check.met !== false);
      expect(allMet).toBe(checkPasswordPolicy(password, rules).length === 0);
    }
  });
});
