/**
 * The client's address, which the login counters and the audit log rely on: X-Forwarded-For counts only when the
 * peer is one of the proxies in TRUST_PROXY; anyone else's header is ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createOrganization, createUser, FIXTURE_PASSWORD } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { eventsOf } from './auth.test-support.ts';

/** A login from a peer address, with whatever headers the client sends. */
function loginFrom(test: TestApp, peer: string, username: string, password: string, headers: Record<string, string> = {}) {
  return test.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: peer,
    payload: { username, password },
    headers,
  });
}

describe('TRUST_PROXY: the configuration', () => {
  it('trusts no proxy by default, and reads a list of addresses and CIDRs', () => {
    const base = { SESSION_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/cppcc-test-data' };
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,loopback' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      'loopback',
    ]);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });
});

describe('a client cannot choose its address with X-Forwarded-For (no proxy trusted, the default)', () => {
  let test: TestApp;
  let orgId: string;

  beforeAll(async () => {
    test = await createTestApp({ trustProxy: false });
    orgId = (await createOrganization(test.dependencies)).id;
  });
  afterAll(async () => test.close());

  it('counts seven failures with seven forged addresses as one address: 429 after five, the real address in the log', async () => {
    const user = await createUser(test.dependencies, { orgId, roles: ['member'] });
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 7; attempt += 1) {
      const forged = { 'x-forwarded-for': `198.51.100.${attempt}` };
      statuses.push((await loginFrom(test, '203.0.113.50', user.username, 'Wrong@2026pw', forged)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const failures = await eventsOf(test.dependencies, orgId, 'auth.login_failed');
    const ips = failures.filter((event) => event.subjectId === user.id).map((event) => event.ip);
    expect(ips).toHaveLength(5);
    expect(new Set(ips)).toEqual(new Set(['203.0.113.50']));
  });

  it('does not take https from a forged X-Forwarded-Proto either', async () => {
    const user = await createUser(test.dependencies, { orgId, roles: ['member'] });
    const response = await loginFrom(test, '203.0.113.51', user.username, FIXTURE_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(response.statusCode).toBe(200);
    for (const cookie of response.cookies) expect(cookie.secure).toBeFalsy();
  });
});

describe('behind a configured proxy', () => {
  let test: TestApp;
  let orgId: string;

  beforeAll(async () => {
    test = await createTestApp({ trustProxy: ['10.0.0.1'] });
    orgId = (await createOrganization(test.dependencies)).id;
  });
  afterAll(async () => test.close());

  it('takes the client address and https from the proxy, and ignores the same headers from anyone else', async () => {
    const user = await createUser(test.dependencies, { orgId, roles: ['member'] });
    const viaProxy = await loginFrom(test, '10.0.0.1', user.username, 'Wrong@2026pw', { 'x-forwarded-for': '198.51.100.77' });
    expect(viaProxy.statusCode).toBe(401);
    const direct = await loginFrom(test, '203.0.113.60', user.username, 'Wrong@2026pw', { 'x-forwarded-for': '198.51.100.78' });
    expect(direct.statusCode).toBe(401);
    const ips = (await eventsOf(test.dependencies, orgId, 'auth.login_failed')).map((event) => event.ip);
    expect(ips).toEqual(['198.51.100.77', '203.0.113.60']);

    const secure = await loginFrom(test, '10.0.0.1', user.username, FIXTURE_PASSWORD, {
      'x-forwarded-for': '198.51.100.77',
      'x-forwarded-proto': 'https',
    });
    expect(secure.statusCode).toBe(200);
    for (const cookie of secure.cookies) expect(cookie.secure).toBe(true);
  });
});
