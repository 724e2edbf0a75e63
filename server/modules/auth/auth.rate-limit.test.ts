import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, FIXTURE_PASSWORD, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { headersFrom, login } from './auth.test-support.ts';

describe('auth: request rate limits (per process; the login counters are in auth.throttle.test.ts)', () => {
  let test: TestApp;
  let orgId: string;

  beforeAll(async () => {
    test = await createTestApp({ loginRateLimit: 5, rateLimitPerMinute: 10 });
    orgId = (await createOrganization(test.dependencies)).id;
  });
  afterAll(async () => test.close());

  it('limits the password step to 5 tries per user in 20 seconds, not per address: a neighbour behind the same NAT is not refused', async () => {
    const busy = await createUser(test.dependencies, { orgId, roles: ['member'] });
    const neighbour = await createUser(test.dependencies, { orgId, roles: ['member'] });
    const busyHeaders = headersFrom(await login(test.app, busy.username, FIXTURE_PASSWORD));
    const neighbourHeaders = headersFrom(await login(test.app, neighbour.username, FIXTURE_PASSWORD));
    const change = (headers: Record<string, string>) =>
      test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers,
        payload: { currentPassword: 'Wrong@2026pw', newPassword: 'Changed#2026x' },
      });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await change(busyHeaders)).statusCode, `attempt ${attempt}`).toBe(422);
    }
    const sixth = await change(busyHeaders);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['content-type']).toContain('application/problem+json');
    expect(sixth.json()).toMatchObject({ status: 429, code: 'rate_limited', title: '请求过于频繁' });
    expect(sixth.json().detail).toMatch(/请求过于频繁，请 \d+ 秒后再试/);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect((await change(neighbourHeaders)).statusCode).toBe(422);
  });

  it('limits API requests per logged-in user, not per IP', async () => {
    const busy = await createUser(test.dependencies, { orgId, roles: ['member'] });
    const calm = await createUser(test.dependencies, { orgId, roles: ['member'] });
    const busyHeaders = await signIn(test.dependencies, busy);
    const calmHeaders = await signIn(test.dependencies, calm);
    for (let request = 1; request <= 10; request += 1) {
      const response = await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: busyHeaders });
      expect(response.statusCode, `request ${request}`).toBe(200);
    }
    const over = await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: busyHeaders });
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('rate_limited');
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: calmHeaders })).statusCode).toBe(200);
  });

  it('limits other anonymous API requests per IP, and leaves the health check alone', async () => {
    const from = { remoteAddress: '198.51.100.20' };
    for (let request = 1; request <= 10; request += 1) {
      expect((await test.app.inject({ method: 'GET', url: '/api/v1/portal/organizations', ...from })).statusCode).toBe(200);
    }
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/portal/organizations', ...from })).statusCode).toBe(429);
    for (let request = 1; request <= 12; request += 1) {
      expect((await test.app.inject({ method: 'GET', url: '/api/health', ...from })).statusCode).toBe(200);
    }
  });

  it('does not count the anonymous login page (environment, who-am-I, login) per address: a plenary shares one', async () => {
    const from = { remoteAddress: '198.51.100.21' };
    for (let request = 1; request <= 30; request += 1) {
      expect((await test.app.inject({ method: 'GET', url: '/api/v1/environment', ...from })).statusCode).toBe(200);
      expect((await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', ...from })).statusCode).toBe(401);
    }
  });
});
