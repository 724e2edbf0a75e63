import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { createOrganization, createUser, FIXTURE_PASSWORD, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { users } from '../people/people.tables.ts';
import { eventsOf, headersFrom, login } from './auth.test-support.ts';

const MINUTE = 60_000;

describe('auth: sessions, timeouts, password change', () => {
  let test: TestApp;
  let orgId: string;
  const start = new Date('2026-03-02T01:00:00.000Z');

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(start);
    orgId = (await createOrganization(test.dependencies)).id;
  });
  afterAll(async () => test.close());

  const get = (url: string, headers: Record<string, string>) => test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const at = (minutes: number) => test.setNow(new Date(start.getTime() + minutes * MINUTE));
  const newMember = (input: { mustChangePassword?: boolean } = {}) =>
    createUser(test.dependencies, { orgId, roles: ['member'], ...input });

  it('lists only the user’s own open sessions, marking the current one', async () => {
    const user = await newMember();
    const other = await newMember();
    const phone = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD, { 'user-agent': 'Phone/1.0' }));
    const desk = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD, { 'user-agent': 'Desk/2.0' }));
    await signIn(test.dependencies, other);
    await test.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: await signIn(test.dependencies, user) });

    const response = await get('/auth/sessions', desk);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as {
      current: boolean;
      userAgent: string;
      ip: string;
      createdAt: string;
      lastSeenAt: string;
    }[];
    expect(items).toHaveLength(2);
    expect(items.filter((item) => item.current).map((item) => item.userAgent)).toEqual(['Desk/2.0']);
    expect(items.map((item) => item.userAgent).sort()).toEqual(['Desk/2.0', 'Phone/1.0']);
    expect(items[0]).toMatchObject({ ip: '127.0.0.1', createdAt: start.toISOString(), lastSeenAt: start.toISOString() });
    expect((await get('/auth/me', phone)).statusCode).toBe(200);
  });

  it('revokes one of the user’s own sessions; another user’s session id is a 404', async () => {
    const user = await newMember();
    const other = await newMember();
    const phone = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD, { 'user-agent': 'Phone/1.0' }));
    const desk = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD, { 'user-agent': 'Desk/2.0' }));
    const otherHeaders = headersFrom(await login(test.app, other.username, FIXTURE_PASSWORD));
    const sessionIdOf = async (headers: Record<string, string>) =>
      ((await get('/auth/sessions', headers)).json().items as { id: string; current: boolean }[]).find((item) => item.current)
        ?.id;
    const phoneId = await sessionIdOf(phone);
    const otherId = await sessionIdOf(otherHeaders);

    const foreign = await test.app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${otherId}`, headers: desk });
    expect(foreign.statusCode).toBe(404);
    expect((await get('/auth/me', otherHeaders)).statusCode).toBe(200);

    const own = await test.app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${phoneId}`, headers: desk });
    expect(own.statusCode).toBe(204);
    expect((await get('/auth/me', phone)).json().code).toBe('session_revoked');
    expect((await get('/auth/me', desk)).statusCode).toBe(200);
    const again = await test.app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${phoneId}`, headers: desk });
    expect(again.statusCode).toBe(404);
    expect((await eventsOf(test.dependencies, orgId, 'auth.session_revoked')).some((event) => event.subjectId === phoneId)).toBe(
      true,
    );
  });

  it('ends a session idle for more than 30 minutes', async () => {
    at(0);
    const user = await newMember();
    const headers = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    at(29);
    expect((await get('/auth/me', headers)).statusCode).toBe(200);
    at(29 + 31);
    const idle = await get('/auth/me', headers);
    expect(idle.statusCode).toBe(401);
    expect(idle.json()).toMatchObject({ code: 'session_idle', detail: '长时间未操作，已自动退出，请重新登录' });
    at(0);
  });

  it('uses the committee idle timeout', async () => {
    const organization = await createOrganization(test.dependencies, { settings: { security: { idleTimeoutMinutes: 10 } } });
    const user = await createUser(test.dependencies, { orgId: organization.id, roles: ['member'] });
    at(0);
    const headers = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    expect((await get('/auth/me', headers)).json().security.idleTimeoutMinutes).toBe(10);
    at(11);
    expect((await get('/auth/me', headers)).json().code).toBe('session_idle');
    at(0);
  });

  it('ends an active session 12 hours after login however busy it is', async () => {
    at(0);
    const user = await newMember();
    const headers = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      at(minutes);
      const response = await get('/auth/me', headers);
      expect(response.statusCode, `at ${minutes} minutes`).toBe(200);
    }
    at(12 * 60);
    const expired = await get('/auth/me', headers);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('session_expired');
    at(0);
  });

  it('forces a first-login password change: every other route answers 403 until it is done', async () => {
    const user = await newMember({ mustChangePassword: true });
    const response = await login(test.app, user.username, FIXTURE_PASSWORD);
    expect(response.json().mustChangePassword).toBe(true);
    const headers = headersFrom(response);
    const blocked = await get('/auth/sessions', headers);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'password_change_required', detail: '首次登录或密码已被重置，请先修改密码' });
    expect((await test.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers })).json().code).toBe(
      'password_change_required',
    );
    expect((await get('/auth/me', headers)).json().mustChangePassword).toBe(true);

    const changed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: FIXTURE_PASSWORD, newPassword: 'Changed#2026x' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().mustChangePassword).toBe(false);
    expect((await get('/auth/sessions', headers)).statusCode).toBe(200);
    expect((await test.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(204);
  });

  it('changes the password: checks the current one and the rules, signs out the other sessions', async () => {
    const user = await newMember();
    const current = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    const elsewhere = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    const change = (payload: object) =>
      test.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: current, payload });

    const wrongCurrent = await change({ currentPassword: 'Wrong@2026pw', newPassword: 'Changed#2026x' });
    expect(wrongCurrent.statusCode).toBe(422);
    expect(wrongCurrent.json().code).toBe('wrong_password');

    const weak = await change({ currentPassword: FIXTURE_PASSWORD, newPassword: 'zq9' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().code).toBe('weak_password');
    expect(weak.json().errors).toEqual([
      { field: 'newPassword', message: '密码至少 8 位' },
      { field: 'newPassword', message: '密码须包含小写字母、大写字母、数字、符号中的至少 3 类' },
    ]);
    const same = await change({ currentPassword: FIXTURE_PASSWORD, newPassword: FIXTURE_PASSWORD });
    expect(same.json().errors).toEqual([{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
    const withName = await change({ currentPassword: FIXTURE_PASSWORD, newPassword: `X1!${user.username}` });
    expect(withName.json().errors).toEqual([{ field: 'newPassword', message: '密码不能包含用户名' }]);
    expect((await get('/auth/me', elsewhere)).statusCode).toBe(200);

    const [before] = await test.dependencies.database.orm
      .select()
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.id, user.id)));
    const ok = await change({ currentPassword: FIXTURE_PASSWORD, newPassword: 'Changed#2026x' });
    expect(ok.statusCode).toBe(200);
    const [after] = await test.dependencies.database.orm
      .select()
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.id, user.id)));
    expect(await verifyPassword(after.passwordHash, 'Changed#2026x')).toBe(true);
    expect(after.version).toBe(before.version + 1);
    expect(after.passwordChangedAt).not.toBeNull();

    expect((await get('/auth/me', current)).statusCode).toBe(200);
    expect((await get('/auth/me', elsewhere)).json().code).toBe('session_revoked');
    expect((await login(test.app, user.username, FIXTURE_PASSWORD)).statusCode).toBe(401);
    expect((await login(test.app, user.username, 'Changed#2026x')).statusCode).toBe(200);
    const changedEvents = await eventsOf(test.dependencies, orgId, 'auth.password_changed');
    expect(changedEvents.some((event) => event.actorId === user.id)).toBe(true);
    expect(JSON.stringify(changedEvents)).not.toContain('Changed#2026x');
  });
});
