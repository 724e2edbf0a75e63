import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIdNumber, isValidMobile } from '../../../contracts/people.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seedDemoIfEmpty } from '../demo-seed.ts';
import { DEMO_PASSWORD } from './people.seed.ts';

describe('demo data', () => {
  let test: TestApp;
  const query = async <T extends Record<string, unknown>>(sql: string, values: unknown[] = []) =>
    (await test.dependencies.database.pool.query<T>(sql, values)).rows;

  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => test.close());

  it('reports no demo on an empty database, and never seeds in production', async () => {
    const environment = await test.app.inject({ method: 'GET', url: '/api/v1/environment' });
    expect(environment.statusCode).toBe(200);
    expect(environment.json()).toEqual({ demo: false, productName: '数字政协' });
    const production = { ...test.dependencies, config: { ...test.dependencies.config, production: true } };
    expect(await seedDemoIfEmpty(production)).toBeNull();
    expect(await query('select id from organizations')).toEqual([]);
  });

  it('seeds the demo committee once, with an account for every role', async () => {
    const accounts = await seedDemoIfEmpty(test.dependencies);
    expect(accounts?.map((account) => account.username)).toEqual([
      'admin',
      'security',
      'auditor',
      'office',
      'member1',
      'member2',
      'member3',
      'member4',
      'member5',
      'unit1',
      'unit2',
      'unit3',
      'unitleader1',
      'leader1',
      'supervisor1',
      'info1',
      'station1',
    ]);
    expect(accounts?.every((account) => account.description.length > 0)).toBe(true);
    expect(await seedDemoIfEmpty(test.dependencies)).toBeNull();
    const roles = await query<{ username: string; role: string }>(
      'select u.username, r.role from users u join user_roles r on r.user_id = u.id and r.org_id = u.org_id order by u.username',
    );
    const held = new Set(roles.map((row) => row.role));
    for (const role of [
      'system_admin',
      'security_admin',
      'auditor',
      'proposal_office',
      'member',
      'unit_handler',
      'unit_leader',
      'leader',
      'supervisor',
      'information_office',
      'station_staff',
    ]) {
      expect(held.has(role), role).toBe(true);
    }
  });

  it('trains the routing models on the filed demo proposals, so suggestions show at once', async () => {
    const models = await query<{ target: string; example_count: number }>(
      'select target, example_count from routing_models order by target',
    );
    expect(models.map((model) => model.target)).toEqual(['category', 'unit']);
    expect(models.every((model) => model.example_count > 0)).toBe(true);
  });

  it('gives realistic members and units of 示例市', async () => {
    const [org] = await query<{ id: string }>("select id from organizations where code = 'demo-city'");
    const members = await query<{
      name: string;
      sector_id: string;
      party_id: string;
      id_number_encrypted: string;
      mobile_encrypted: string;
    }>('select name, sector_id, party_id, id_number_encrypted, mobile_encrypted from members where org_id = $1', [org.id]);
    expect(members.length).toBe(60);
    expect(new Set(members.map((member) => member.name)).size).toBe(60);
    expect(members.every((member) => /^[\u4e00-\u9fa5]{2,3}$/.test(member.name))).toBe(true);
    expect(new Set(members.map((member) => member.sector_id)).size).toBeGreaterThan(20);
    expect(new Set(members.map((member) => member.party_id)).size).toBeGreaterThan(5);
    for (const member of members) {
      expect(isValidIdNumber(test.dependencies.cipher.decrypt(member.id_number_encrypted))).toBe(true);
      expect(isValidMobile(test.dependencies.cipher.decrypt(member.mobile_encrypted))).toBe(true);
    }
    const units = await query<{ name: string }>('select name from units where org_id = $1', [org.id]);
    expect(units.length).toBeGreaterThanOrEqual(25);
    expect(units.map((unit) => unit.name)).toEqual(
      expect.arrayContaining(['市发展和改革委员会', '市教育局', '市数据局', '市医疗保障局']),
    );
  });

  it('links member and unit accounts, sets the published password, and needs no password change', async () => {
    const users = await query<{
      username: string;
      password_hash: string;
      must_change_password: boolean;
      member_id: string;
      unit_id: string;
      demo: boolean;
    }>('select username, password_hash, must_change_password, member_id, unit_id, demo from users');
    expect(users.every((user) => user.demo && !user.must_change_password)).toBe(true);
    const byName = new Map(users.map((user) => [user.username, user]));
    expect(byName.get('member1')?.member_id).toBeTruthy();
    expect(byName.get('unit3')?.unit_id).toBeTruthy();
    expect(byName.get('unitleader1')?.unit_id).toBe(byName.get('unit1')?.unit_id);
    expect(await verifyPassword(byName.get('admin')!.password_hash, DEMO_PASSWORD)).toBe(true);
    const events = await query<{ type: string }>("select type from events where type = 'people.demo_seeded'");
    expect(events).toHaveLength(1);
  });

  it('logs in as a demo account and reports the demo environment until demo accounts are disabled', async () => {
    const login = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'office', password: DEMO_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/environment' })).json().demo).toBe(true);
    await query("update users set state = 'disabled' where demo");
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/environment' })).json().demo).toBe(false);
  });
});
