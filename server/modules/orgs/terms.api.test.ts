import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createCommitteeWithUsers, eventsOf } from './orgs.test-support.ts';

describe('terms and sessions API', () => {
  let test: TestApp;
  let city: Awaited<ReturnType<typeof createCommitteeWithUsers>>;
  let other: Awaited<ReturnType<typeof createCommitteeWithUsers>>;
  let termId: string;
  const sessionIds: string[] = [];

  beforeAll(async () => {
    test = await createTestApp();
    city = await createCommitteeWithUsers(test.dependencies, ['system_admin', 'proposal_office', 'member', 'unit_handler']);
    other = await createCommitteeWithUsers(test.dependencies, ['system_admin', 'proposal_office', 'member']);
  });
  afterAll(async () => test.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) =>
    test.app.inject({ method, url: `/api/v1${url}`, headers, payload });

  const session = (number: number, overrides: Record<string, unknown> = {}) => ({
    termId,
    number,
    name: `十届${'一二三四五'[number - 1]}次会议`,
    year: 2021 + number,
    plenaryStartsOn: `${2021 + number}-01-06`,
    plenaryEndsOn: `${2021 + number}-01-09`,
    proposalWindowOpensOn: `${2020 + number}-11-15`,
    ...overrides,
  });

  it('lets the proposal office create a term and records it', async () => {
    const response = await call('POST', '/terms', city.as('proposal_office'), {
      number: 10,
      name: '十届',
      startsOn: '2022-01-06',
      endsOn: '2027-01-05',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ number: 10, name: '十届', isCurrent: false, version: 1 });
    termId = response.json().id;
    expect(await eventsOf(test.dependencies, city.organization.id, 'term.created')).toHaveLength(1);
  });

  it.each([
    ['member', { number: 11, name: '十一届', startsOn: '2027-01-06' }, 403],
    ['system_admin', { number: 10, name: '重复', startsOn: '2022-01-06' }, 409],
    ['system_admin', { number: 0, name: '零届', startsOn: '2022-01-06' }, 400],
    ['system_admin', { number: 11, name: '十一届', startsOn: '2027-13-01' }, 400],
    ['system_admin', { number: 11, name: '十一届', startsOn: '2027-01-06', endsOn: '2026-01-01' }, 400],
    ['system_admin', { number: 11, name: '十一届', startsOn: '2027-01-06', extra: true }, 400],
  ] as const)('refuses %s creating the term %j with %i', async (role, payload, status) => {
    const response = await call('POST', '/terms', city.as(role), payload);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('creates sessions; the first becomes current', async () => {
    for (const number of [1, 2, 3]) {
      const response = await call('POST', '/sessions', city.as('system_admin'), session(number));
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ number, termName: '十届', isCurrent: number === 1, archivedAt: null });
      sessionIds.push(response.json().id);
    }
    const list = await call('GET', `/sessions?termId=${termId}`, city.as('member'));
    expect(list.json().items.map((item: { number: number }) => item.number)).toEqual([3, 2, 1]);
    const terms = await call('GET', '/terms', city.as('unit_handler'));
    expect(terms.json().items).toMatchObject([{ id: termId, isCurrent: true }]);
  });

  it.each([
    ['member', () => session(4), 403, 'forbidden'],
    ['proposal_office', () => session(1), 409, 'duplicate_session_number'],
    ['proposal_office', () => session(4, { plenaryEndsOn: '2025-01-01' }), 400, 'validation_failed'],
    ['proposal_office', () => session(4, { proposalWindowOpensOn: '2025-02-01' }), 400, 'validation_failed'],
    ['proposal_office', () => session(4, { termId: '0190a000-0000-7000-8000-000000000000' }), 400, 'unknown_reference'],
    ['proposal_office', () => session(4, { termId: 'not-an-id' }), 400, 'validation_failed'],
    ['proposal_office', () => session(4, { year: '2025' }), 400, 'validation_failed'],
  ] as const)('refuses %s creating a bad session (%#) with %i %s', async (role, payload, status, code) => {
    const response = await call('POST', '/sessions', city.as(role), payload());
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
  });

  it('updates a session with If-Match, checks the merged dates and answers 409 to a stale version', async () => {
    const id = sessionIds[2];
    const response = await call('PATCH', `/sessions/${id}`, city.as('proposal_office', { 'if-match': '"1"' }), {
      plenaryStartsOn: '2024-01-08',
      plenaryEndsOn: '2024-01-11',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.json()).toMatchObject({ plenaryStartsOn: '2024-01-08', plenaryEndsOn: '2024-01-11', version: 2 });
    const stale = await call('PATCH', `/sessions/${id}`, city.as('proposal_office', { 'if-match': '"1"' }), { name: '旧版本' });
    expect(stale.statusCode).toBe(409);
    const badOrder = await call('PATCH', `/sessions/${id}`, city.as('proposal_office', { 'if-match': '"2"' }), {
      plenaryEndsOn: '2024-01-01',
    });
    expect(badOrder.statusCode).toBe(400);
    expect(badOrder.json().errors).toEqual([{ field: 'plenaryEndsOn', message: '大会闭幕日期不能早于开幕日期' }]);
    const noVersion = await call('PATCH', `/sessions/${id}`, city.as('proposal_office'), { name: '无版本' });
    expect(noVersion.statusCode).toBe(428);
    const byMember = await call('PATCH', `/sessions/${id}`, city.as('member', { 'if-match': '"2"' }), { name: '委员改名' });
    expect(byMember.statusCode).toBe(403);
    const events = await eventsOf(test.dependencies, city.organization.id, 'session.updated');
    expect(events).toHaveLength(1);
    expect(events[0].before).toMatchObject({ plenaryStartsOn: '2024-01-06' });
  });

  it('updates a term with If-Match', async () => {
    const response = await call('PATCH', `/terms/${termId}`, city.as('system_admin', { 'if-match': '"1"' }), { endsOn: null });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ endsOn: null, version: 2 });
    const stale = await call('PATCH', `/terms/${termId}`, city.as('system_admin', { 'if-match': '"1"' }), { name: 'x' });
    expect(stale.statusCode).toBe(409);
    const badDates = await call('PATCH', `/terms/${termId}`, city.as('system_admin', { 'if-match': '"2"' }), {
      endsOn: '2020-01-01',
    });
    expect(badDates.statusCode).toBe(400);
  });

  it('sets the current session, unsetting the previous one, and records it once', async () => {
    const response = await call('POST', `/sessions/${sessionIds[2]}/set-current`, city.as('proposal_office'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: sessionIds[2], isCurrent: true });
    const again = await call('POST', `/sessions/${sessionIds[2]}/set-current`, city.as('proposal_office'));
    expect(again.statusCode).toBe(200);
    const current = await call('GET', '/sessions/current', city.as('member'));
    expect(current.json().id).toBe(sessionIds[2]);
    const first = await call('GET', `/sessions/${sessionIds[0]}`, city.as('member'));
    expect(first.json()).toMatchObject({ isCurrent: false, version: 2 });
    expect(await eventsOf(test.dependencies, city.organization.id, 'session.set_current')).toHaveLength(1);
    expect((await call('POST', `/sessions/${sessionIds[1]}/set-current`, city.as('member'))).statusCode).toBe(403);
  });

  it('keeps one current session when two are set at once', async () => {
    const results = await Promise.all(
      [sessionIds[0], sessionIds[1]].map((id) => call('POST', `/sessions/${id}/set-current`, city.as('proposal_office'))),
    );
    expect(results.map((result) => result.statusCode)).toEqual([200, 200]);
    const currents = await test.dependencies.database.pool.query('select id from sessions where org_id = $1 and is_current', [
      city.organization.id,
    ]);
    expect(currents.rows).toHaveLength(1);
  });

  it('answers 404 when no session is current', async () => {
    const response = await call('GET', '/sessions/current', other.as('member'));
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('no_current_session');
  });

  it('hides every term and session from another committee: 404 on each record, empty lists', async () => {
    for (const role of ['system_admin', 'proposal_office', 'member'] as const) {
      const headers = other.as(role, { 'if-match': '"1"' });
      for (const id of sessionIds) {
        expect((await call('GET', `/sessions/${id}`, headers)).statusCode).toBe(404);
        expect((await call('PATCH', `/sessions/${id}`, headers, { name: '越权' })).statusCode).toBe(404);
        expect((await call('POST', `/sessions/${id}/set-current`, headers)).statusCode).toBe(404);
      }
      expect((await call('GET', `/terms/${termId}`, headers)).statusCode).toBe(404);
      expect((await call('PATCH', `/terms/${termId}`, headers, { name: '越权' })).statusCode).toBe(404);
      expect((await call('GET', '/sessions', headers)).json().items).toEqual([]);
      expect((await call('GET', `/sessions?termId=${termId}`, headers)).json().items).toEqual([]);
      expect((await call('GET', '/terms', headers)).json().items).toEqual([]);
    }
    const foreignTerm = await call('POST', '/sessions', other.as('system_admin'), session(4));
    expect(foreignTerm.statusCode).toBe(400);
    expect(foreignTerm.json().code).toBe('unknown_reference');
  });

  it('refuses changes to an archived session', async () => {
    const current = (await call('GET', '/sessions/current', city.as('member'))).json().id;
    const archived = sessionIds.find((id) => id !== current) as string;
    await test.dependencies.database.pool.query('update sessions set archived_at = now() where org_id = $1 and id = $2', [
      city.organization.id,
      archived,
    ]);
    const version = (await call('GET', `/sessions/${archived}`, city.as('member'))).json().version;
    const update = await call('PATCH', `/sessions/${archived}`, city.as('system_admin', { 'if-match': `"${version}"` }), {
      name: '改名',
    });
    expect(update.statusCode).toBe(409);
    expect(update.json().code).toBe('session_archived');
    const setCurrent = await call('POST', `/sessions/${archived}/set-current`, city.as('system_admin'));
    expect(setCurrent.statusCode).toBe(409);
  });
});
