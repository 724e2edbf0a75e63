/**
 * The member roster per role: party, ethnicity and birth year (and the masked ID number and mobile) only for the
 * proposal office and the system administrator; every other reader sees names, sectors and groups. The rule is in
 * the presenter, so every route that returns members obeys it — list, detail and the Excel export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, roles } from '../../../contracts/roles.ts';
import { createTenantWithUsers } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createMemberDictionaries, idNumber, rowsOf } from './people.test-support.ts';

const fullView: Role[] = ['system_admin', 'proposal_office'];
const noRoster: Role[] = ['security_admin', 'auditor'];

describe('the member roster, every role', () => {
  let test: TestApp;
  let tenant: Awaited<ReturnType<typeof createTenantWithUsers>>;
  let memberId: string;
  let dictionary: Record<string, string>;
  const get = (url: string, role: Role) =>
    test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: tenant.people[role].headers });

  beforeAll(async () => {
    test = await createTestApp();
    tenant = await createTenantWithUsers(test.dependencies, [...roles]);
    dictionary = await createMemberDictionaries(test.dependencies, tenant.organization.id);
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: tenant.people.proposal_office.headers,
      payload: {
        name: '冯建华',
        gender: 'male',
        birthYear: 1966,
        ethnicity: '回族',
        sectorId: dictionary['经济界'],
        partyId: dictionary['民盟'],
        groupId: dictionary['第一组'],
        idNumber: idNumber('19660512', 21),
        mobile: '13712345678',
      },
    });
    expect(created.statusCode).toBe(201);
    memberId = created.json().id;
  });
  afterAll(async () => test.close());

  it.each(roles.map((role) => [role]))('%s', async (role) => {
    const list = await get('/members', role);
    const detail = await get(`/members/${memberId}`, role);
    const exported = await get('/members/export.xlsx', role);
    if (noRoster.includes(role)) {
      for (const response of [list, detail, exported]) expect(response.statusCode).toBe(403);
      return;
    }
    expect(list.statusCode).toBe(200);
    expect(detail.statusCode).toBe(200);
    expect(exported.statusCode).toBe(200);
    const [listed] = list.json().items;
    const shared = {
      name: '冯建华',
      sector: { id: dictionary['经济界'], name: '经济界' },
      group: { id: dictionary['第一组'], name: '第一组' },
    };
    const sheet = (await rowsOf(exported.rawPayload)).map((row) => row.join('|')).join('\n');
    if (fullView.includes(role)) {
      const full = {
        ...shared,
        birthYear: 1966,
        ethnicity: '回族',
        party: { id: dictionary['民盟'], name: '民盟' },
        idNumberMasked: expect.stringMatching(/^110101\*+/),
        mobileMasked: '137****5678',
        fieldsHidden: false,
      };
      expect(listed).toMatchObject(full);
      expect(detail.json()).toMatchObject(full);
      expect(sheet).toContain('民盟');
      expect(sheet).toContain('回族');
      expect(sheet).toContain('1966');
    } else {
      const roster = {
        ...shared,
        birthYear: null,
        ethnicity: null,
        party: null,
        idNumberMasked: null,
        mobileMasked: null,
        fieldsHidden: true,
      };
      expect(listed).toMatchObject(roster);
      expect(detail.json()).toMatchObject(roster);
      expect(sheet).toContain('冯建华');
      expect(sheet).not.toContain('民盟');
      expect(sheet).not.toContain('回族');
      expect(sheet).not.toContain('1966');
      expect(sheet).not.toContain('5678');
    }
  });

  it('lets only the office and the system administrator find members by party', async () => {
    for (const role of roles.filter((name) => !noRoster.includes(name))) {
      const response = await get(`/members?partyId=${dictionary['民盟']}`, role);
      if (fullView.includes(role)) {
        expect(response.statusCode, role).toBe(200);
        expect(response.json().items.map((item: { id: string }) => item.id)).toEqual([memberId]);
      } else {
        expect(response.statusCode, role).toBe(403);
        expect(response.json().detail).toContain('党派');
      }
    }
  });
});
