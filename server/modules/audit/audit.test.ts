import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventDetail, AuditEventPage, ChainVerification } from '../../../contracts/audit.ts';
import { newId } from '../../platform/db/columns.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { createTenantWithUsers } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type Tenant = Awaited<ReturnType<typeof createTenantWithUsers>>;

/** Records events for a committee the way actions do, one transaction each. */
async function record(
  dependencies: AppDependencies,
  orgId: string,
  items: { type: string; summary: string; actorId?: string; subjectId?: string; result?: 'success' | 'failure' }[],
) {
  for (const item of items) {
    await dependencies.database.orm.transaction((transaction) =>
      recordEvent(transaction, dependencies.config.auditHash, {
        orgId,
        type: item.type,
        summary: item.summary,
        actor: item.actorId ? { userId: item.actorId, displayName: '操作人' } : null,
        subjectType: item.type.split('.')[0],
        subjectId: item.subjectId ?? newId(),
        result: item.result,
        before: { state: 'draft' },
        after: { state: 'submitted' },
        context: { ip: '10.0.0.8', requestId: 'req-1' },
      }),
    );
  }
}

describe('audit module', () => {
  let test: TestApp;
  let a: Tenant;
  let b: Tenant;
  const proposalId = newId();

  beforeAll(async () => {
    test = await createTestApp();
    a = await createTenantWithUsers(test.dependencies, ['auditor', 'system_admin', 'security_admin', 'member']);
    b = await createTenantWithUsers(test.dependencies, ['auditor']);
    const memberId = a.people.member.id;
    await record(test.dependencies, a.organization.id, [
      { type: 'proposal.submitted', summary: '提交提案', actorId: memberId, subjectId: proposalId },
      { type: 'proposal.filed', summary: '立案', subjectId: proposalId },
      { type: 'user.created', summary: '新建用户' },
      { type: 'auth.login_failed', summary: '登录失败', result: 'failure' },
      { type: 'proposal_like.other', summary: '类型前缀里的下划线不是通配符' },
    ]);
    await record(test.dependencies, b.organization.id, [{ type: 'user.created', summary: '乙会新建用户' }]);
  });
  afterAll(async () => test.close());

  const get = (url: string, headers: Record<string, string>) => test.app.inject({ method: 'GET', url, headers });

  it('lists the committee events newest first, with cursor paging', async () => {
    const first = await get('/api/v1/audit/events?limit=2', a.people.auditor.headers);
    expect(first.statusCode).toBe(200);
    const page = first.json() as AuditEventPage;
    expect(page.items.map((item) => item.sequence)).toEqual([5, 4]);
    expect(page.items[1]).toMatchObject({ type: 'auth.login_failed', result: 'failure', ip: '10.0.0.8' });
    expect(page.nextCursor).not.toBeNull();
    const second = (await get(`/api/v1/audit/events?limit=2&cursor=${page.nextCursor}`, a.people.auditor.headers)).json();
    expect(second.items.map((item: { sequence: number }) => item.sequence)).toEqual([3, 2]);
    const third = (await get(`/api/v1/audit/events?limit=2&cursor=${second.nextCursor}`, a.people.auditor.headers)).json();
    expect(third.items.map((item: { sequence: number }) => item.sequence)).toEqual([1]);
    expect(third.nextCursor).toBeNull();
  });

  it('filters by type prefix, actor, subject and result', async () => {
    const headers = a.people.auditor.headers;
    const types = (query: string) =>
      get(`/api/v1/audit/events?${query}`, headers).then((response) =>
        (response.json() as AuditEventPage).items.map((item) => item.type),
      );
    expect(await types('type=proposal.')).toEqual(['proposal.filed', 'proposal.submitted']);
    expect(await types('type=proposal_')).toEqual(['proposal_like.other']);
    expect(await types(`actorId=${a.people.member.id}`)).toEqual(['proposal.submitted']);
    expect(await types(`subjectType=proposal&subjectId=${proposalId}`)).toEqual(['proposal.filed', 'proposal.submitted']);
    expect(await types('result=failure')).toEqual(['auth.login_failed']);
  });

  it('filters by time: from inclusive, to exclusive', async () => {
    const headers = a.people.auditor.headers;
    const all = (await get('/api/v1/audit/events', headers)).json() as AuditEventPage;
    const third = all.items.find((item) => item.sequence === 3)!;
    const from = encodeURIComponent(third.occurredAt);
    const at = (item: { occurredAt: string }) => new Date(item.occurredAt).getTime();
    // Events may share a millisecond, so the expectation is computed from the instants themselves.
    const expectedSince = all.items.filter((item) => at(item) >= at(third)).map((item) => item.sequence);
    const expectedBefore = all.items.filter((item) => at(item) < at(third)).map((item) => item.sequence);
    expect(expectedSince).toContain(3);
    expect(expectedBefore).not.toContain(3);
    const since = (await get(`/api/v1/audit/events?from=${from}`, headers)).json() as AuditEventPage;
    expect(since.items.map((item) => item.sequence)).toEqual(expectedSince);
    const before = (await get(`/api/v1/audit/events?to=${from}`, headers)).json() as AuditEventPage;
    expect(before.items.map((item) => item.sequence)).toEqual(expectedBefore);
  });

  it('answers bad filters and cursors with 400, never 500', async () => {
    const headers = a.people.auditor.headers;
    for (const query of ['cursor=garbage', 'from=yesterday', 'result=maybe', 'limit=0', 'actorId=42']) {
      const response = await get(`/api/v1/audit/events?${query}`, headers);
      expect(response.statusCode, query).toBe(400);
    }
  });

  it('shows one event in full, and another committee event as not found', async () => {
    const page = (await get('/api/v1/audit/events?type=proposal.filed', a.people.auditor.headers)).json() as AuditEventPage;
    const id = page.items[0].id;
    const response = await get(`/api/v1/audit/events/${id}`, a.people.auditor.headers);
    expect(response.statusCode).toBe(200);
    const detail = response.json() as AuditEventDetail;
    expect(detail).toMatchObject({
      id,
      sequence: 2,
      before: { state: 'draft' },
      after: { state: 'submitted' },
      requestId: 'req-1',
      hashAlgorithm: 'sha256',
    });
    expect(detail.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await get(`/api/v1/audit/events/${id}`, b.people.auditor.headers)).statusCode).toBe(404);
    expect((await get(`/api/v1/audit/events/${newId()}`, a.people.auditor.headers)).statusCode).toBe(404);
    expect((await get('/api/v1/audit/events/not-an-id', a.people.auditor.headers)).statusCode).toBe(400);
  });

  it('lists the distinct event types for the filter', async () => {
    const response = await get('/api/v1/audit/event-types', a.people.auditor.headers);
    expect(response.json()).toEqual({
      items: ['auth.login_failed', 'proposal.filed', 'proposal.submitted', 'proposal_like.other', 'user.created'],
    });
  });

  it('verifies the chain, and records that it did', async () => {
    const response = await get('/api/v1/audit/verify', b.people.auditor.headers);
    expect(response.statusCode).toBe(200);
    const result = response.json() as ChainVerification;
    expect(result).toMatchObject({ valid: true, checked: 1, firstBrokenSequence: null, reason: null });
    const page = (await get('/api/v1/audit/events?type=audit.', b.people.auditor.headers)).json() as AuditEventPage;
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ type: 'audit.chain_verified', actorId: b.people.auditor.id, sequence: 2 });
    const again = (await get('/api/v1/audit/verify', b.people.auditor.headers)).json() as ChainVerification;
    expect(again).toMatchObject({ valid: true, checked: 2 });
  });

  it('keeps committees apart: an auditor of B sees none of A events', async () => {
    const page = (await get('/api/v1/audit/events?limit=200', b.people.auditor.headers)).json() as AuditEventPage;
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.some((item) => item.summary === '提交提案' || item.summary === '立案')).toBe(false);
    const types = (await get('/api/v1/audit/event-types', b.people.auditor.headers)).json();
    expect(types.items).not.toContain('proposal.filed');
  });

  it('refuses everyone but the auditor (三员分立), and anonymous callers', async () => {
    for (const role of ['system_admin', 'security_admin', 'member'] as const) {
      for (const url of ['/api/v1/audit/events', '/api/v1/audit/event-types', '/api/v1/audit/verify']) {
        const response = await get(url, a.people[role].headers);
        expect(response.statusCode, `${role} ${url}`).toBe(403);
      }
    }
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/audit/events' })).statusCode).toBe(401);
  });

  it('documents the routes in OpenAPI', async () => {
    const document = (await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/audit/events',
        '/api/v1/audit/events/{id}',
        '/api/v1/audit/verify',
        '/api/v1/audit/event-types',
      ]),
    );
  });
});

describe('audit module with SM3', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ auditHash: 'sm3' });
  });
  afterAll(async () => test.close());

  it('hashes the chain with SM3 when configured, and verifies it', async () => {
    const tenant = await createTenantWithUsers(test.dependencies, ['auditor']);
    await record(test.dependencies, tenant.organization.id, [
      { type: 'user.created', summary: '新建用户' },
      { type: 'user.updated', summary: '修改用户' },
    ]);
    const headers = tenant.people.auditor.headers;
    const page = (await test.app.inject({ method: 'GET', url: '/api/v1/audit/events', headers })).json() as AuditEventPage;
    const detail = (
      await test.app.inject({ method: 'GET', url: `/api/v1/audit/events/${page.items[0].id}`, headers })
    ).json() as AuditEventDetail;
    expect(detail.hashAlgorithm).toBe('sm3');
    const verified = (await test.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers })).json();
    expect(verified).toMatchObject({ valid: true, checked: 2 });
  });
});
