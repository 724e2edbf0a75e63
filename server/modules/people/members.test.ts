import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIdNumber, isValidMobile } from '../../../contracts/people.ts';
import { createTenantWithUsers } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createMemberDictionaries, idNumber } from './people.test-support.ts';

describe('ID number and mobile rules', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['440524188001010014', false], // born before 1900
    ['110105194912310021', false], // wrong check character
    ['110105194902300028', false], // 30 February
    ['11010519491231002', false],
    ['1101051949123100XX', false],
    [idNumber('19851120', 37), true],
  ])('%s → %s', (value, expected) => expect(isValidIdNumber(value)).toBe(expected));
  it.each([
    ['13812345678', true],
    ['19912345678', true],
    ['12812345678', false],
    ['1381234567', false],
    ['138123456789', false],
  ])('%s → %s', (value, expected) => expect(isValidMobile(value)).toBe(expected));
});

describe('members API', () => {
  let test: TestApp;
  let tenant: Awaited<ReturnType<typeof createTenantWithUsers>>;
  let other: Awaited<ReturnType<typeof createTenantWithUsers>>;
  let dictionary: Record<string, string>;
  const as = (role: string, tenantOf = tenant) => tenantOf.people[role].headers;

  beforeAll(async () => {
    test = await createTestApp();
    tenant = await createTenantWithUsers(test.dependencies, [
      'system_admin',
      'proposal_office',
      'member',
      'auditor',
      'security_admin',
    ]);
    other = await createTenantWithUsers(test.dependencies, ['system_admin', 'proposal_office']);
    dictionary = await createMemberDictionaries(test.dependencies, tenant.organization.id);
  });
  afterAll(async () => test.close());

  async function create(body: Record<string, unknown>, headers = as('proposal_office')) {
    return test.app.inject({ method: 'POST', url: '/api/v1/members', headers, payload: body });
  }

  it('creates a member with encrypted, masked ID number and mobile, and records a masked event', async () => {
    const id = idNumber('19680315', 12);
    const response = await create({
      name: '王建国',
      gender: 'male',
      birthYear: 1968,
      sectorId: dictionary['经济界'],
      partyId: dictionary['民盟'],
      idNumber: id,
      mobile: '13912345678',
      isStandingCommittee: true,
    });
    expect(response.statusCode).toBe(201);
    const member = response.json();
    expect(member).toMatchObject({
      name: '王建国',
      sector: { id: dictionary['经济界'], name: '经济界' },
      party: { name: '民盟' },
      idNumberMasked: `${id.slice(0, 6)}********${id.slice(-4)}`,
      mobileMasked: '139****5678',
      state: 'active',
      version: 1,
    });
    expect(response.headers.etag).toBe('"1"');
    const stored = await test.dependencies.database.pool.query(
      'select id_number_encrypted, mobile_encrypted from members where id = $1',
      [member.id],
    );
    expect(stored.rows[0].id_number_encrypted).not.toContain(id);
    expect(stored.rows[0].mobile_encrypted).not.toContain('13912345678');
    const events = await test.dependencies.database.pool.query(
      "select after::text as after from events where type = 'member.created' and subject_id = $1",
      [member.id],
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0].after).not.toContain(id);
    expect(events.rows[0].after).not.toContain('13912345678');
    expect(events.rows[0].after).toContain('139****5678');
  });

  it('rejects bad input with Chinese field messages', async () => {
    const response = await create({ name: '', idNumber: '110105194912310021', mobile: '12345', sectorId: 'nope' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const fields = response.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'idNumber', 'mobile', 'sectorId']));
    expect(JSON.stringify(response.json())).toContain('身份证号不正确');
  });

  it('rejects unknown, wrong-kind and retired dictionary entries', async () => {
    const response = await create({ name: '李四', sectorId: dictionary['民盟'], partyId: dictionary['已撤销界别'] });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'sectorId', message: '找不到该界别' },
      { field: 'partyId', message: '找不到该党派' },
    ]);
    const retired = await create({ name: '李四', sectorId: dictionary['已撤销界别'] });
    expect(retired.json().errors).toEqual([{ field: 'sectorId', message: '该界别已停用' }]);
  });

  it('refuses a duplicate ID number with 409', async () => {
    const id = idNumber('19700101', 88);
    expect((await create({ name: '赵一', idNumber: id })).statusCode).toBe(201);
    const duplicate = await create({ name: '赵二', idNumber: id.toLowerCase() });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().detail).toContain('赵一');
    const found = await test.app.inject({
      method: 'POST',
      url: '/api/v1/members/lookup',
      headers: as('proposal_office'),
      payload: { idNumber: id },
    });
    expect(found.json().items.map((item: { name: string }) => item.name)).toEqual(['赵一']);
  });

  it('lists with search, filters, cursor paging and total', async () => {
    for (let index = 0; index < 5; index++) {
      await create({
        name: `测试委员${index}`,
        sectorId: dictionary['中国共产党'],
        groupId: dictionary['第一组'],
        mobile: `1370000000${index}`,
      });
    }
    const first = await test.app.inject({
      method: 'GET',
      url: `/api/v1/members?q=测试委员&sectorId=${dictionary['中国共产党']}&limit=2`,
      headers: as('member'),
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().total).toBe(5);
    expect(first.json().items).toHaveLength(2);
    const names: string[] = first.json().items.map((item: { name: string }) => item.name);
    let cursor = first.json().nextCursor;
    while (cursor) {
      const page = await test.app.inject({
        method: 'GET',
        url: `/api/v1/members?q=测试委员&sectorId=${dictionary['中国共产党']}&limit=2&cursor=${cursor}`,
        headers: as('member'),
      });
      names.push(...page.json().items.map((item: { name: string }) => item.name));
      cursor = page.json().nextCursor;
    }
    expect(names.sort()).toEqual(['测试委员0', '测试委员1', '测试委员2', '测试委员3', '测试委员4']);
    const byMobile = await test.app.inject({
      method: 'POST',
      url: '/api/v1/members/lookup',
      headers: as('proposal_office'),
      payload: { mobile: '13700000003' },
    });
    expect(byMobile.json().items.map((item: { name: string }) => item.name)).toEqual(['测试委员3']);
    const lookupByMember = await test.app.inject({
      method: 'POST',
      url: '/api/v1/members/lookup',
      headers: as('member'),
      payload: { mobile: '13700000003' },
    });
    expect(lookupByMember.statusCode).toBe(403);
    const emptyLookup = await test.app.inject({
      method: 'POST',
      url: '/api/v1/members/lookup',
      headers: as('proposal_office'),
      payload: {},
    });
    expect(emptyLookup.statusCode).toBe(400);
    const outsiderLookup = await test.app.inject({
      method: 'POST',
      url: '/api/v1/members/lookup',
      headers: as('proposal_office', other),
      payload: { mobile: '13700000003' },
    });
    expect(outsiderLookup.json().items).toEqual([]);
    const standing = await test.app.inject({
      method: 'GET',
      url: '/api/v1/members?standingCommittee=true',
      headers: as('member'),
    });
    expect(standing.json().items.map((item: { name: string }) => item.name)).toEqual(['王建国']);
    const badCursor = await test.app.inject({ method: 'GET', url: '/api/v1/members?cursor=garbage', headers: as('member') });
    expect(badCursor.statusCode).toBe(400);
    const badFlag = await test.app.inject({
      method: 'GET',
      url: '/api/v1/members?standingCommittee=maybe',
      headers: as('member'),
    });
    expect(badFlag.statusCode).toBe(400);
  });

  it('updates with If-Match: 428 without it, 409 on a stale version', async () => {
    const member = (await create({ name: '钱三', mobile: '13800001111' })).json();
    const url = `/api/v1/members/${member.id}`;
    const missing = await test.app.inject({ method: 'PATCH', url, headers: as('proposal_office'), payload: { name: '钱叁' } });
    expect(missing.statusCode).toBe(428);
    const updated = await test.app.inject({
      method: 'PATCH',
      url,
      headers: { ...as('proposal_office'), 'if-match': '"1"' },
      payload: { name: '钱叁', mobile: null, workplace: '示例市第一中学' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ name: '钱叁', mobileMasked: null, workplace: '示例市第一中学', version: 2 });
    const stale = await test.app.inject({
      method: 'PATCH',
      url,
      headers: { ...as('proposal_office'), 'if-match': '"1"' },
      payload: { name: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const byMember = await test.app.inject({
      method: 'PATCH',
      url,
      headers: { ...as('member'), 'if-match': '"2"' },
      payload: { name: 'x' },
    });
    expect(byMember.statusCode).toBe(403);
  });

  it('deactivates and reactivates, refusing a repeat with 409', async () => {
    const member = (await create({ name: '孙四' })).json();
    const deactivate = (version: number) =>
      test.app.inject({
        method: 'POST',
        url: `/api/v1/members/${member.id}/deactivate`,
        headers: { ...as('proposal_office'), 'if-match': `"${version}"` },
        payload: { reason: '届满' },
      });
    const done = await deactivate(1);
    expect(done.statusCode).toBe(200);
    expect(done.json().state).toBe('inactive');
    const again = await deactivate(2);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('停用');
    const inactive = await test.app.inject({ method: 'GET', url: '/api/v1/members?state=inactive', headers: as('member') });
    expect(inactive.json().items.map((item: { id: string }) => item.id)).toContain(member.id);
    const back = await test.app.inject({
      method: 'POST',
      url: `/api/v1/members/${member.id}/reactivate`,
      headers: { ...as('proposal_office'), 'if-match': '"2"' },
    });
    expect(back.statusCode).toBe(200);
    expect(back.json().state).toBe('active');
  });

  it('reveals sensitive fields only to system admin and office, recording each view', async () => {
    const id = idNumber('19750505', 5);
    const member = (await create({ name: '周五', idNumber: id, mobile: '13655556666' })).json();
    const url = `/api/v1/members/${member.id}/sensitive`;
    const office = await test.app.inject({ method: 'GET', url, headers: as('proposal_office') });
    expect(office.statusCode).toBe(200);
    expect(office.json()).toEqual({ id: member.id, idNumber: id, mobile: '13655556666' });
    expect((await test.app.inject({ method: 'GET', url, headers: as('system_admin') })).statusCode).toBe(200);
    expect((await test.app.inject({ method: 'GET', url, headers: as('member') })).statusCode).toBe(403);
    expect((await test.app.inject({ method: 'GET', url, headers: as('security_admin') })).statusCode).toBe(403);
    const views = await test.dependencies.database.pool.query(
      "select count(*)::int as n from events where type = 'member.sensitive_viewed' and subject_id = $1",
      [member.id],
    );
    expect(views.rows[0].n).toBe(2);
    const detail = await test.app.inject({ method: 'GET', url: `/api/v1/members/${member.id}`, headers: as('member') });
    expect(detail.json().idNumberMasked).not.toBe(id);
    expect(detail.body).not.toContain('13655556666');
  });

  it('keeps committees apart: 404 on every record route, nothing in lists', async () => {
    const member = (await create({ name: '吴六' })).json();
    const outsider = as('proposal_office', other);
    const routes = [
      { method: 'GET', url: `/api/v1/members/${member.id}` },
      { method: 'GET', url: `/api/v1/members/${member.id}/sensitive` },
      { method: 'PATCH', url: `/api/v1/members/${member.id}`, payload: { name: '偷改' } },
      { method: 'POST', url: `/api/v1/members/${member.id}/deactivate` },
      { method: 'POST', url: `/api/v1/members/${member.id}/reactivate` },
    ] as const;
    for (const route of routes) {
      const response = await test.app.inject({ ...route, headers: { ...outsider, 'if-match': '"1"' } });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(404);
    }
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/members?limit=200', headers: outsider });
    expect(list.json().total).toBe(0);
    expect(list.body).not.toContain(member.id);
  });

  it('lets auditors and security admins not read the roster', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/members', headers: as('auditor') })).statusCode).toBe(403);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/members' })).statusCode).toBe(401);
  });
});
