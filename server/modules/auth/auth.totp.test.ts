import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import { totpCodeAt } from '../../platform/auth/totp.ts';
import { createOrganization, createUser, FIXTURE_PASSWORD } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { organizations } from '../orgs/orgs.tables.ts';
import { users } from '../people/people.tables.ts';
import { chainText, eventsOf, headersFrom, login } from './auth.test-support.ts';

describe('auth: TOTP second factor', () => {
  let test: TestApp;
  let orgId: string;
  let strictOrgId: string;
  const now = new Date('2026-03-02T01:00:00.000Z');

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(now);
    orgId = (await createOrganization(test.dependencies)).id;
    strictOrgId = (
      await createOrganization(test.dependencies, { settings: { security: { requireTotpForAdministrators: true } } })
    ).id;
  });
  afterAll(async () => test.close());

  const post = (url: string, headers: Record<string, string>, payload?: object) =>
    test.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
  const get = (url: string, headers: Record<string, string>) => test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

  /** A logged-in user who has set up and enabled TOTP; returns the secret and fresh session headers. */
  async function userWithTotp(roles: Role[] = ['member'], inOrg = orgId) {
    const user = await createUser(test.dependencies, { orgId: inOrg, roles });
    const headers = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    const setup = await post('/auth/totp/setup', headers);
    const { secret } = setup.json();
    // Enabled five minutes earlier, so the codes around `now` have not been used yet (each code works once).
    const earlier = new Date(now.getTime() - 5 * 60_000);
    test.setNow(earlier);
    const enabled = await post('/auth/totp/enable', headers, { code: await totpCodeAt(secret, earlier) });
    test.setNow(now);
    expect(enabled.statusCode).toBe(200);
    return { user, secret: secret as string, headers };
  }

  it('sets up a secret (stored encrypted, not yet active) and enables it with a right code only', async () => {
    const user = await createUser(test.dependencies, { orgId, roles: ['member'] });
    const headers = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    const setup = await post('/auth/totp/setup', headers);
    expect(setup.statusCode).toBe(200);
    const { secret, uri } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);

    const [row] = await test.dependencies.database.orm
      .select()
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.id, user.id)));
    expect(row.totpEnabled).toBe(false);
    expect(row.totpSecretEncrypted).not.toContain(secret);
    expect(test.dependencies.cipher.decrypt(row.totpSecretEncrypted ?? '')).toBe(secret);
    expect((await get('/auth/me', headers)).json().totpEnabled).toBe(false);

    const wrongCode = (await totpCodeAt(secret, new Date(now.getTime() + 10 * 60_000))) as string;
    const wrong = await post('/auth/totp/enable', headers, { code: wrongCode });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('invalid_totp_code');

    const right = await post('/auth/totp/enable', headers, { code: await totpCodeAt(secret, now) });
    expect(right.statusCode).toBe(200);
    expect(right.json().totpEnabled).toBe(true);
    expect((await post('/auth/totp/setup', headers)).json().code).toBe('totp_already_enabled');
    expect(await chainText(test.dependencies, orgId)).not.toContain(secret);
    expect((await eventsOf(test.dependencies, orgId, 'auth.totp_enabled')).some((event) => event.actorId === user.id)).toBe(true);
  });

  it('refuses to enable before setup', async () => {
    const user = await createUser(test.dependencies, { orgId, roles: ['member'] });
    const headers = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    const response = await post('/auth/totp/enable', headers, { code: '123456' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('totp_not_set_up');
  });

  it('asks for the code after the password; the waiting session reaches nothing else until the code completes it', async () => {
    const { user, secret } = await userWithTotp();
    const first = await login(test.app, user.username, FIXTURE_PASSWORD);
    expect(first.statusCode).toBe(200);
    expect(first.json().secondFactor).toBe('required');
    const pending = headersFrom(first);

    for (const url of ['/auth/me', '/auth/sessions']) {
      const response = await get(url, pending);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('session_second_factor_pending');
    }
    expect((await post('/auth/totp/disable', pending, { password: FIXTURE_PASSWORD })).json().code).toBe(
      'session_second_factor_pending',
    );

    const wrong = await post('/auth/login/second-factor', pending, {
      code: await totpCodeAt(secret, new Date(now.getTime() + 3600_000)),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_totp_code');

    const done = await post('/auth/login/second-factor', pending, { code: await totpCodeAt(secret, now) });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ secondFactor: 'none', user: { id: user.id, totpEnabled: true } });
    const full = headersFrom(done);
    expect(full.cookie).not.toBe(pending.cookie);
    expect((await get('/auth/me', full)).statusCode).toBe(200);
    expect((await get('/auth/me', pending)).json().code).toBe('session_revoked');
    expect((await post('/auth/login/second-factor', full, { code: '123456' })).json().code).toBe('second_factor_not_pending');
    const succeeded = await eventsOf(test.dependencies, orgId, 'auth.login_succeeded');
    expect(succeeded.some((event) => event.actorId === user.id && (event.after as { totp?: boolean })?.totp === true)).toBe(true);
  });

  it('accepts each code once: a replayed code is refused, the next one works', async () => {
    const { user, secret } = await userWithTotp();
    const code = await totpCodeAt(secret, now);
    const first = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    expect((await post('/auth/login/second-factor', first, { code })).statusCode).toBe(200);
    const replay = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    const replayed = await post('/auth/login/second-factor', replay, { code });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().code).toBe('invalid_totp_code');
    const next = await post('/auth/login/second-factor', replay, {
      code: await totpCodeAt(secret, new Date(now.getTime() + 30_000)),
    });
    expect(next.statusCode).toBe(200);
  });

  it('accepts a code one step late (clock drift) but not two minutes late', async () => {
    const { user, secret } = await userWithTotp();
    const late = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    expect(
      (await post('/auth/login/second-factor', late, { code: await totpCodeAt(secret, new Date(now.getTime() - 30_000)) }))
        .statusCode,
    ).toBe(200);
    const stale = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    expect(
      (await post('/auth/login/second-factor', stale, { code: await totpCodeAt(secret, new Date(now.getTime() - 120_000)) }))
        .statusCode,
    ).toBe(401);
  });

  it('counts wrong codes like wrong passwords: after 5 from one address even the right code waits', async () => {
    const { user, secret } = await userWithTotp();
    const pending = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    const wrongCode = await totpCodeAt(secret, new Date(now.getTime() + 3600_000));
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await post('/auth/login/second-factor', pending, { code: wrongCode })).statusCode).toBe(401);
    }
    const held = await post('/auth/login/second-factor', pending, { code: await totpCodeAt(secret, now) });
    expect(held.statusCode).toBe(429);
    expect(held.json().code).toBe('login_delayed');
    // The right password does not wipe the count of wrong codes (else a thief of the password could guess codes forever).
    expect((await login(test.app, user.username, FIXTURE_PASSWORD)).statusCode).toBe(429);
  });

  it('a waiting session expires after 10 minutes', async () => {
    const { user, secret } = await userWithTotp();
    const pending = headersFrom(await login(test.app, user.username, FIXTURE_PASSWORD));
    const later = new Date(now.getTime() + 11 * 60_000);
    test.setNow(later);
    try {
      const response = await post('/auth/login/second-factor', pending, { code: await totpCodeAt(secret, later) });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('session_expired');
    } finally {
      test.setNow(now);
    }
  });

  it('disables TOTP only with the right password', async () => {
    const { user, headers } = await userWithTotp();
    const wrong = await post('/auth/totp/disable', headers, { password: 'Wrong@2026pw' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('wrong_password');
    const right = await post('/auth/totp/disable', headers, { password: FIXTURE_PASSWORD });
    expect(right.statusCode).toBe(200);
    expect(right.json().totpEnabled).toBe(false);
    expect((await login(test.app, user.username, FIXTURE_PASSWORD)).json().secondFactor).toBe('none');
    expect((await post('/auth/totp/disable', headers, { password: FIXTURE_PASSWORD })).json().code).toBe('totp_not_enabled');
  });

  it('makes an administrator enrol when the committee requires it: only setup, enable, me, password and logout until then', async () => {
    const admin = await createUser(test.dependencies, { orgId: strictOrgId, roles: ['system_admin'] });
    const response = await login(test.app, admin.username, FIXTURE_PASSWORD);
    expect(response.json().secondFactor).toBe('enroll');
    const headers = headersFrom(response);
    const blocked = await get('/auth/sessions', headers);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('totp_enrollment_required');
    expect((await get('/auth/me', headers)).json()).toMatchObject({ totpEnrollmentRequired: true, totpEnabled: false });

    const { secret } = (await post('/auth/totp/setup', headers)).json();
    expect((await post('/auth/totp/enable', headers, { code: await totpCodeAt(secret, now) })).statusCode).toBe(200);
    expect((await get('/auth/sessions', headers)).statusCode).toBe(200);
    expect((await get('/auth/me', headers)).json().totpEnrollmentRequired).toBe(false);

    const refused = await post('/auth/totp/disable', headers, { password: FIXTURE_PASSWORD });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('totp_required');
    expect((await login(test.app, admin.username, FIXTURE_PASSWORD)).json().secondFactor).toBe('required');
  });

  it('requires an authenticator of each of the three administrators by default (a committee with no settings)', async () => {
    const plain = await createOrganization(test.dependencies);
    await test.dependencies.database.orm.update(organizations).set({ settings: {} }).where(eq(organizations.id, plain.id));
    for (const role of ['system_admin', 'security_admin', 'auditor'] as Role[]) {
      const admin = await createUser(test.dependencies, { orgId: plain.id, roles: [role] });
      const response = await login(test.app, admin.username, FIXTURE_PASSWORD);
      expect(response.json().secondFactor, role).toBe('enroll');
      const blocked = await get('/auth/sessions', headersFrom(response));
      expect(blocked.json().code, role).toBe('totp_enrollment_required');
    }
    const member = await createUser(test.dependencies, { orgId: plain.id, roles: ['member'] });
    expect((await login(test.app, member.username, FIXTURE_PASSWORD)).json().secondFactor).toBe('none');
  });

  it('does not ask members to enrol, nor administrators of committees that do not require it', async () => {
    const member = await createUser(test.dependencies, { orgId: strictOrgId, roles: ['member'] });
    expect((await login(test.app, member.username, FIXTURE_PASSWORD)).json().secondFactor).toBe('none');
    const admin = await createUser(test.dependencies, { orgId, roles: ['security_admin'] });
    expect((await login(test.app, admin.username, FIXTURE_PASSWORD)).json().secondFactor).toBe('none');
  });

  it('has an administrator who must also change the password do that first, then enrol', async () => {
    const admin = await createUser(test.dependencies, { orgId: strictOrgId, roles: ['auditor'], mustChangePassword: true });
    const headers = headersFrom(await login(test.app, admin.username, FIXTURE_PASSWORD));
    expect((await post('/auth/totp/setup', headers)).json().code).toBe('password_change_required');
    const changed = await post('/auth/password', headers, { currentPassword: FIXTURE_PASSWORD, newPassword: 'Fresh#2026pass' });
    expect(changed.statusCode).toBe(200);
    expect((await get('/auth/sessions', headers)).json().code).toBe('totp_enrollment_required');
    expect((await post('/auth/totp/setup', headers)).statusCode).toBe(200);
  });
});
