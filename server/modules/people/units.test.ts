import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWithUsers, createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe('handling units API', () => {
  let test: TestApp;
  let tenant: Awaited<ReturnType<typeof createTenantWithUsers>>;
  let other: Awaited<ReturnType<typeof createTenantWithUsers>>;
  const as = (role: string, tenantOf = tenant) => tenantOf.people[role].headers;

  beforeAll(async () => {
    test = await createTestApp();
    tenant = await createTenantWithUsers(test.dependencies, ['system_admin', 'proposal_office', 'member', 'auditor']);
    other = await createTenantWithUsers(test.dependencies, ['system_admin', 'proposal_office']);
  });
  afterAll(async () => test.close());

  async function create(body: Record<string, unknown>, headers = as('proposal_office')) {
    return test.app.inject({ method: 'POST', url: '/api/v1/units', headers, payload: body });
  }
  const patch = (id: string, version: number, payload: Record<string, unknown>, headers: Record<string, string>) =>
    test.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${id}`,
      headers: { ...headers, 'if-match': `"${version}"` },
      payload,
    });

  it('creates units in a hierarchy with the contact phone encrypted and masked', async () => {
    const parent = await create({
      code: 'FGW',
      name: '市发展和改革委员会',
      contactName: '张科长',
      contactPhone: '0571-87654321',
      sortOrder: 10,
    });
    expect(parent.statusCode).toBe(201);
    expect(parent.json()).toMatchObject({
      code: 'FGW',
      kind: 'government',
      parent: null,
      contactPhoneMasked: '057******4321',
      active: true,
    });
    const child = await create({
      code: 'FGW-NY',
      name: '市能源局',
      parentId: parent.json().id,
      contactPhone: '13812345678',
      sortOrder: 20,
    });
    expect(child.statusCode).toBe(201);
    expect(child.json()).toMatchObject({
      parent: { id: parent.json().id, name: '市发展和改革委员会' },
      contactPhoneMasked: '138****5678',
    });
    const stored = await test.dependencies.database.pool.query('select contact_mobile_encrypted as c from units where id = $1', [
      child.json().id,
    ]);
    expect(stored.rows[0].c).not.toContain('13812345678');
  });

  it('refuses duplicates (409), bad codes and phones (400), unknown parents (400)', async () => {
    expect((await create({ code: 'FGW', name: '别的名字' })).statusCode).toBe(409);
    expect((await create({ code: 'NEW1', name: '市发展和改革委员会' })).statusCode).toBe(409);
    const bad = await create({ code: '有空 格', name: '', contactPhone: '12345', kind: 'ministry' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['code', 'name', 'contactPhone', 'kind']),
    );
    const orphan = await create({ code: 'ORPHAN', name: '孤儿单位', parentId: '01900000-0000-7000-8000-000000000000' });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().errors).toEqual([{ field: 'parentId', message: '找不到该上级单位' }]);
  });

  it('refuses a cycle in the hierarchy', async () => {
    const top = (await create({ code: 'A1', name: '单位甲' })).json();
    const middle = (await create({ code: 'A2', name: '单位乙', parentId: top.id })).json();
    const bottom = (await create({ code: 'A3', name: '单位丙', parentId: middle.id })).json();
    const cycle = await patch(top.id, 1, { parentId: bottom.id }, as('proposal_office'));
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors[0].field).toBe('parentId');
    const self = await patch(top.id, 1, { parentId: top.id }, as('proposal_office'));
    expect(self.statusCode).toBe(400);
  });

  it('lists by sort order with search, filters, cursor paging and total', async () => {
    const all = await test.app.inject({ method: 'GET', url: '/api/v1/units?limit=2', headers: as('member') });
    expect(all.statusCode).toBe(200);
    const total = all.json().total;
    const codes: string[] = all.json().items.map((item: { code: string }) => item.code);
    let cursor = all.json().nextCursor;
    while (cursor) {
      const page = await test.app.inject({ method: 'GET', url: `/api/v1/units?limit=2&cursor=${cursor}`, headers: as('member') });
      codes.push(...page.json().items.map((item: { code: string }) => item.code));
      cursor = page.json().nextCursor;
    }
    expect(codes).toHaveLength(total);
    expect(new Set(codes).size).toBe(total);
    expect(codes.slice(0, 2)).toEqual(['A1', 'A2']); // sort order 0 first, then by creation
    const search = await test.app.inject({
      method: 'GET',
      url: `/api/v1/units?q=${encodeURIComponent('能源')}`,
      headers: as('member'),
    });
    expect(search.json().items.map((item: { code: string }) => item.code)).toEqual(['FGW-NY']);
    const roots = await test.app.inject({ method: 'GET', url: '/api/v1/units?parentId=root', headers: as('member') });
    expect(roots.json().items.every((item: { parent: unknown }) => item.parent === null)).toBe(true);
  });

  it('lets a unit’s own handler change only its contacts; others get 403', async () => {
    const unit = (await create({ code: 'JYJ', name: '市教育局' })).json();
    const handler = await createUser(test.dependencies, {
      orgId: tenant.organization.id,
      roles: ['unit_handler'],
      unitId: unit.id,
    });
    const stranger = await createUser(test.dependencies, {
      orgId: tenant.organization.id,
      roles: ['unit_handler'],
      unitId: null,
    });
    const handlerHeaders = await signIn(test.dependencies, handler);
    const contact = await patch(
      unit.id,
      1,
      { contactName: '李老师', contactPhone: '13700001111', address: '示例路 1 号' },
      handlerHeaders,
    );
    expect(contact.statusCode).toBe(200);
    expect(contact.json()).toMatchObject({ contactName: '李老师', contactPhoneMasked: '137****1111', version: 2 });
    expect((await patch(unit.id, 2, { name: '改名' }, handlerHeaders)).statusCode).toBe(403);
    expect((await patch(unit.id, 2, { contactName: 'x' }, await signIn(test.dependencies, stranger))).statusCode).toBe(403);
    expect((await patch(unit.id, 2, { contactName: 'x' }, as('member'))).statusCode).toBe(403);
    expect((await patch(unit.id, 1, { contactName: 'x' }, as('proposal_office'))).statusCode).toBe(409);
  });

  it('deactivates and reactivates with If-Match', async () => {
    const unit = (await create({ code: 'GAJ', name: '市公安局' })).json();
    const url = `/api/v1/units/${unit.id}/deactivate`;
    expect((await test.app.inject({ method: 'POST', url, headers: as('proposal_office') })).statusCode).toBe(428);
    const done = await test.app.inject({ method: 'POST', url, headers: { ...as('proposal_office'), 'if-match': '"1"' } });
    expect(done.json()).toMatchObject({ active: false, version: 2 });
    expect(
      (await test.app.inject({ method: 'POST', url, headers: { ...as('proposal_office'), 'if-match': '"2"' } })).statusCode,
    ).toBe(409);
    const inactive = await test.app.inject({ method: 'GET', url: '/api/v1/units?active=false', headers: as('member') });
    expect(inactive.json().items.map((item: { id: string }) => item.id)).toEqual([unit.id]);
    const events = await test.dependencies.database.pool.query('select count(*)::int as n from events where subject_id = $1', [
      unit.id,
    ]);
    expect(events.rows[0].n).toBe(2);
  });

  it('keeps committees apart: 404 on every record route, nothing in lists', async () => {
    const unit = (await create({ code: 'MZJ', name: '市民政局' })).json();
    const outsider = as('proposal_office', other);
    for (const route of [
      { method: 'GET', url: `/api/v1/units/${unit.id}` },
      { method: 'PATCH', url: `/api/v1/units/${unit.id}`, payload: { name: '偷改' } },
      { method: 'POST', url: `/api/v1/units/${unit.id}/deactivate` },
      { method: 'POST', url: `/api/v1/units/${unit.id}/reactivate` },
    ] as const) {
      const response = await test.app.inject({ ...route, headers: { ...outsider, 'if-match': '"1"' } });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(404);
    }
    const asParent = await create({ code: 'X1', name: '跨会单位', parentId: unit.id }, outsider);
    expect(asParent.statusCode).toBe(400);
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/units', headers: outsider });
    expect(list.json().total).toBe(0);
    expect(list.body).not.toContain(unit.id);
  });

  it('refuses writes to roles that do not manage units', async () => {
    expect((await create({ code: 'NO', name: '不行' }, as('member'))).statusCode).toBe(403);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/units', headers: as('auditor') })).statusCode).toBe(403);
  });
});
