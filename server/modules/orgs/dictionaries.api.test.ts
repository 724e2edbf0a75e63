import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createCommitteeWithUsers, eventsOf } from './orgs.test-support.ts';

type Entry = { id: string; kind: string; code: string; name: string; active: boolean; version: number; sortOrder: number };

describe('dictionaries API', () => {
  let test: TestApp;
  let city: Awaited<ReturnType<typeof createCommitteeWithUsers>>;
  let other: Awaited<ReturnType<typeof createCommitteeWithUsers>>;

  beforeAll(async () => {
    test = await createTestApp();
    city = await createCommitteeWithUsers(test.dependencies, ['system_admin', 'proposal_office', 'member']);
    other = await createCommitteeWithUsers(test.dependencies, ['system_admin', 'proposal_office', 'member']);
  });
  afterAll(async () => test.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) =>
    test.app.inject({ method, url: `/api/v1${url}`, headers, payload });
  const list = async (query: string, headers = city.as('member')): Promise<Entry[]> =>
    (await call('GET', `/dictionaries${query}`, headers)).json().items;

  it('lists the default dictionaries of a new committee by kind, in order', async () => {
    const sectors = await list('?kind=sector');
    expect(sectors).toHaveLength(33);
    expect(sectors.slice(0, 3).map((entry) => entry.name)).toEqual(['中国共产党', '民革', '民盟']);
    expect(sectors.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['九三学社', '无党派人士', '特别邀请人士', '医药卫生界']),
    );
    const parties = await list('?kind=party');
    expect(parties.map((entry) => entry.name)).toEqual([
      '中国共产党',
      '民革',
      '民盟',
      '民建',
      '民进',
      '农工党',
      '致公党',
      '九三学社',
      '台盟',
      '无党派人士',
    ]);
    expect((await list('?kind=result_class')).map((entry) => `${entry.code} ${entry.name}`)).toEqual([
      'A 已解决或采纳',
      'B 正在解决或列入计划',
      'C 留作参考',
    ]);
    expect((await list('?kind=rejection_reason')).map((entry) => entry.name)).toContain('涉及国家秘密');
    expect((await list('?kind=committee'))[0].name).toBe('提案委员会');
    expect(await list('')).toHaveLength(33 + 10 + 9 + 10 + 12 + 10 + 3);
  });

  it.each([
    ['?kind=weather', 400],
    ['?includeInactive=maybe', 400],
  ])('refuses the query %s with %i', async (query, status) => {
    expect((await call('GET', `/dictionaries${query}`, city.as('member'))).statusCode).toBe(status);
  });

  it('adds an entry with the next number code, or a given code, and records it', async () => {
    const numbered = await call('POST', '/dictionaries', city.as('proposal_office'), {
      kind: 'proposal_category',
      name: '数字经济',
    });
    expect(numbered.statusCode).toBe(201);
    expect(numbered.json()).toMatchObject({
      kind: 'proposal_category',
      code: '13',
      name: '数字经济',
      active: true,
      sortOrder: 130,
      version: 1,
    });
    const coded = await call('POST', '/dictionaries', city.as('system_admin'), {
      kind: 'rejection_reason',
      code: 'duplicate',
      name: '与已立案提案重复',
      description: '建议并案办理',
    });
    expect(coded.statusCode).toBe(201);
    expect(coded.json()).toMatchObject({ code: 'duplicate', description: '建议并案办理' });
    expect(await eventsOf(test.dependencies, city.organization.id, 'dictionary.created')).toHaveLength(2);
  });

  it.each([
    ['member', { kind: 'sector', name: '新界别' }, 403, 'forbidden'],
    ['system_admin', { kind: 'result_class', code: 'A', name: '重复代码' }, 409, 'duplicate_dictionary_code'],
    ['system_admin', { kind: 'planet', name: '火星' }, 400, 'validation_failed'],
    ['system_admin', { kind: 'sector', name: '   ' }, 400, 'validation_failed'],
    ['system_admin', { kind: 'sector', code: '带空格 的代码', name: '某界' }, 400, 'validation_failed'],
    ['system_admin', { kind: 'sector', name: 'x'.repeat(101) }, 400, 'validation_failed'],
  ] as const)('refuses %s adding %j with %i %s', async (role, payload, status, code) => {
    const response = await call('POST', '/dictionaries', city.as(role), payload);
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
  });

  it('renames with If-Match, deactivates instead of deleting, and reactivates', async () => {
    const [group] = await list('?kind=group');
    const renamed = await call('PATCH', `/dictionaries/${group.id}`, city.as('proposal_office', { 'if-match': '"1"' }), {
      name: '第一委员小组',
      sortOrder: 5,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '第一委员小组', sortOrder: 5, version: 2 });
    const stale = await call('PATCH', `/dictionaries/${group.id}`, city.as('proposal_office', { 'if-match': '"1"' }), {
      name: '旧',
    });
    expect(stale.statusCode).toBe(409);
    const fixedCode = await call('PATCH', `/dictionaries/${group.id}`, city.as('proposal_office', { 'if-match': '"2"' }), {
      code: 'X',
    });
    expect(fixedCode.statusCode).toBe(400);

    const retired = await call('POST', `/dictionaries/${group.id}/deactivate`, city.as('system_admin', { 'if-match': '"2"' }));
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ active: false, version: 3 });
    expect((await list('?kind=group')).map((entry) => entry.id)).not.toContain(group.id);
    expect((await list('?kind=group&includeInactive=true')).map((entry) => entry.id)).toContain(group.id);
    const detail = await call('GET', `/dictionaries/${group.id}`, city.as('member'));
    expect(detail.json()).toMatchObject({ name: '第一委员小组', active: false });

    const back = await call('POST', `/dictionaries/${group.id}/reactivate`, city.as('system_admin', { 'if-match': '"3"' }));
    expect(back.json()).toMatchObject({ active: true, version: 4 });
    expect(await eventsOf(test.dependencies, city.organization.id, 'dictionary.deactivated')).toHaveLength(1);
    expect(await eventsOf(test.dependencies, city.organization.id, 'dictionary.reactivated')).toHaveLength(1);
    expect(await eventsOf(test.dependencies, city.organization.id, 'dictionary.updated')).toHaveLength(1);
    const byMember = await call('POST', `/dictionaries/${group.id}/deactivate`, city.as('member', { 'if-match': '"4"' }));
    expect(byMember.statusCode).toBe(403);
    expect((await call('POST', `/dictionaries/${group.id}/deactivate`, city.as('system_admin'))).statusCode).toBe(428);
  });

  it('hides every entry from another committee: 404 on each record, only its own in lists', async () => {
    const entries = await list('?kind=sector&includeInactive=true');
    const own = new Set((await list('?includeInactive=true', other.as('member'))).map((entry) => entry.id));
    expect(entries.some((entry) => own.has(entry.id))).toBe(false);
    for (const role of ['system_admin', 'proposal_office', 'member'] as const) {
      const headers = other.as(role, { 'if-match': '"1"' });
      for (const entry of entries.slice(0, 3)) {
        expect((await call('GET', `/dictionaries/${entry.id}`, headers)).statusCode).toBe(404);
        expect((await call('PATCH', `/dictionaries/${entry.id}`, headers, { name: '越权' })).statusCode).toBe(404);
        expect((await call('POST', `/dictionaries/${entry.id}/deactivate`, headers)).statusCode).toBe(404);
        expect((await call('POST', `/dictionaries/${entry.id}/reactivate`, headers)).statusCode).toBe(404);
      }
    }
    const after = await list('?kind=sector&includeInactive=true');
    expect(after).toEqual(entries);
  });
});
