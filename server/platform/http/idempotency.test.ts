import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTenantWithUsers } from '../../test/fixtures.ts';
import { openTestDatabase, testConfig } from '../../test/test-app.ts';
import type { Database } from '../db/database.ts';
import { createDependencies } from '../dependencies.ts';
import type { AppDependencies } from '../module.ts';
import { idempotencyKeys } from './idempotency.tables.ts';
import { purgeIdempotencyKeys, requestFingerprint } from './idempotency.ts';
import { unprocessable } from './problem.ts';

describe('Idempotency-Key', () => {
  let database: Database;
  let dependencies: AppDependencies;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let otherHeaders: Record<string, string>;
  let orgId: string;
  let userId: string;
  const calls: Record<string, number> = { create: 0, refuse: 0, crash: 0, slow: 0, plain: 0 };
  let releaseSlow: () => void = () => {};
  let slowStarted: () => void = () => {};

  beforeAll(async () => {
    database = await openTestDatabase();
    dependencies = createDependencies(testConfig(), database);
    app = await buildApp(dependencies, { serveWeb: false });
    // Test-only routes, registered on the real app before it is ready.
    await app.register(
      async (api) => {
        api.post('/test/create', { config: { idempotent: true } }, async (request, reply) => {
          calls.create += 1;
          return reply.code(201).send({ call: calls.create, echo: request.body });
        });
        api.post('/test/refuse', { config: { idempotent: true } }, async () => {
          calls.refuse += 1;
          throw unprocessable(`第 ${calls.refuse} 次被拒绝`);
        });
        api.post('/test/crash', { config: { idempotent: true } }, async (_request, reply) => {
          calls.crash += 1;
          if (calls.crash === 1) throw new Error('boom');
          return reply.code(201).send({ call: calls.crash });
        });
        api.post('/test/slow', { config: { idempotent: true } }, async () => {
          calls.slow += 1;
          slowStarted();
          await new Promise<void>((resolve) => {
            releaseSlow = resolve;
          });
          return { call: calls.slow };
        });
        api.post('/test/plain', async () => {
          calls.plain += 1;
          return { call: calls.plain };
        });
      },
      { prefix: '/api/v1' },
    );
    await app.ready();
    const tenant = await createTenantWithUsers(dependencies, ['member', 'proposal_office']);
    headers = tenant.people.member.headers;
    otherHeaders = tenant.people.proposal_office.headers;
    orgId = tenant.organization.id;
    userId = tenant.people.member.id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const post = (url: string, key: string | undefined, payload: unknown, as = headers) =>
    app.inject({
      method: 'POST',
      url,
      headers: { ...as, ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload: payload as Record<string, unknown>,
    });

  it('replays the first response to a retry, without running the handler again', async () => {
    const first = await post('/api/v1/test/create', 'key-create-1', { title: '提案', n: 1 });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ call: 1, echo: { title: '提案', n: 1 } });
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // Same content with keys in another order is the same request.
    const retry = await post('/api/v1/test/create', 'key-create-1', { n: 1, title: '提案' });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toContain('application/json');
    expect(retry.body).toBe(first.body);
    expect(calls.create).toBe(1);
  });

  it('refuses the same key with a different request: 422 idempotency_key_reused', async () => {
    await post('/api/v1/test/create', 'key-create-2', { n: 2 });
    const reused = await post('/api/v1/test/create', 'key-create-2', { n: 3 });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect(reused.headers['content-type']).toContain('application/problem+json');
    const otherPath = await post('/api/v1/test/refuse', 'key-create-2', { n: 2 });
    expect(otherPath.json().code).toBe('idempotency_key_reused');
  });

  it('keeps keys apart per user', async () => {
    const before = calls.create;
    const mine = await post('/api/v1/test/create', 'shared-key', { n: 1 });
    const theirs = await post('/api/v1/test/create', 'shared-key', { n: 1 }, otherHeaders);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().call).toBe(mine.json().call + 1);
    expect(calls.create).toBe(before + 2);
  });

  it('answers 409 request_in_progress while the first request still runs', async () => {
    const started = new Promise<void>((resolve) => {
      slowStarted = resolve;
    });
    const first = post('/api/v1/test/slow', 'key-slow', { n: 1 });
    await started;
    const retry = await post('/api/v1/test/slow', 'key-slow', { n: 1 });
    expect(retry.statusCode).toBe(409);
    expect(retry.json().code).toBe('request_in_progress');
    releaseSlow();
    expect((await first).statusCode).toBe(200);
    const later = await post('/api/v1/test/slow', 'key-slow', { n: 1 });
    expect(later.statusCode).toBe(200);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(calls.slow).toBe(1);
  });

  it('stores and replays a 4xx answer', async () => {
    const first = await post('/api/v1/test/refuse', 'key-refuse', { n: 1 });
    expect(first.statusCode).toBe(422);
    const retry = await post('/api/v1/test/refuse', 'key-refuse', { n: 1 });
    expect(retry.statusCode).toBe(422);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toContain('application/problem+json');
    expect(retry.json().detail).toBe('第 1 次被拒绝');
    expect(calls.refuse).toBe(1);
  });

  it('forgets a 5xx answer, so the retry runs again', async () => {
    const first = await post('/api/v1/test/crash', 'key-crash', { n: 1 });
    expect(first.statusCode).toBe(500);
    const rows = await database.orm
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, 'key-crash')));
    expect(rows).toHaveLength(0);
    const retry = await post('/api/v1/test/crash', 'key-crash', { n: 1 });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(calls.crash).toBe(2);
  });

  it('checks the key: 1 to 200 characters', async () => {
    const long = await post('/api/v1/test/create', 'k'.repeat(201), { n: 1 });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('idempotency_key_invalid');
    const empty = await post('/api/v1/test/create', '', { n: 1 });
    expect(empty.statusCode).toBe(400);
    const longest = await post('/api/v1/test/create', 'k'.repeat(200), { n: 1 });
    expect(longest.statusCode).toBe(201);
  });

  it('runs every request without a key, and ignores the key on routes that are not idempotent', async () => {
    const before = calls.create;
    await post('/api/v1/test/create', undefined, { n: 1 });
    await post('/api/v1/test/create', undefined, { n: 1 });
    expect(calls.create).toBe(before + 2);
    const one = await post('/api/v1/test/plain', 'key-plain', { n: 1 });
    const two = await post('/api/v1/test/plain', 'key-plain', { n: 1 });
    expect([one.json().call, two.json().call]).toEqual([1, 2]);
    expect(two.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses an unauthenticated request before looking at the key', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/test/create',
      headers: { 'idempotency-key': 'anonymous' },
      payload: { n: 1 },
    });
    expect(response.statusCode).toBe(401);
  });

  it('takes over a key whose first request was abandoned (its node died)', async () => {
    const url = '/api/v1/test/create';
    await database.orm.insert(idempotencyKeys).values({
      orgId,
      userId,
      key: 'key-abandoned',
      requestHash: requestFingerprint('POST', url, { n: 9 }),
      method: 'POST',
      path: url,
      createdAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    });
    const response = await post(url, 'key-abandoned', { n: 9 });
    expect(response.statusCode).toBe(201);
    expect(response.headers['idempotent-replayed']).toBeUndefined();
  });

  it('purges keys older than 24 hours', async () => {
    await database.orm.insert(idempotencyKeys).values({
      orgId,
      userId,
      key: 'key-old',
      requestHash: 'x',
      method: 'POST',
      path: '/x',
      statusCode: 201,
      createdAt: new Date(Date.now() - 25 * 3600_000).toISOString(),
    });
    const purged = await purgeIdempotencyKeys(database.orm, new Date());
    expect(purged).toBe(1);
    const left = await database.orm.select().from(idempotencyKeys).where(eq(idempotencyKeys.orgId, orgId));
    expect(left.length).toBeGreaterThan(0);
    expect(left.some((row) => row.key === 'key-old')).toBe(false);
  });
});
