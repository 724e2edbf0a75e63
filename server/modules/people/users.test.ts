import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { createTenantWithUsers, createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe('user accounts API and the account workflow', () => {
  let test: TestApp;
  let tenant: Awaited<ReturnType<typeof createTenantWithUsers>>;
  let other: Awaited<ReturnType<typeof createTenantWithUsers>>;
  let memberId: string;
  const as = (role: string, tenantOf = tenant) => tenantOf.people[role].headers;
  const pool = () => test.dependencies.database.pool;

  beforeAll(async () => {
    test = await createTestApp();
    tenant = await createTenantWithUsers(test.dependencies, [
      'system_admin',
      'security_admin',
      'auditor',
      'proposal_office',
      'member',
    ]);
    other = await createTenantWithUsers(test.dependencies, ['system_admin', 'security_admin']);
    const member = await test.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: as('proposal_office'),
      payload: { name: '郑七' },
    });
    memberId = member.json().id;
  });
  afterAll(async () => test.close());

  const createAccount = (payload: Record<string, unknown>, headers = as('system_admin')) =>
    test.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload });
  const act = (id: string, action: string, headers: Record<string, string>, payload?: Record<string, unknown>) =>
    test.app.inject({ method: 'POST', url: `/api/v1/users/${id}/actions/${action}`, headers, payload });
  const read = (id: string, headers: Record<string, string>) =>
    test.app.inject({ method: 'GET', url: `/api/v1/users/${id}`, headers });

  it('creates an account with a generated one-time password that must be changed', async () => {
    const response = await createAccount({
      username: 'zheng7',
      displayName: '郑七',
      roles: ['member'],
      memberId,
      mobile: '13511112222',
    });
    expect(response.statusCode).toBe(201);
    const { user, oneTimePassword } = response.json();
    expect(user).toMatchObject({
      username: 'zheng7',
      roles: ['member'],
      state: 'active',
      member: { id: memberId, name: '郑七' },
      mobileMasked: '135****2222',
      mustChangePassword: true,
      locked: false,
      version: 1,
    });
    expect(oneTimePassword).toMatch(/^.{12,}$/);
    const stored = await pool().query('select password_hash from users where id = $1', [user.id]);
    expect(await verifyPassword(stored.rows[0].password_hash, oneTimePassword)).toBe(true);
    const events = await pool().query("select after::text as after from events where type = 'user.created' and subject_id = $1", [
      user.id,
    ]);
    expect(events.rows[0].after).not.toContain(oneTimePassword);
    expect(events.rows[0].after).not.toContain('13511112222');
  });

  it('checks the given password, the username and the links', async () => {
    const weak = await createAccount({ username: 'weakling', displayName: '弱', password: 'abc' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('password');
    const given = await createAccount({ username: 'strong1', displayName: '强', password: 'Zx9#kLm2pQ' });
    expect(given.statusCode).toBe(201);
    expect(given.json().oneTimePassword).toBeNull();
    expect((await createAccount({ username: 'zheng7', displayName: '重名' })).statusCode).toBe(409);
    const noMember = await createAccount({ username: 'nomember', displayName: '无委员', roles: ['member'] });
    expect(noMember.statusCode).toBe(400);
    expect(noMember.json().errors).toEqual([{ field: 'memberId', message: '委员角色须关联一名委员' }]);
    const badName = await createAccount({ username: '中文名', displayName: 'x' });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().errors[0].field).toBe('username');
  });

  it('enforces 三员分立 on creation and role changes', async () => {
    const auditor = await createAccount({ username: 'audit2', displayName: '审计二', roles: ['auditor'] });
    expect(auditor.statusCode).toBe(403);
    expect(auditor.json().detail).toContain('安全管理员');
    expect((await createAccount({ username: 'xyz1', displayName: 'x' }, as('security_admin'))).statusCode).toBe(403);

    const plain = (await createAccount({ username: 'plain1', displayName: '普通' })).json().user;
    const patch = (version: number, payload: Record<string, unknown>, headers: Record<string, string>) =>
      test.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${plain.id}`,
        headers: { ...headers, 'if-match': `"${version}"` },
        payload,
      });
    const office = await patch(1, { roles: ['proposal_office'] }, as('system_admin'));
    expect(office.statusCode).toBe(200);
    expect(office.json()).toMatchObject({ roles: ['proposal_office'], version: 2 });
    expect((await patch(2, { roles: ['proposal_office', 'auditor'] }, as('system_admin'))).statusCode).toBe(403);
    // An administrator holds no business role, whoever grants it.
    const mixed = await patch(2, { roles: ['proposal_office', 'auditor'] }, as('security_admin'));
    expect(mixed.statusCode).toBe(403);
    expect(mixed.json().detail).toContain('不能兼任业务角色');
    const both = await patch(2, { roles: ['auditor', 'system_admin'] }, as('security_admin'));
    expect(both.statusCode).toBe(403);
    expect(both.json().detail).toContain('三员分立');
    expect((await patch(2, { displayName: '改名' }, as('security_admin'))).statusCode).toBe(403);
    expect((await patch(1, { displayName: '改名' }, as('system_admin'))).statusCode).toBe(409);
    const own = await test.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${tenant.people.system_admin.id}`,
      headers: { ...as('system_admin'), 'if-match': '"1"' },
      payload: { roles: ['system_admin', 'leader'] },
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toContain('自己');
  });

  it('renames an older account whose links predate the rules, but checks links once roles change', async () => {
    const legacy = await createUser(test.dependencies, { orgId: tenant.organization.id, roles: ['member'] });
    const url = `/api/v1/users/${legacy.id}`;
    const renamed = await test.app.inject({
      method: 'PATCH',
      url,
      headers: { ...as('system_admin'), 'if-match': '"1"' },
      payload: { displayName: '老账户' },
    });
    expect(renamed.statusCode).toBe(200);
    const roles = await test.app.inject({
      method: 'PATCH',
      url,
      headers: { ...as('system_admin'), 'if-match': '"2"' },
      payload: { roles: ['member', 'leader'] },
    });
    expect(roles.statusCode).toBe(400);
    expect(roles.json().errors[0].field).toBe('memberId');
    // 郑七 has an active account already (a member links to one); another member record is free.
    const taken = await test.app.inject({
      method: 'PATCH',
      url,
      headers: { ...as('system_admin'), 'if-match': '"2"' },
      payload: { roles: ['member', 'leader'], memberId },
    });
    expect(taken.statusCode).toBe(409);
    const free = await test.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: as('proposal_office'),
      payload: { name: '王八' },
    });
    const linked = await test.app.inject({
      method: 'PATCH',
      url,
      headers: { ...as('system_admin'), 'if-match': '"2"' },
      payload: { roles: ['member', 'leader'], memberId: free.json().id },
    });
    expect(linked.json()).toMatchObject({ roles: ['leader', 'member'], member: { id: free.json().id }, version: 3 });
  });

  it('offers each viewer only the actions they may take', async () => {
    const target = await createUser(test.dependencies, { orgId: tenant.organization.id, roles: ['leader'] });
    const bySystem = await read(target.id, as('system_admin'));
    expect(bySystem.json().actions.map((entry: { action: string }) => entry.action)).toEqual(['disable']);
    expect(bySystem.headers.etag).toBe('"1"');
    const bySecurity = await read(target.id, as('security_admin'));
    expect(bySecurity.json().actions.map((entry: { action: string }) => entry.action)).toEqual(['reset_password']);
    const self = await read(tenant.people.system_admin.id, as('system_admin'));
    expect(self.json().actions).toEqual([]);
    expect((await read(target.id, as('proposal_office'))).statusCode).toBe(403);
    expect((await read(tenant.people.member.id, as('member'))).statusCode).toBe(200);
  });

  it('disables (signing out) and enables; refuses illegal moves with 409 and others with 403', async () => {
    const target = await createUser(test.dependencies, { orgId: tenant.organization.id, roles: ['supervisor'] });
    const targetHeaders = await signIn(test.dependencies, target);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/members', headers: targetHeaders })).statusCode).toBe(200);
    expect((await act(target.id, 'disable', as('security_admin'))).statusCode).toBe(403);
    const disabled = await act(target.id, 'disable', as('system_admin'), { reason: '离任' });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().user).toMatchObject({ state: 'disabled', version: 2 });
    expect(disabled.json().user.actions.map((entry: { action: string }) => entry.action)).toEqual(['enable']);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/members', headers: targetHeaders })).statusCode).toBe(401);
    const again = await act(target.id, 'disable', as('system_admin'));
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('已停用');
    expect((await act(target.id, 'reset_password', as('security_admin'))).statusCode).toBe(409);
    expect((await act(target.id, 'explode', as('system_admin'))).statusCode).toBe(409);
    const enabled = await act(target.id, 'enable', as('system_admin'));
    expect(enabled.json().user.state).toBe('active');
    const events = await pool().query('select type, after::text as after from events where subject_id = $1 order by sequence', [
      target.id,
    ]);
    expect(events.rows.map((row) => row.type)).toEqual(['user.disabled', 'user.enabled']);
    expect(events.rows[0].after).toContain('离任');
    expect((await act(tenant.people.system_admin.id, 'disable', as('system_admin'))).statusCode).toBe(403);
    expect((await act(tenant.people.security_admin.id, 'disable', as('system_admin'))).statusCode).toBe(403);
    expect((await act(tenant.people.auditor.id, 'disable', as('auditor'))).statusCode).toBe(403);
  });

  it('unlocks a locked account and resets a password with a one-time password', async () => {
    const target = await createUser(test.dependencies, { orgId: tenant.organization.id, roles: ['leader'] });
    const targetHeaders = await signIn(test.dependencies, target);
    expect((await act(target.id, 'unlock', as('security_admin'))).statusCode).toBe(409);
    const lockedUntil = new Date(Date.now() + 10 * 60_000).toISOString();
    await pool().query('update users set failed_login_count = 5, locked_until = $2 where id = $1', [target.id, lockedUntil]);
    const locked = await read(target.id, as('security_admin'));
    expect(locked.json()).toMatchObject({ locked: true, lockedUntil: expect.any(String) });
    expect(locked.json().actions.map((entry: { action: string }) => entry.action)).toEqual(['unlock', 'reset_password']);
    expect((await act(target.id, 'unlock', as('system_admin'))).statusCode).toBe(403);
    const unlocked = await act(target.id, 'unlock', as('security_admin'));
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().user.locked).toBe(false);
    const counts = await pool().query('select failed_login_count, locked_until from users where id = $1', [target.id]);
    expect(counts.rows[0]).toEqual({ failed_login_count: 0, locked_until: null });

    const reset = await act(target.id, 'reset_password', as('security_admin'));
    expect(reset.statusCode).toBe(200);
    const { user, oneTimePassword } = reset.json();
    expect(user.mustChangePassword).toBe(true);
    const stored = await pool().query('select password_hash from users where id = $1', [target.id]);
    expect(await verifyPassword(stored.rows[0].password_hash, oneTimePassword)).toBe(true);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/members', headers: targetHeaders })).statusCode).toBe(401);
    const event = await pool().query(
      "select after::text as after from events where type = 'user.password_reset' and subject_id = $1",
      [target.id],
    );
    expect(event.rows[0].after).not.toContain(oneTimePassword);
  });

  it('lists accounts with search, role and state filters and paging', async () => {
    const byRole = await test.app.inject({
      method: 'GET',
      url: '/api/v1/users?role=security_admin',
      headers: as('security_admin'),
    });
    expect(byRole.statusCode).toBe(200);
    expect(byRole.json().items.map((item: { id: string }) => item.id)).toEqual([tenant.people.security_admin.id]);
    const search = await test.app.inject({ method: 'GET', url: '/api/v1/users?q=zheng', headers: as('system_admin') });
    expect(search.json().items.map((item: { username: string }) => item.username)).toEqual(['zheng7']);
    const first = await test.app.inject({ method: 'GET', url: '/api/v1/users?limit=3', headers: as('system_admin') });
    const total = first.json().total;
    const seen = first.json().items.map((item: { id: string }) => item.id);
    let cursor = first.json().nextCursor;
    while (cursor) {
      const page = await test.app.inject({
        method: 'GET',
        url: `/api/v1/users?limit=3&cursor=${cursor}`,
        headers: as('system_admin'),
      });
      seen.push(...page.json().items.map((item: { id: string }) => item.id));
      cursor = page.json().nextCursor;
    }
    expect(new Set(seen).size).toBe(total);
    expect(seen).not.toContain(other.people.system_admin.id);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/users', headers: as('auditor') })).statusCode).toBe(403);
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/v1/users?role=king', headers: as('system_admin') })).statusCode,
    ).toBe(400);
  });

  it('keeps committees apart: 404 on every account route', async () => {
    const target = tenant.people.member;
    for (const [role, route] of [
      ['system_admin', { method: 'GET', url: `/api/v1/users/${target.id}` }],
      ['system_admin', { method: 'PATCH', url: `/api/v1/users/${target.id}`, payload: { displayName: '偷改' } }],
      ['system_admin', { method: 'POST', url: `/api/v1/users/${target.id}/actions/disable` }],
      ['security_admin', { method: 'POST', url: `/api/v1/users/${target.id}/actions/reset_password` }],
    ] as const) {
      const response = await test.app.inject({ ...route, headers: { ...as(role, other), 'if-match': '"1"' } });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(404);
    }
    const linked = await createAccount(
      { username: 'crosslink', displayName: 'x', roles: ['member'], memberId },
      as('system_admin', other),
    );
    expect(linked.statusCode).toBe(400);
    expect(linked.json().errors[0]).toEqual({ field: 'memberId', message: '找不到该委员' });
  });
});
