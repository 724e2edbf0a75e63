import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createOrganizationWithDefaults } from './actions/create-organization.ts';
import { rejectionReasonCodes, resultClassCodes } from './orgs.defaults.ts';
import { seedDemoOrganization } from './orgs.seed.ts';
import { createCommitteeWithUsers, eventsOf } from './orgs.test-support.ts';

describe('committees and settings API', () => {
  let test: TestApp;
  let city: Awaited<ReturnType<typeof createCommitteeWithUsers>>;
  let other: Awaited<ReturnType<typeof createCommitteeWithUsers>>;

  beforeAll(async () => {
    test = await createTestApp();
    city = await createCommitteeWithUsers(test.dependencies, [
      'system_admin',
      'security_admin',
      'proposal_office',
      'member',
      'auditor',
    ]);
    other = await createCommitteeWithUsers(test.dependencies, ['system_admin', 'security_admin']);
  });
  afterAll(async () => test.close());

  const current = (headers: Record<string, string>) => test.app.inject({ method: 'GET', url: '/api/v1/orgs/current', headers });
  const patchSettings = (headers: Record<string, string>, payload: unknown, version: string | undefined) =>
    test.app.inject({
      method: 'PATCH',
      url: '/api/v1/orgs/current/settings',
      headers: version === undefined ? headers : { ...headers, 'if-match': version },
      payload: payload as object,
    });

  it('shows every user their own committee with the default settings and the version', async () => {
    for (const [headers, orgId] of [
      [city.as('member'), city.organization.id],
      [other.as('system_admin'), other.organization.id],
    ] as const) {
      const response = await current(headers);
      expect(response.statusCode).toBe(200);
      expect(response.headers.etag).toBe('"1"');
      const body = response.json();
      expect(body).toMatchObject({ id: orgId, level: 'city', timeZone: 'Asia/Shanghai', version: 1, parentName: null });
      expect(body.settings.proposals).toMatchObject({ replyDueMonths: 3, extensionMaxMonths: 6, adjustmentWindowWorkingDays: 5 });
      expect(body.settings.security).toMatchObject({ passwordMinLength: 8, lockoutThreshold: 5, idleTimeoutMinutes: 30 });
    }
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/orgs/current' })).statusCode).toBe(401);
  });

  it('lets the system administrator change business settings, keeping the rest, with If-Match and an event', async () => {
    const response = await patchSettings(
      city.as('system_admin'),
      { proposals: { replyDueMonths: 2 }, microSuggestionReplyWorkingDays: 10 },
      '"1"',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.json().settings.proposals).toMatchObject({ replyDueMonths: 2, extensionMaxMonths: 6 });
    expect(response.json().settings.microSuggestionReplyWorkingDays).toBe(10);
    const events = await eventsOf(test.dependencies, city.organization.id, 'organization.settings_updated');
    expect(events).toHaveLength(1);
    expect(events[0].before).toEqual({ 'proposals.replyDueMonths': 3, microSuggestionReplyWorkingDays: 15 });
    expect(events[0].after).toEqual({ 'proposals.replyDueMonths': 2, microSuggestionReplyWorkingDays: 10 });
  });

  it('answers a stale version with 409, a missing one with 428, and changes nothing', async () => {
    const stale = await patchSettings(city.as('system_admin'), { proposals: { replyDueMonths: 4 } }, '"1"');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const missing = await patchSettings(city.as('system_admin'), { proposals: { replyDueMonths: 4 } }, undefined);
    expect(missing.statusCode).toBe(428);
    expect((await current(city.as('member'))).json().settings.proposals.replyDueMonths).toBe(2);
  });

  it('keeps security settings to the security administrator and business settings to the system administrator', async () => {
    const bySystem = await patchSettings(city.as('system_admin'), { security: { lockoutMinutes: 30 } }, '"2"');
    expect(bySystem.statusCode).toBe(403);
    expect(bySystem.json().detail).toContain('安全管理员');
    const byOffice = await patchSettings(city.as('proposal_office'), { proposals: { replyDueMonths: 1 } }, '"2"');
    expect(byOffice.statusCode).toBe(403);
    const bySecurityOnBusiness = await patchSettings(city.as('security_admin'), { opinionReportMaxCharacters: 2000 }, '"2"');
    expect(bySecurityOnBusiness.statusCode).toBe(403);
    const bySecurity = await patchSettings(
      city.as('security_admin'),
      { security: { lockoutMinutes: 30, passwordMinLength: 10 } },
      '"2"',
    );
    expect(bySecurity.statusCode).toBe(200);
    expect(bySecurity.json().settings.security).toMatchObject({ lockoutMinutes: 30, passwordMinLength: 10, lockoutThreshold: 5 });
    expect(bySecurity.json().settings.proposals.replyDueMonths).toBe(2);
  });

  it.each([
    [{ security: { idleTimeoutMinutes: 60 } }, 'security.idleTimeoutMinutes'],
    [{ proposals: { replyDueMonths: 'three' } }, 'proposals.replyDueMonths'],
    [{ proposals: { unknownRule: 1 } }, 'proposals'],
    [{ colour: 'red' }, '(整体)'],
    [{ proposals: { resultClasses: [] } }, 'proposals.resultClasses'],
    [
      {
        proposals: {
          resultClasses: [
            { code: 'A', name: '已解决' },
            { code: 'a', name: '又一个 A' },
          ],
        },
      },
      'proposals.resultClasses',
    ],
    [{ proposals: { resultClasses: [{ code: 'A', name: ' ' }] } }, 'proposals.resultClasses.0.name'],
  ])('refuses %j with a 400 naming %s', async (payload, field) => {
    const headers = 'security' in payload ? city.as('security_admin') : city.as('system_admin');
    const response = await patchSettings(headers, payload, '"3"');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('refuses settings that contradict each other with 422', async () => {
    const response = await patchSettings(city.as('system_admin'), { proposals: { extensionMaxMonths: 1 } }, '"3"');
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { field: 'proposals.extensionMaxMonths', message: '延期后的最长办理期限不能短于答复期限' },
    ]);
  });

  it('lets the system administrator replace the result class scheme; the units then reply with the new codes', async () => {
    const version = (await current(city.as('system_admin'))).json().version;
    const scheme = [
      { code: '甲', name: '已经解决', needsFollowUp: false },
      { code: '乙', name: '正在解决', needsFollowUp: true },
    ];
    const response = await patchSettings(city.as('system_admin'), { proposals: { resultClasses: scheme } }, `"${version}"`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().settings.proposals.resultClasses).toEqual(scheme);
    expect(response.json().settings.proposals.replyDueMonths).toBe(2);
  });

  it('changes only the actor’s own committee', async () => {
    const response = await patchSettings(other.as('system_admin'), { proposals: { replyDueMonths: 5 } }, '"1"');
    expect(response.statusCode).toBe(200);
    expect(response.json().id).toBe(other.organization.id);
    expect((await current(city.as('member'))).json().settings.proposals.replyDueMonths).toBe(2);
  });

  it('lets the system administrator create a subordinate committee with defaults, and list it', async () => {
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: city.as('system_admin'),
      payload: { code: 'test-county', name: '测试县政协', level: 'county' },
    });
    expect(created.statusCode).toBe(201);
    const child = created.json();
    expect(child).toMatchObject({ parentId: city.organization.id, code: 'test-county', level: 'county' });
    const pool = test.dependencies.database.pool;
    const dictionaries = await pool.query(
      'select kind, count(*)::int as count from dictionary_entries where org_id = $1 group by kind',
      [child.id],
    );
    expect(Object.fromEntries(dictionaries.rows.map((row) => [row.kind, row.count]))).toEqual({
      sector: 33,
      party: 10,
      committee: 9,
      group: 10,
      proposal_category: 12,
      rejection_reason: 10,
      result_class: 3,
    });
    const days = await pool.query('select count(*)::int as count from calendar_days where org_id = $1', [child.id]);
    expect(days.rows[0].count).toBe(72);
    expect(await eventsOf(test.dependencies, city.organization.id, 'organization.child_created')).toHaveLength(1);
    expect(await eventsOf(test.dependencies, child.id, 'organization.created')).toHaveLength(1);

    const children = await test.app.inject({ method: 'GET', url: '/api/v1/orgs/children', headers: city.as('proposal_office') });
    expect(children.json().items.map((item: { code: string }) => item.code)).toEqual(['test-county']);
    const otherChildren = await test.app.inject({
      method: 'GET',
      url: '/api/v1/orgs/children',
      headers: other.as('system_admin'),
    });
    expect(otherChildren.json().items).toEqual([]);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/orgs/children', headers: city.as('member') })).statusCode).toBe(
      403,
    );
  });

  it.each([
    ['proposal_office', { code: 'x-county', name: '某县政协', level: 'county' }, 403, 'forbidden'],
    ['system_admin', { code: 'x-city', name: '某市政协', level: 'city' }, 422, 'level_not_below_parent'],
    ['system_admin', { code: 'x-prov', name: '某省政协', level: 'province' }, 422, 'level_not_below_parent'],
    ['system_admin', { code: 'test-county', name: '重复', level: 'county' }, 409, 'duplicate_organization_code'],
    ['system_admin', { code: 'Bad Code', name: '某县政协', level: 'county' }, 400, 'validation_failed'],
    ['system_admin', { code: 'ok-code', name: '', level: 'county' }, 400, 'validation_failed'],
    ['system_admin', { code: 'ok-code', name: '某县政协', level: 'village' }, 400, 'validation_failed'],
  ] as const)('refuses %s creating %j with %i %s', async (role, payload, status, code) => {
    const response = await test.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: city.as(role), payload });
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
  });

  it('lets nothing but the system administrator of a committee with room below create children', async () => {
    const county = await createOrganization(test.dependencies, { level: 'county' });
    const admin = await createUser(test.dependencies, { orgId: county.id, roles: ['system_admin'] });
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: await signIn(test.dependencies, admin),
      payload: { code: 'below-county', name: '乡镇', level: 'county' },
    });
    expect(response.statusCode).toBe(422);
  });

  it('creates committees with defaults directly, for seeds and scripts, and refuses a used code', async () => {
    const database = test.dependencies.database;
    const row = await database.orm.transaction((tx) =>
      createOrganizationWithDefaults(tx, test.dependencies, {
        code: 'script-made',
        name: '脚本政协',
        level: 'province',
        parentId: null,
      }),
    );
    const codes = await database.pool.query<{ code: string }>(
      "select code from dictionary_entries where org_id = $1 and kind in ('rejection_reason', 'result_class') order by kind, sort_order",
      [row.id],
    );
    expect(codes.rows.map((item) => item.code)).toEqual([...rejectionReasonCodes, ...resultClassCodes]);
    await expect(
      database.orm.transaction((tx) =>
        createOrganizationWithDefaults(tx, test.dependencies, {
          code: 'script-made',
          name: '重复',
          level: 'city',
          parentId: null,
        }),
      ),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('seeds the demo city, its district, the term and five sessions with the 2026 one current', async () => {
    const seeded = await test.dependencies.database.orm.transaction((tx) => seedDemoOrganization(tx, test.dependencies));
    expect(seeded.sessionIds).toHaveLength(5);
    const pool = test.dependencies.database.pool;
    const organizations = await pool.query(
      'select code, name, level, parent_id from organizations where id = any($1) order by code',
      [[seeded.organizationId, seeded.districtId]],
    );
    expect(organizations.rows).toEqual([
      { code: 'demo-city', name: '示例市政协', level: 'city', parent_id: null },
      { code: 'demo-district', name: '示例区政协', level: 'county', parent_id: seeded.organizationId },
    ]);
    const sessions = await pool.query(
      'select name, year, plenary_starts_on, is_current from sessions where org_id = $1 order by number',
      [seeded.organizationId],
    );
    expect(sessions.rows.map((row) => [row.name, row.year, row.is_current])).toEqual([
      ['十届一次会议', 2022, false],
      ['十届二次会议', 2023, false],
      ['十届三次会议', 2024, false],
      ['十届四次会议', 2025, false],
      ['十届五次会议', 2026, true],
    ]);
    expect(sessions.rows.every((row) => row.plenary_starts_on.slice(5, 7) === '01')).toBe(true);
    const current = await pool.query('select id from sessions where org_id = $1 and is_current', [seeded.organizationId]);
    expect(current.rows[0].id).toBe(seeded.currentSessionId);
  });
});
