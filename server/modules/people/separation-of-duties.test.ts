/**
 * 三员分立 through the API: one active account per member, administrators without business roles, and password
 * resets that never put an administrator's password in one person's hands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { createTenantWithUsers, FIXTURE_PASSWORD, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe('separation of the three administrators (三员分立)', () => {
  let test: TestApp;
  let tenant: Awaited<ReturnType<typeof createTenantWithUsers>>;
  const as = (role: string) => tenant.people[role].headers;
  const pool = () => test.dependencies.database.pool;

  beforeAll(async () => {
    test = await createTestApp();
    tenant = await createTenantWithUsers(test.dependencies, ['system_admin', 'security_admin', 'auditor', 'proposal_office']);
  });
  afterAll(async () => test.close());

  const post = (url: string, headers: Record<string, string>, payload?: Record<string, unknown>) =>
    test.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
  const get = (url: string, headers: Record<string, string>) => test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const patchUser = (id: string, version: number, payload: Record<string, unknown>, headers: Record<string, string>) =>
    test.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: { ...headers, 'if-match': `"${version}"` },
      payload,
    });
  const newMember = async (name: string) => (await post('/members', as('proposal_office'), { name })).json().id as string;
  const passwordHash = async (id: string) =>
    (await pool().query('select password_hash from users where id = $1', [id])).rows[0].password_hash as string;

  describe('a member links to at most one active account', () => {
    it('refuses a second account for a member, on creation and by relinking another account', async () => {
      const memberId = await newMember('钱八');
      const first = await post('/users', as('system_admin'), {
        username: 'qian8',
        displayName: '钱八',
        roles: ['member'],
        memberId,
      });
      expect(first.statusCode).toBe(201);
      const second = await post('/users', as('system_admin'), {
        username: 'qian8-shadow',
        displayName: '钱八',
        roles: ['member'],
        memberId,
      });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ code: 'member_has_account' });
      expect(second.json().detail).toContain('qian8');
      const created = await post('/users', as('system_admin'), { username: 'helper1', displayName: '助手' });
      const relinked = await patchUser(created.json().user.id, 1, { roles: ['member'], memberId }, as('system_admin'));
      expect(relinked.statusCode).toBe(409);
      expect(relinked.json().code).toBe('member_has_account');
      const accounts = await pool().query('select username from users where member_id = $1', [memberId]);
      expect(accounts.rows.map((row) => row.username)).toEqual(['qian8']);
    });

    it('lets a replacement account in once the old one is disabled, but then refuses to enable the old one', async () => {
      const memberId = await newMember('孙九');
      const old = (
        await post('/users', as('system_admin'), { username: 'sun9', displayName: '孙九', roles: ['member'], memberId })
      ).json().user;
      expect((await post(`/users/${old.id}/actions/disable`, as('system_admin'), { reason: '换号' })).statusCode).toBe(200);
      const replacement = await post('/users', as('system_admin'), {
        username: 'sun9-new',
        displayName: '孙九',
        roles: ['member'],
        memberId,
      });
      expect(replacement.statusCode).toBe(201);
      const enabled = await post(`/users/${old.id}/actions/enable`, as('system_admin'));
      expect(enabled.statusCode).toBe(409);
      expect(enabled.json().code).toBe('member_has_account');
    });

    it('is also a unique index in the database', async () => {
      const memberId = await newMember('周十');
      await post('/users', as('system_admin'), { username: 'zhou10', displayName: '周十', roles: ['member'], memberId });
      await expect(
        pool().query(
          `insert into users (org_id, id, username, display_name, password_hash, member_id)
           values ($1, gen_random_uuid(), 'zhou10-direct', '周十', 'x', $2)`,
          [tenant.organization.id, memberId],
        ),
      ).rejects.toMatchObject({ code: '23505', constraint: 'users_member_active_unique' });
    });
  });

  describe('the three administrator roles hold no business roles', () => {
    it('refuses an administrator with a business role on creation', async () => {
      const response = await post('/users', as('system_admin'), {
        username: 'sys-office',
        displayName: 'x',
        roles: ['security_admin', 'proposal_office'],
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().detail).toContain('三员分立');
    });

    it('refuses the system administrator giving the auditor or the security administrator a business role', async () => {
      for (const role of ['auditor', 'security_admin'] as const) {
        const target = tenant.people[role];
        const response = await patchUser(target.id, 1, { roles: [role, 'proposal_office'] }, as('system_admin'));
        expect(response.statusCode, role).toBe(403);
        expect(response.json().detail).toContain('不能兼任业务角色');
        const held = await pool().query('select role from user_roles where user_id = $1', [target.id]);
        expect(held.rows.map((row) => row.role)).toEqual([role]);
      }
    });

    it('refuses the security administrator making a business account an administrator', async () => {
      const office = tenant.people.proposal_office;
      const response = await patchUser(office.id, 1, { roles: ['proposal_office', 'auditor'] }, as('security_admin'));
      expect(response.statusCode).toBe(403);
      expect(response.json().detail).toContain('不能兼任业务角色');
    });
  });

  describe('password resets', () => {
    it('resets a business account: the password is shown once, recorded, must be changed; the owner is told', async () => {
      const office = tenant.people.proposal_office;
      const response = await post(`/users/${office.id}/actions/reset_password`, as('security_admin'));
      expect(response.statusCode).toBe(200);
      const { user, oneTimePassword } = response.json();
      expect(user.mustChangePassword).toBe(true);
      expect(await verifyPassword(await passwordHash(office.id), oneTimePassword)).toBe(true);
      const event = await pool().query(
        "select after::text as after from events where type = 'user.password_reset' and subject_id = $1",
        [office.id],
      );
      expect(JSON.parse(event.rows[0].after)).toMatchObject({ delivery: 'shown_once', mustChangePassword: true });
      expect(event.rows[0].after).not.toContain(oneTimePassword);
      const notice = await pool().query('select title, body from notifications where user_id = $1', [office.id]);
      expect(notice.rows[0].title).toContain('密码已被重置');
      expect(JSON.stringify(notice.rows)).not.toContain(oneTimePassword);
      await pool().query('update users set must_change_password = false where id = $1', [office.id]);
      tenant.people.proposal_office.headers = await signIn(test.dependencies, office);
    });

    it('never hands the security administrator an administrator’s new password directly', async () => {
      const auditor = tenant.people.auditor;
      const before = await passwordHash(auditor.id);
      const direct = await post(`/users/${auditor.id}/actions/reset_password`, as('security_admin'));
      expect(direct.statusCode).toBe(403);
      expect(direct.json()).toMatchObject({ code: 'approval_required' });
      expect(direct.json().oneTimePassword).toBeUndefined();
      expect(await passwordHash(auditor.id)).toBe(before);
      const offered = (await get(`/users/${auditor.id}`, as('security_admin'))).json().actions;
      expect(offered.map((entry: { action: string }) => entry.action)).not.toContain('reset_password');
      expect(offered.map((entry: { action: string }) => entry.action)).toContain('request_password_reset');
    });

    it('resets an administrator’s password only when a second administrator approves the request', async () => {
      const auditor = tenant.people.auditor;
      const before = await passwordHash(auditor.id);
      const auditorSession = await signIn(test.dependencies, auditor);
      expect((await post(`/users/${auditor.id}/actions/request_password_reset`, as('security_admin'))).statusCode).toBe(400);
      const requested = await post(`/users/${auditor.id}/actions/request_password_reset`, as('security_admin'), {
        reason: '审计员忘记密码',
      });
      expect(requested.statusCode).toBe(200);
      expect(requested.json().oneTimePassword).toBeNull();
      expect(await passwordHash(auditor.id)).toBe(before);
      const again = await post(`/users/${auditor.id}/actions/request_password_reset`, as('security_admin'), { reason: '再次' });
      expect(again.statusCode).toBe(409);

      const listed = await get('/password-reset-requests', as('system_admin'));
      expect(listed.statusCode).toBe(200);
      const [request] = listed.json().items;
      expect(request).toMatchObject({
        user: { id: auditor.id },
        requestedBy: { id: tenant.people.security_admin.id },
        reason: '审计员忘记密码',
        state: 'pending',
      });
      expect(request.actions.map((entry: { action: string }) => entry.action)).toEqual(['approve', 'reject']);
      const byRequester = (await get('/password-reset-requests', as('security_admin'))).json().items[0];
      expect(byRequester.actions.map((entry: { action: string }) => entry.action)).toEqual(['cancel']);
      expect((await get('/password-reset-requests', as('proposal_office'))).statusCode).toBe(403);
      const approverNotice = await pool().query('select user_id from notifications where subject_id = $1', [request.id]);
      expect(approverNotice.rows.map((row) => row.user_id)).toEqual([tenant.people.system_admin.id]);

      const selfApproved = await post(`/password-reset-requests/${request.id}/actions/approve`, as('security_admin'));
      expect(selfApproved.statusCode).toBe(403);
      const byOwner = await post(`/password-reset-requests/${request.id}/actions/approve`, auditorSession);
      expect(byOwner.statusCode).toBe(403);
      const byOffice = await post(`/password-reset-requests/${request.id}/actions/approve`, as('proposal_office'));
      expect(byOffice.statusCode).toBe(403);
      expect(await passwordHash(auditor.id)).toBe(before);

      const approved = await post(`/password-reset-requests/${request.id}/actions/approve`, as('system_admin'));
      expect(approved.statusCode).toBe(200);
      expect(approved.headers['cache-control']).toBe('no-store');
      const { oneTimePassword } = approved.json();
      expect(approved.json().request).toMatchObject({ state: 'approved', decidedBy: { id: tenant.people.system_admin.id } });
      expect(await verifyPassword(await passwordHash(auditor.id), oneTimePassword)).toBe(true);
      expect(await verifyPassword(await passwordHash(auditor.id), FIXTURE_PASSWORD)).toBe(false);
      expect((await get('/audit/events', auditorSession)).statusCode).toBe(401);
      const flags = await pool().query('select must_change_password from users where id = $1', [auditor.id]);
      expect(flags.rows[0].must_change_password).toBe(true);
      const event = await pool().query(
        "select actor_id, after::text as after from events where type = 'user.password_reset' and subject_id = $1",
        [auditor.id],
      );
      expect(event.rows[0].actor_id).toBe(tenant.people.system_admin.id);
      expect(JSON.parse(event.rows[0].after)).toMatchObject({
        requestId: request.id,
        requestedBy: tenant.people.security_admin.id,
        decidedBy: tenant.people.system_admin.id,
        delivery: 'shown_once',
      });
      expect(event.rows[0].after).not.toContain(oneTimePassword);
      expect((await post(`/password-reset-requests/${request.id}/actions/approve`, as('system_admin'))).statusCode).toBe(409);
      // The auditor has changed the password meanwhile and signs in again, for the next test.
      await pool().query('update users set must_change_password = false where id = $1', [auditor.id]);
      tenant.people.auditor.headers = await signIn(test.dependencies, auditor);
    });

    it('lets another administrator reject, the requester cancel, and refuses an expired request', async () => {
      const system = tenant.people.system_admin;
      const before = await passwordHash(system.id);
      const file = async (reason: string) => {
        const response = await post(`/users/${system.id}/actions/request_password_reset`, as('security_admin'), { reason });
        expect(response.statusCode).toBe(200);
        return (await get('/password-reset-requests', as('auditor'))).json().items[0].id as string;
      };
      const rejectedId = await file('系统管理员忘记密码');
      expect((await post(`/password-reset-requests/${rejectedId}/actions/reject`, as('auditor'))).statusCode).toBe(400);
      const rejected = await post(`/password-reset-requests/${rejectedId}/actions/reject`, as('auditor'), {
        reason: '未核实身份',
      });
      expect(rejected.statusCode).toBe(200);
      expect(rejected.json()).toMatchObject({
        request: { state: 'rejected', decisionReason: '未核实身份' },
        oneTimePassword: null,
      });

      const cancelledId = await file('再次申请');
      expect((await post(`/password-reset-requests/${cancelledId}/actions/cancel`, as('auditor'))).statusCode).toBe(403);
      const cancelled = await post(`/password-reset-requests/${cancelledId}/actions/cancel`, as('security_admin'));
      expect(cancelled.json().request.state).toBe('cancelled');

      const expiredId = await file('第三次');
      test.setNow(new Date(Date.now() + 25 * 3_600_000));
      try {
        const headers = await signIn(test.dependencies, tenant.people.auditor);
        const late = await post(`/password-reset-requests/${expiredId}/actions/approve`, headers);
        expect(late.statusCode).toBe(409);
        expect(late.json().code).toBe('request_expired');
      } finally {
        test.setNow(new Date());
      }
      expect(await passwordHash(system.id)).toBe(before);
      const types = await pool().query('select type from events where subject_id = $1 order by sequence', [system.id]);
      expect(types.rows.map((row) => row.type)).toEqual([
        'user.password_reset_requested',
        'user.password_reset_rejected',
        'user.password_reset_requested',
        'user.password_reset_cancelled',
        'user.password_reset_requested',
      ]);
    });
  });
});
