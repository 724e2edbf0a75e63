/**
 * New passwords: not on the common-password list (a kept list from npm, not ours), not the current one nor one of
 * the last few the user set; the same checks wherever a chosen password is set (own change, first login, an
 * account created with a chosen password).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCommonPassword } from '../../platform/auth/passwords.ts';
import { createOrganization, createUser, FIXTURE_PASSWORD, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { headersFrom, login } from './auth.test-support.ts';
import { commonPasswordMessage, reusedPasswordMessage } from './password-checks.ts';

describe('isCommonPassword: the zxcvbn-ts common-password list, ignoring case and full-width forms', () => {
  it.each([
    ['password', true],
    ['Password1', true],
    ['P@ssw0rd', true],
    ['1qaz@WSX', true],
    ['Abcd1234', true],
    ['ｐａｓｓｗｏｒｄ', true],
    ['Test@2026pw', false],
    ['Xinmima@2026', false],
    ['政协Abc123', false],
  ])('%s → %s', async (password, common) => {
    expect(await isCommonPassword(password)).toBe(common);
  });
});

describe('auth: new passwords', () => {
  let test: TestApp;
  let orgId: string;

  beforeAll(async () => {
    test = await createTestApp();
    orgId = (await createOrganization(test.dependencies)).id;
  });
  afterAll(async () => test.close());

  /** Changes the password of the session's user. */
  const change = (headers: Record<string, string>, currentPassword: string, newPassword: string) =>
    test.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword, newPassword } });

  it('refuses a common password on change and at the first login, saying why in Chinese', async () => {
    const user = await createUser(test.dependencies, { orgId, roles: ['member'], mustChangePassword: true });
    const headers = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    const common = await change(headers, FIXTURE_PASSWORD, 'P@ssw0rd');
    expect(common.statusCode).toBe(422);
    expect(common.json()).toMatchObject({
      code: 'weak_password',
      errors: [{ field: 'newPassword', message: commonPasswordMessage }],
    });
    expect(common.json().detail).toContain('密码过于常见');
    expect((await change(headers, FIXTURE_PASSWORD, 'Qiye#Lanhai2026')).statusCode).toBe(200);
  });

  it('refuses the last 5 passwords the user set, and takes the 6th back', async () => {
    const user = await createUser(test.dependencies, { orgId, roles: ['member'] });
    const headers = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    const passwords = ['Chuntian#2026a', 'Xiatian#2026b', 'Qiutian#2026c', 'Dongtian#2026d', 'Zaochen#2026e', 'Wanshang#2026f'];
    let current = FIXTURE_PASSWORD;
    for (const next of passwords) {
      expect((await change(headers, current, next)).statusCode, next).toBe(200);
      current = next;
    }
    for (const earlier of passwords.slice(1, 5)) {
      const again = await change(headers, current, earlier);
      expect(again.statusCode, earlier).toBe(422);
      expect(again.json().errors).toEqual([{ field: 'newPassword', message: reusedPasswordMessage(5) }]);
    }
    expect((await change(headers, current, passwords[0])).statusCode).toBe(200);
  });

  it("uses the committee's history length", async () => {
    const strict = await createOrganization(test.dependencies, { settings: { security: { passwordHistoryCount: 0 } } });
    const user = await createUser(test.dependencies, { orgId: strict.id, roles: ['member'] });
    const headers = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    expect((await change(headers, FIXTURE_PASSWORD, 'Chuntian#2026a')).statusCode).toBe(200);
    expect((await change(headers, 'Chuntian#2026a', 'Xiatian#2026b')).statusCode).toBe(200);
    expect((await change(headers, 'Xiatian#2026b', 'Chuntian#2026a')).statusCode).toBe(200);
  });

  it('refuses a common password when an administrator creates an account with a chosen password', async () => {
    const admin = await createUser(test.dependencies, { orgId, roles: ['system_admin'] });
    const headers = await signIn(test.dependencies, admin);
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: { username: `chosen-${Date.now()}`, displayName: '新账户', roles: ['leader'], password: 'Qwerty123' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'weak_password',
      errors: [{ field: 'password', message: commonPasswordMessage }],
    });
  });
});
