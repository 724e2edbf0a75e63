import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blindIndex } from '../../platform/crypto/hashing.ts';
import { PLATFORM_ORG_ID } from '../../platform/events/record-event.ts';
import { createOrganization, createUser, FIXTURE_PASSWORD, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { users } from '../people/people.tables.ts';
import { chainText, eventsOf, headersFrom, login } from './auth.test-support.ts';
import { loginSessions } from './login-sessions.tables.ts';

describe('auth: login, logout, me, CSRF', () => {
  let test: TestApp;
  let orgId: string;
  let orgName: string;
  const start = new Date('2026-03-02T01:00:00.000Z');

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(start);
    const organization = await createOrganization(test.dependencies, { name: '测试市政协' });
    orgId = organization.id;
    orgName = organization.name;
  });
  afterAll(async () => test.close());

  /** A fresh member account in the committee. */
  async function newUser(input: { mustChangePassword?: boolean } = {}) {
    return createUser(test.dependencies, { orgId, roles: ['member'], displayName: '张委员', ...input });
  }

  /** Sets an attribute of a user row directly. */
  async function setUser(userId: string, values: Partial<typeof users.$inferInsert>) {
    await test.dependencies.database.orm
      .update(users)
      .set(values)
      .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  }

  it('logs in by username: me in the body, HttpOnly sid and readable csrf cookies', async () => {
    const user = await newUser();
    const response = await login(test.app, user.username, FIXTURE_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      mustChangePassword: false,
      secondFactor: 'none',
      user: {
        id: user.id,
        username: user.username,
        displayName: '张委员',
        roles: ['member'],
        organization: { id: orgId, name: orgName },
        totpEnabled: false,
        totpEnrollmentRequired: false,
        security: { idleTimeoutMinutes: 30, passwordMinLength: 8, passwordMinClasses: 3 },
      },
    });
    const sid = response.cookies.find((cookie) => cookie.name === 'sid');
    const csrf = response.cookies.find((cookie) => cookie.name === 'csrf');
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(sid?.secure).toBeFalsy();
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf?.path).toBe('/');

    const me = await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: headersFrom(response) });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(user.id);
  });

  it('logs in by mobile number, and never writes the number to the log', async () => {
    const user = await newUser();
    const mobile = '13912345678';
    await setUser(user.id, { mobileHash: blindIndex(test.dependencies.config.sessionSecret, mobile) });
    const response = await login(test.app, mobile, FIXTURE_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().user.id).toBe(user.id);

    const unknownMobile = '13800001111';
    const failed = await login(test.app, unknownMobile, FIXTURE_PASSWORD);
    expect(failed.statusCode).toBe(401);
    const log = (await chainText(test.dependencies, orgId)) + (await chainText(test.dependencies, PLATFORM_ORG_ID));
    expect(log).not.toContain(mobile);
    expect(log).not.toContain(unknownMobile);
    expect(log).toContain('138****1111');
  });

  it('issues a new session at every login and revokes the one the browser had', async () => {
    const user = await newUser();
    const first = await login(test.app, user.username, FIXTURE_PASSWORD);
    const firstHeaders = headersFrom(first);
    const second = await login(test.app, user.username, FIXTURE_PASSWORD, { cookie: firstHeaders.cookie });
    const secondHeaders = headersFrom(second);
    expect(secondHeaders.cookie).not.toBe(firstHeaders.cookie);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: firstHeaders })).json().code).toBe(
      'session_revoked',
    );
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: secondHeaders })).statusCode).toBe(200);
  });

  it('answers an unknown user and a wrong password with the same 401, and records both', async () => {
    const user = await newUser();
    const unknown = await login(test.app, 'nobody-here', 'Whatever@2026');
    const wrong = await login(test.app, user.username, 'Wrong@2026pw');
    for (const response of [unknown, wrong]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'invalid_credentials', detail: '用户名或密码错误' });
      expect(response.cookies).toEqual([]);
    }
    const platformFailures = await eventsOf(test.dependencies, PLATFORM_ORG_ID, 'auth.login_failed');
    expect(platformFailures.some((event) => event.summary.includes('nobody-here'))).toBe(true);
    const orgFailures = await eventsOf(test.dependencies, orgId, 'auth.login_failed');
    expect(orgFailures.some((event) => event.subjectId === user.id && event.result === 'failure')).toBe(true);
    const log = (await chainText(test.dependencies, orgId)) + (await chainText(test.dependencies, PLATFORM_ORG_ID));
    expect(log).not.toContain('Wrong@2026pw');
    expect(log).not.toContain('Whatever@2026');
    expect(log).not.toContain(FIXTURE_PASSWORD);
  });

  it('records a successful login in the committee chain', async () => {
    const user = await newUser();
    await login(test.app, user.username, FIXTURE_PASSWORD);
    const succeeded = await eventsOf(test.dependencies, orgId, 'auth.login_succeeded');
    expect(succeeded.some((event) => event.actorId === user.id && event.result === 'success')).toBe(true);
  });

  it('refuses a disabled account after the right password, and gives nothing away to a wrong one', async () => {
    const user = await newUser();
    await setUser(user.id, { state: 'disabled' });
    const right = await login(test.app, user.username, FIXTURE_PASSWORD);
    expect(right.statusCode).toBe(403);
    expect(right.json().code).toBe('account_disabled');
    expect(right.cookies).toEqual([]);
    expect((await login(test.app, user.username, 'Wrong@2026pw')).json().code).toBe('invalid_credentials');
  });

  it('logs out: the session is revoked and the cookies cleared', async () => {
    const user = await newUser();
    const headers = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    const response = await test.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.filter((cookie) => cookie.name === 'sid' || cookie.name === 'csrf');
    expect(cleared).toHaveLength(2);
    for (const cookie of cleared) expect(cookie.value).toBe('');
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('session_revoked');
    expect((await eventsOf(test.dependencies, orgId, 'auth.logged_out')).some((event) => event.actorId === user.id)).toBe(true);
  });

  it('answers logout without a session with 204 too', async () => {
    expect((await test.app.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
  });

  it('requires a login for /auth/me', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthorized');
  });

  it('refuses a cookie-authenticated write without the right X-CSRF-Token', async () => {
    const user = await newUser();
    const headers = await signIn(test.dependencies, user);
    const { 'x-csrf-token': _token, ...withoutHeader } = headers;
    const missing = await test.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: withoutHeader });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('csrf_failed');
    const wrong = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...withoutHeader, 'x-csrf-token': 'not-the-token' },
    });
    expect(wrong.json().code).toBe('csrf_failed');
    // the session survived both attempts; a GET needs no token
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: withoutHeader })).statusCode).toBe(200);
    expect((await test.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(204);
  });

  it('exempts login from the CSRF check even when the browser still has a session cookie', async () => {
    const user = await newUser();
    const headers = await signIn(test.dependencies, user);
    const response = await login(test.app, user.username, FIXTURE_PASSWORD, { cookie: headers.cookie });
    expect(response.statusCode).toBe(200);
  });

  it('keeps only the token hash in the database', async () => {
    const user = await newUser();
    const response = await login(test.app, user.username, FIXTURE_PASSWORD);
    const token = response.cookies.find((cookie) => cookie.name === 'sid')?.value ?? '';
    const rows = await test.dependencies.database.orm.select().from(loginSessions).where(eq(loginSessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('answers a bad login body with a Chinese 400', async () => {
    const response = await test.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/[\u4e00-\u9fff]/);
  });
});
