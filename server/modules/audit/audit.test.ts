import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventDetail, AuditEventPage, ChainVerification } from '../../../contracts/audit.ts';
import { buildApp } from '../../app.ts';
import { newId } from '../../platform/db/columns.ts';
import { legacyChainOf, tamper, testHashing } from '../../platform/events/chain-test-helpers.ts';
import { parseCheckpoints, readCheckpoints } from '../../platform/events/checkpoints.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import { verifyChain } from '../../platform/events/verify-chain.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { createTenantWithUsers } from '../../test/fixtures.ts';
import { createTestApp, type TestApp, testConfig } from '../../test/test-app.ts';
import { sealAuditChains } from './actions/seal-audit-chains.ts';

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
  const checkpointFolder = mkdtempSync(join(tmpdir(), 'cppcc-audit-api-'));

  beforeAll(async () => {
    test = await createTestApp({ auditCheckpointDir: checkpointFolder });
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
  afterAll(async () => {
    await test.close();
    rmSync(checkpointFolder, { recursive: true, force: true });
  });

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
      hashVersion: 2,
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

  it('verifies the chain, returns its head, seals it with a checkpoint, and records that it did', async () => {
    const before = (await get('/api/v1/audit/events', b.people.auditor.headers)).json() as AuditEventPage;
    const headEvent = (await get(`/api/v1/audit/events/${before.items[0].id}`, b.people.auditor.headers)).json();
    const response = await get('/api/v1/audit/verify', b.people.auditor.headers);
    expect(response.statusCode).toBe(200);
    const result = response.json() as ChainVerification;
    expect(result).toMatchObject({
      valid: true,
      status: 'valid',
      checked: 1,
      firstBrokenSequence: null,
      reason: null,
      head: { sequence: 1, hash: headEvent.hash },
      checkpointsCompared: 0,
      latestCheckpoint: { sequence: 1, hash: headEvent.hash },
    });
    const page = (await get('/api/v1/audit/events?type=audit.', b.people.auditor.headers)).json() as AuditEventPage;
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ type: 'audit.chain_verified', actorId: b.people.auditor.id, sequence: 2 });
    const again = (await get('/api/v1/audit/verify', b.people.auditor.headers)).json() as ChainVerification;
    expect(again).toMatchObject({ valid: true, checked: 2, checkpointsCompared: 1, latestCheckpoint: { sequence: 2 } });
    expect(await readCheckpoints(checkpointFolder, b.organization.id)).toHaveLength(2);
  });

  it('reports a changed ip found in the database as broken, where it broke, and writes no checkpoint', async () => {
    const tenant = await createTenantWithUsers(test.dependencies, ['auditor']);
    await record(test.dependencies, tenant.organization.id, [
      { type: 'user.created', summary: '新建用户' },
      { type: 'user.updated', summary: '修改用户' },
    ]);
    await tamper(test.dependencies.database, [
      ["update events set ip = '198.51.100.1' where org_id = $1 and sequence = 2", [tenant.organization.id]],
    ]);
    const result = (await get('/api/v1/audit/verify', tenant.people.auditor.headers)).json() as ChainVerification;
    expect(result).toMatchObject({
      valid: false,
      status: 'broken',
      firstBrokenSequence: 2,
      reason: 'hash_mismatch',
      head: { sequence: 1 },
      latestCheckpoint: null,
    });
    expect(await readCheckpoints(checkpointFolder, tenant.organization.id)).toHaveLength(0);
    const page = (await get('/api/v1/audit/events?type=audit.', tenant.people.auditor.headers)).json() as AuditEventPage;
    expect(page.items[0]).toMatchObject({ result: 'failure', summary: expect.stringContaining('第 2 条起异常') });
  });

  it('lets the auditor download the signed checkpoint file, by name, and records the download', async () => {
    const response = await get('/api/v1/audit/checkpoints/file', b.people.auditor.headers);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="_+-\d{8}\.jsonl"; filename\*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%A3%80%E6%9F%A5%E7%82%B9-\d{8}\.jsonl$/,
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const lines = parseCheckpoints(response.body);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((line) => line.checkpoint?.orgId === b.organization.id)).toBe(true);
    const types = (await get('/api/v1/audit/events?type=audit.checkpoints', b.people.auditor.headers)).json() as AuditEventPage;
    expect(types.items[0]).toMatchObject({ type: 'audit.checkpoints_downloaded', actorId: b.people.auditor.id });
  });

  it('answers a download before any checkpoint with a 404 in Chinese', async () => {
    const tenant = await createTenantWithUsers(test.dependencies, ['auditor']);
    const response = await get('/api/v1/audit/checkpoints/file', tenant.people.auditor.headers);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'no_checkpoints', detail: expect.stringContaining('尚未写入审计检查点') });
  });

  it('answers "cannot verify" on a server holding another audit key, never valid', async () => {
    const tenant = await createTenantWithUsers(test.dependencies, ['auditor']);
    await record(test.dependencies, tenant.organization.id, [{ type: 'user.created', summary: '新建用户' }]);
    const other = await buildApp(
      { ...test.dependencies, config: { ...test.dependencies.config, auditHash: testHashing() } },
      { serveWeb: false },
    );
    try {
      const response = await other.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: tenant.people.auditor.headers });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ valid: false, status: 'unverifiable', reason: 'key_mismatch' });
    } finally {
      await other.close();
    }
  });

  it('seals chains written by v0.2.0 when the app starts, records the seal, and then verifies them', async () => {
    const orgId = await legacyChainOf(test.dependencies.database, 4);
    const restarted = await buildApp(test.dependencies, { serveWeb: false });
    await restarted.ready();
    await restarted.close();
    const lines = await readCheckpoints(checkpointFolder, orgId);
    expect(lines.map((line) => [line.checkpoint?.sequence, line.checkpoint?.legacy])).toEqual([[4, true]]);
    const result = await verifyChain(test.dependencies.database.orm, orgId, test.dependencies.config.auditHash, {
      checkpoints: lines,
    });
    expect(result).toMatchObject({ valid: true, checked: 5, legacyHead: { sequence: 4 } });
    const sealed = await test.dependencies.database.pool.query(
      'select type, hash_version from events where org_id = $1 and sequence = 5',
      [orgId],
    );
    expect(sealed.rows[0]).toEqual({ type: 'audit.legacy_sealed', hash_version: 2 });
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
      for (const url of [
        '/api/v1/audit/events',
        '/api/v1/audit/event-types',
        '/api/v1/audit/verify',
        '/api/v1/audit/checkpoints/file',
      ]) {
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
        '/api/v1/audit/checkpoints/file',
      ]),
    );
  });
});

describe('audit checkpoints on schedule', () => {
  let scheduled: TestApp;
  const folder = mkdtempSync(join(tmpdir(), 'cppcc-audit-schedule-'));
  beforeAll(async () => {
    scheduled = await createTestApp({ auditCheckpointDir: folder });
  });
  afterAll(async () => {
    await scheduled.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('appends a checkpoint of every chain that grew on schedule, and none for a broken chain', async () => {
    const tenant = await createTenantWithUsers(scheduled.dependencies, ['auditor']);
    await record(scheduled.dependencies, tenant.organization.id, [{ type: 'user.created', summary: '新建用户' }]);
    const outcomes = await sealAuditChains(scheduled.dependencies);
    expect(outcomes.find((outcome) => outcome.orgId === tenant.organization.id)?.written).toHaveLength(1);
    const quiet = await sealAuditChains(scheduled.dependencies);
    expect(quiet.every((outcome) => outcome.written.length === 0)).toBe(true);
    await record(scheduled.dependencies, tenant.organization.id, [{ type: 'user.updated', summary: '修改用户' }]);
    await tamper(scheduled.dependencies.database, [
      ["update events set actor_name = '冒名者' where org_id = $1 and sequence = 2", [tenant.organization.id]],
    ]);
    await expect(sealAuditChains(scheduled.dependencies)).rejects.toThrow(tenant.organization.id);
    expect(await readCheckpoints(folder, tenant.organization.id)).toHaveLength(1);
  });
});

describe('audit module with SM3', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ auditHash: { ...testConfig().auditHash, algorithm: 'sm3' } });
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
