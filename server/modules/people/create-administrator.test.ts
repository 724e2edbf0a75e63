import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../scripts/create-admin.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createAdministrator } from './actions/create-administrator.ts';

describe('create-admin', () => {
  let test: TestApp;
  const query = async (sql: string, values: unknown[] = []) => (await test.dependencies.database.pool.query(sql, values)).rows;

  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => test.close());

  it('parses the command line and explains mistakes in Chinese', () => {
    expect(
      parseCommandLine(['--org-code', 'hz', '--org-name', '杭州市政协', '--level', 'city', '--username', 'hzadmin']),
    ).toEqual({
      request: { orgCode: 'hz', orgName: '杭州市政协', level: 'city', username: 'hzadmin' },
    });
    const bad = parseCommandLine(['--org-code', 'HZ!', '--level', 'planet', '--username', 'a']);
    expect('problems' in bad && bad.problems.join('\n')).toMatch(/--org-code[\s\S]*--level[\s\S]*--username/);
    expect(parseCommandLine(['--oops'])).toEqual({ problems: [expect.stringContaining('参数无法识别')] });
  });

  it('creates the committee with its defaults and a system administrator who must change the password', async () => {
    const result = await createAdministrator(test.dependencies, {
      orgCode: 'hz',
      orgName: '杭州市政协',
      level: 'city',
      username: 'hzadmin',
    });
    expect(result.organizationCreated).toBe(true);
    expect(result.password.length).toBeGreaterThanOrEqual(16);
    const [user] = await query('select username, password_hash, must_change_password, org_id from users where id = $1', [
      result.userId,
    ]);
    expect(user).toMatchObject({ username: 'hzadmin', must_change_password: true, org_id: result.organizationId });
    expect(await verifyPassword(user.password_hash, result.password)).toBe(true);
    expect(await query('select role from user_roles where user_id = $1', [result.userId])).toEqual([{ role: 'system_admin' }]);
    const sectors = await query("select count(*)::int as n from dictionary_entries where org_id = $1 and kind = 'sector'", [
      result.organizationId,
    ]);
    expect(sectors[0].n).toBeGreaterThan(10);
    const events = await query('select type, after::text as after from events where org_id = $1 order by sequence', [
      result.organizationId,
    ]);
    expect(events.map((event) => event.type)).toEqual(['organization.created', 'user.created']);
    expect(events[1].after).not.toContain(result.password);
  });

  it('adds an administrator to an existing committee, and refuses a username in use', async () => {
    const second = await createAdministrator(test.dependencies, { orgCode: 'hz', level: 'city', username: 'hzadmin2' });
    expect(second.organizationCreated).toBe(false);
    await expect(
      createAdministrator(test.dependencies, { orgCode: 'hz', level: 'city', username: 'hzadmin' }),
    ).rejects.toMatchObject({
      status: 409,
      detail: expect.stringContaining('已被使用'),
    });
    await expect(
      createAdministrator(test.dependencies, { orgCode: 'nowhere', level: 'city', username: 'lost' }),
    ).rejects.toMatchObject({
      status: 409,
      detail: expect.stringContaining('--org-name'),
    });
    expect(await query("select id from users where username = 'lost'")).toEqual([]);
  });
});
