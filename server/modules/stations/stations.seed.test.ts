import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seedDemoIfEmpty } from '../demo-seed.ts';

describe('demo stations', () => {
  let test: TestApp;
  const query = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
    (await test.dependencies.database.pool.query<T>(text, values)).rows;

  beforeAll(async () => {
    test = await createTestApp({ seedDemo: true });
    await seedDemoIfEmpty(test.dependencies);
  });
  afterAll(async () => test.close());

  it('seeds a station and a studio with members, a week of visits, duty days and the station1 account', async () => {
    const stations = await query<{ id: string; name: string; kind: string; members: number }>(
      `select s.id, s.name, s.kind, (select count(*)::int from station_members m where m.station_id = s.id) as members
       from stations s order by s.sort_order`,
    );
    expect(stations.map((row) => row.kind)).toEqual(['station', 'studio']);
    expect(stations[0].name).toBe('城关街道委员联络站');
    expect(stations.every((row) => row.members >= 2)).toBe(true);
    const states = await query<{ state: string; total: number }>(
      'select state, count(*)::int as total from station_visits group by state order by state',
    );
    expect(Object.fromEntries(states.map((row) => [row.state, row.total]))).toEqual({ closed: 5, converted: 2, open: 2 });
    const raised = await query<{ total: number }>(
      `select count(*)::int as total from station_visits v join micro_suggestions m
       on m.org_id = v.org_id and m.id = v.micro_suggestion_id where m.source = 'station_visit'`,
    );
    expect(raised[0].total).toBe(2);
    const duties = await query<{ total: number }>('select count(*)::int as total from station_duty_days');
    expect(duties[0].total).toBeGreaterThan(10);
    const [account] = await query<{ station_id: string; role: string; demo: boolean }>(
      `select u.station_id, r.role, u.demo from users u join user_roles r on r.user_id = u.id where u.username = 'station1'`,
    );
    expect(account).toEqual({ station_id: stations[0].id, role: 'station_staff', demo: true });
    const login = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'station1', password: 'Demo@2026' },
    });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().user).toMatchObject({ roles: ['station_staff'], stationId: stations[0].id });
  });
});
