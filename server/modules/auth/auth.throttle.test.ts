/**
 * The login counters through the API: failures are limited per address, per address on one name and per name,
 * successes are not counted, unknown names behave exactly like accounts, and failed logins with unknown names are
 * recorded where an auditor can read them.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_ORG_ID } from '../../platform/events/record-event.ts';
import { createOrganization, createUser, FIXTURE_PASSWORD, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { users } from '../people/people.tables.ts';
import { chainText, eventsOf } from './auth.test-support.ts';
import { loginCounters } from './login-security.tables.ts';
import { purgeLoginCounters } from './login-throttle.ts';

const WRONG = 'Wrong@2026pw';

describe('auth: login counters', () => {
  let test: TestApp;
  let orgId: string;
  let orgCode: string;
  let patientOrgId: string;
  const start = new Date('2026-03-02T01:00:00.000Z');
  let address = 0;
  /** A fresh client address for each scenario, so their counters stay apart. */
  const nextAddress = () => `203.0.113.${++address}`;

  beforeAll(async () => {
    test = await createTestApp({ loginAddressFailureBudget: 8, loginAddressWindowMinutes: 15, rateLimitPerMinute: 10 });
    test.setNow(start);
    const organization = await createOrganization(test.dependencies);
    orgId = organization.id;
    orgCode = organization.code;
    patientOrgId = (
      await createOrganization(test.dependencies, {
        settings: { security: { accountDelayAfterFailures: 3, accountDelaySeconds: 30, accountMaxDelaySeconds: 600 } },
      })
    ).id;
  });
  afterAll(async () => test.close());

  /** A login attempt from an address. */
  function loginFrom(ip: string, username: string, password: string, org?: string) {
    return test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      payload: { username, password, ...(org ? { org } : {}) },
    });
  }

  const member = (inOrg = orgId) => createUser(test.dependencies, { orgId: inOrg, roles: ['member'] });

  it('locks only the guessing address out of the account after 5 failures; the real user elsewhere logs in', async () => {
    const user = await member();
    const guesser = nextAddress();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await loginFrom(guesser, user.username, WRONG)).statusCode, `attempt ${attempt}`).toBe(401);
    }
    const held = await loginFrom(guesser, user.username, FIXTURE_PASSWORD);
    expect(held.statusCode).toBe(429);
    expect(held.json()).toMatchObject({ code: 'login_delayed', retryAfterSeconds: 900 });
    expect(held.json().detail).toBe('登录失败次数过多，请 15 分钟后再试');
    expect(held.headers['retry-after']).toBe('900');
    expect((await loginFrom(nextAddress(), user.username, FIXTURE_PASSWORD)).statusCode).toBe(200);
    const holds = await eventsOf(test.dependencies, orgId, 'auth.login_held');
    expect(
      holds.some((event) => event.subjectId === user.id && (event.after as { scope: string }).scope === 'address_on_account'),
    ).toBe(true);
  });

  it('makes the account wait progressively when guesses come from many addresses, never locking it for good', async () => {
    const user = await member(patientOrgId);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect((await loginFrom(nextAddress(), user.username, WRONG)).statusCode).toBe(401);
    }
    const waiting = await loginFrom(nextAddress(), user.username, FIXTURE_PASSWORD);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json()).toMatchObject({ code: 'login_delayed', retryAfterSeconds: 30 });
    const [row] = await test.dependencies.database.orm.select().from(users).where(eq(users.id, user.id));
    expect(row.lockedUntil).not.toBeNull(); // the security administrator sees the wait on the account

    test.setNow(new Date(start.getTime() + 31_000));
    try {
      expect((await loginFrom(nextAddress(), user.username, WRONG)).statusCode).toBe(401);
      expect((await loginFrom(nextAddress(), user.username, FIXTURE_PASSWORD)).json()).toMatchObject({ retryAfterSeconds: 60 });
      test.setNow(new Date(start.getTime() + 92_000));
      expect((await loginFrom(nextAddress(), user.username, FIXTURE_PASSWORD)).statusCode).toBe(200);
      expect((await loginFrom(nextAddress(), user.username, WRONG)).statusCode).toBe(401); // counting starts afresh
    } finally {
      test.setNow(start);
    }
  });

  it('lets the real user in from an address they logged in from before, while guessers elsewhere must wait', async () => {
    const user = await member(patientOrgId);
    const home = nextAddress();
    expect((await loginFrom(home, user.username, FIXTURE_PASSWORD)).statusCode).toBe(200);
    for (let attempt = 1; attempt <= 3; attempt += 1) await loginFrom(nextAddress(), user.username, WRONG);
    expect((await loginFrom(nextAddress(), user.username, FIXTURE_PASSWORD)).statusCode).toBe(429);
    expect((await loginFrom(home, user.username, FIXTURE_PASSWORD)).statusCode).toBe(200);
  });

  it('starts the account afresh when an administrator clears it (unlock or password reset zero the user row)', async () => {
    const user = await member(patientOrgId);
    for (let attempt = 1; attempt <= 3; attempt += 1) await loginFrom(nextAddress(), user.username, WRONG);
    expect((await loginFrom(nextAddress(), user.username, FIXTURE_PASSWORD)).statusCode).toBe(429);
    await test.dependencies.database.orm
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null })
      .where(and(eq(users.orgId, patientOrgId), eq(users.id, user.id)));
    expect((await loginFrom(nextAddress(), user.username, FIXTURE_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown name exactly as an account: the same statuses, bodies and waits', async () => {
    const user = await member();
    const answers = async (username: string) => {
      const ip = nextAddress();
      const result: unknown[] = [];
      for (let attempt = 1; attempt <= 7; attempt += 1) {
        const response = await loginFrom(ip, username, WRONG);
        const { requestId: _requestId, ...body } = response.json();
        result.push({ status: response.statusCode, body, retryAfter: response.headers['retry-after'] ?? null });
      }
      return result;
    };
    const known = await answers(user.username);
    const unknown = await answers('nobody-at-all');
    expect(unknown).toEqual(known);
    expect(known.map((answer) => (answer as { status: number }).status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it('does not count successful logins: a plenary behind one address loads the login page and logs in', async () => {
    // The address may fail 8 times and anonymous requests are limited to 10 a minute per address in this app:
    // 30 members (3 of them mistyping once) make 120 login-page requests and 33 logins from one address.
    const hall = nextAddress();
    const members = await Promise.all(Array.from({ length: 30 }, () => member()));
    const statuses: number[] = [];
    for (const [index, person] of members.entries()) {
      for (const url of ['/api/v1/environment', '/api/v1/auth/me']) {
        statuses.push((await test.app.inject({ method: 'GET', url, remoteAddress: hall })).statusCode);
      }
      if (index % 10 === 0) statuses.push((await loginFrom(hall, person.username, WRONG)).statusCode);
      const response = await loginFrom(hall, person.username, FIXTURE_PASSWORD);
      statuses.push(response.statusCode);
      const cookie = response.cookies.map((item) => `${item.name}=${item.value}`).join('; ');
      statuses.push(
        (await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', remoteAddress: hall, headers: { cookie } })).statusCode,
      );
    }
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(30 * 3);
  });

  it('stops a password spray from one address at its failure budget, whichever names it tries', async () => {
    const sprayer = nextAddress();
    const targets = await Promise.all(Array.from({ length: 12 }, () => member()));
    const names = [...targets.map((target) => target.username), 'ghost-1', 'ghost-2', 'ghost-3'];
    const statuses: number[] = [];
    for (const name of names) statuses.push((await loginFrom(sprayer, name, 'Password1!')).statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(8);
    expect(statuses.slice(8).every((status) => status === 429)).toBe(true);
    const blocked = await loginFrom(sprayer, targets[0].username, FIXTURE_PASSWORD);
    expect(blocked.json()).toMatchObject({ status: 429, code: 'login_address_blocked' });
    expect((await loginFrom(nextAddress(), targets[0].username, FIXTURE_PASSWORD)).statusCode).toBe(200);
    const platform = await eventsOf(test.dependencies, PLATFORM_ORG_ID, 'auth.address_blocked');
    expect(platform.some((event) => event.ip === sprayer)).toBe(true);
  });

  it('records a failed login with an unknown name against the committee the login named, else in the platform chain', async () => {
    const named = await loginFrom(nextAddress(), 'ghost-of-committee', 'Secret#Tried1', orgCode);
    expect(named.statusCode).toBe(401);
    const inCommittee = await eventsOf(test.dependencies, orgId, 'auth.login_failed');
    expect(inCommittee.some((event) => event.summary.includes('ghost-of-committee'))).toBe(true);

    const unnamed = await loginFrom(nextAddress(), 'ghost-of-nowhere', 'Secret#Tried2', 'no-such-committee');
    expect(unnamed.statusCode).toBe(401);
    const inPlatform = await eventsOf(test.dependencies, PLATFORM_ORG_ID, 'auth.login_failed');
    expect(inPlatform.some((event) => event.summary.includes('ghost-of-nowhere'))).toBe(true);
    const everything = (await chainText(test.dependencies, orgId)) + (await chainText(test.dependencies, PLATFORM_ORG_ID));
    expect(everything).not.toContain('Secret#Tried');
  });

  it("shows the platform chain's failed logins to the auditor of a top-level committee only", async () => {
    await loginFrom(nextAddress(), 'ghost-for-auditor', 'Secret#Tried3');
    const auditor = await signIn(test.dependencies, await createUser(test.dependencies, { orgId, roles: ['auditor'] }));
    const page = await test.app.inject({
      method: 'GET',
      url: '/api/v1/auth/platform-login-failures?limit=200',
      headers: auditor,
    });
    expect(page.statusCode).toBe(200);
    const found = page.json().items.find((item: { loginName: string | null }) => item.loginName === 'ghost-for-auditor');
    expect(found).toMatchObject({ summary: expect.stringContaining('账户不存在'), ip: expect.any(String) });
    expect(JSON.stringify(page.json())).not.toContain('Secret#Tried');

    const child = await createOrganization(test.dependencies, { parentId: orgId, level: 'county' });
    const childAuditor = await signIn(
      test.dependencies,
      await createUser(test.dependencies, { orgId: child.id, roles: ['auditor'] }),
    );
    const systemAdmin = await signIn(test.dependencies, await createUser(test.dependencies, { orgId, roles: ['system_admin'] }));
    for (const headers of [childAuditor, systemAdmin]) {
      const refused = await test.app.inject({ method: 'GET', url: '/api/v1/auth/platform-login-failures', headers });
      expect(refused.statusCode).toBe(403);
    }
  });

  it('purges counters that hold nothing any more, and login addresses older than a year', async () => {
    const day = 24 * 60 * 60_000;
    const old = new Date(start.getTime() - 9 * day).toISOString();
    await test.dependencies.database.orm.insert(loginCounters).values([
      { key: 'address:192.0.2.1', failures: 3, updatedAt: old },
      { key: 'address:192.0.2.2', failures: 3, updatedAt: old, heldUntil: new Date(start.getTime() + day).toISOString() },
      { key: 'address:192.0.2.3', failures: 3, updatedAt: start.toISOString() },
      { key: 'known:someone|192.0.2.4', updatedAt: old },
      { key: 'known:someone|192.0.2.5', updatedAt: new Date(start.getTime() - 400 * day).toISOString() },
    ]);
    await purgeLoginCounters(test.dependencies.database.orm, start);
    const left = await test.dependencies.database.orm
      .select({ key: loginCounters.key })
      .from(loginCounters)
      .where(like(loginCounters.key, '%192.0.2.%'));
    expect(left.map((row) => row.key).sort()).toEqual(['address:192.0.2.2', 'address:192.0.2.3', 'known:someone|192.0.2.4']);
  });
});
