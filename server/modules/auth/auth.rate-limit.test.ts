import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, FIXTURE_PASSWORD, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { login } from './auth.test-support.ts';

describe('auth: rate limits', () => {
  let test: TestApp;
  let orgId: string;

  beforeAll(async () => {
    test = await createTestApp({ loginRateLimit: 5, rateLimitPerMinute: 10 });
    orgId = (await createOrganization(test.dependencies)).id;
  });
  afterAll(async () => test.close());

  it('allows 5 login attempts per IP in 20 seconds; the 6th is a Chinese problem+json 429', async () => {
    const user = await createUser(test.dependencies, { orgId, roles: ['member'] });
    const ip = { 'x-forwarded-for': '203.0.113.7' };
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await login(test.app, user.username, attempt === 5 ? FIXTURE_PASSWORD : 'Wrong@2026pw', ip);
      expect(response.statusCode, `attempt ${attempt}`).not.toBe(429);
    }
    const sixth = await login(test.app, user.username, FIXTURE_PASSWORD, ip);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['content-type']).toContain('application/problem+json');
    expect(sixth.json()).toMatchObject({ status: 429, code: 'rate_limited', title: '请求过于频繁' });
    expect(sixth.json().detail).toMatch(/请求过于频繁，请 \d+ 秒后再试/);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);

    const otherIp = await login(test.app, user.username, FIXTURE_PASSWORD, { 'x-forwarded-for': '203.0.113.8' });
    expect(otherIp.statusCode).toBe(200);
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

  it('limits anonymous API requests per IP, and leaves the health check alone', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.20' };
    for (let request = 1; request <= 10; request += 1) {
      expect((await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: ip })).statusCode).toBe(401);
    }
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: ip })).statusCode).toBe(429);
    for (let request = 1; request <= 12; request += 1) {
      expect((await test.app.inject({ method: 'GET', url: '/api/health', headers: ip })).statusCode).toBe(200);
    }
  });
});
