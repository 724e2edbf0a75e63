import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCalendar } from './orgs.calendar.ts';
import { createCommitteeWithUsers, eventsOf } from './orgs.test-support.ts';

describe('calendar API', () => {
  let test: TestApp;
  let city: Awaited<ReturnType<typeof createCommitteeWithUsers>>;
  let other: Awaited<ReturnType<typeof createCommitteeWithUsers>>;

  beforeAll(async () => {
    test = await createTestApp();
    city = await createCommitteeWithUsers(test.dependencies, ['system_admin', 'proposal_office', 'member']);
    other = await createCommitteeWithUsers(test.dependencies, ['system_admin', 'proposal_office', 'member']);
  });
  afterAll(async () => test.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
    test.app.inject({ method, url: `/api/v1${url}`, headers, payload });
  const days = async (year: number, headers = city.as('member')) =>
    (await call('GET', `/calendar/days?year=${year}`, headers)).json().items as { day: string; kind: string; name: string }[];
  const compute = (query: string, headers = city.as('member')) => call('GET', `/calendar/compute?${query}`, headers);

  it('starts every committee with the official 2025 and 2026 schedule', async () => {
    const year2025 = await days(2025);
    expect(year2025).toHaveLength(33);
    expect(year2025[0]).toEqual({ day: '2025-01-01', kind: 'holiday', name: '元旦' });
    expect(year2025).toContainEqual({ day: '2025-02-08', kind: 'workday', name: '春节调休上班' });
    expect(await days(2026)).toHaveLength(39);
    expect(await days(2024)).toEqual([]);
  });

  it.each([
    ['from=2025-07-01&months=3', { dueDate: '2025-10-09', movedFrom: '2025-10-01' }],
    ['from=2025-01-15&months=3', { dueDate: '2025-04-15', movedFrom: null }],
    ['from=2025-01-31&months=1', { dueDate: '2025-02-28', movedFrom: null }],
    ['from=2025-01-24&workingDays=5', { dueDate: '2025-02-07', movedFrom: null }],
    ['from=2025-09-26&workingDays=15', { dueDate: '2025-10-23', movedFrom: null }],
    ['from=2025-01-27&months=1&workingDays=1', { dueDate: '2025-02-28', months: 1, workingDays: 1 }],
  ])('computes the deadline for %s', async (query, expected) => {
    const response = await compute(query);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject(expected);
  });

  it.each([
    ['from=2025-02-30&months=1', 'from'],
    ['from=2025-07-01', 'months'],
    ['from=2025-07-01&months=-1', 'months'],
    ['from=2025-07-01&workingDays=abc', 'workingDays'],
    ['months=3', 'from'],
    ['from=9999-12-31&months=120', 'from'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const response = await compute(query);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('marks a local holiday and a make-up workday; the deadline helper and loadCalendar follow', async () => {
    const holiday = await call('PUT', '/calendar/days/2025-04-15', city.as('proposal_office'), {
      kind: 'holiday',
      name: '地方节日',
    });
    expect(holiday.statusCode).toBe(200);
    expect(holiday.json()).toEqual({ day: '2025-04-15', kind: 'holiday', name: '地方节日' });
    expect((await compute('from=2025-01-15&months=3')).json()).toMatchObject({ dueDate: '2025-04-16', movedFrom: '2025-04-15' });
    const replaced = await call('PUT', '/calendar/days/2025-04-15', city.as('system_admin'), {
      kind: 'holiday',
      name: '地方节日（改）',
    });
    expect(replaced.json().name).toBe('地方节日（改）');
    const events = await eventsOf(test.dependencies, city.organization.id, 'calendar.day_set');
    expect(events).toHaveLength(2);
    expect(events[1].before).toEqual({ day: '2025-04-15', kind: 'holiday', name: '地方节日' });

    const calendar = await loadCalendar(test.dependencies.database.orm, city.organization.id);
    expect(calendar.isWorkingDay('2025-04-15')).toBe(false);
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true);
    expect(calendar.timeZone).toBe('Asia/Shanghai');
    expect(calendar.today(new Date('2025-04-14T16:30:00Z'))).toBe('2025-04-15');
    const untouched = await loadCalendar(test.dependencies.database.orm, other.organization.id);
    expect(untouched.isWorkingDay('2025-04-15')).toBe(true);
  });

  it('removes a listed day, and answers 404 for a day that is not listed', async () => {
    const removed = await call('DELETE', '/calendar/days/2025-04-15', city.as('system_admin'));
    expect(removed.statusCode).toBe(204);
    expect((await compute('from=2025-01-15&months=3')).json().dueDate).toBe('2025-04-15');
    expect((await call('DELETE', '/calendar/days/2025-04-15', city.as('system_admin'))).statusCode).toBe(404);
    expect(await eventsOf(test.dependencies, city.organization.id, 'calendar.day_removed')).toHaveLength(1);
  });

  it.each([
    ['PUT', '/calendar/days/2025-13-01', { kind: 'holiday', name: 'x' }, 400],
    ['PUT', '/calendar/days/2025-05-06', { kind: 'vacation', name: 'x' }, 400],
    ['PUT', '/calendar/days/2025-05-06', { kind: 'holiday', name: 'x'.repeat(51) }, 400],
    ['DELETE', '/calendar/days/not-a-date', undefined, 400],
    ['GET', '/calendar/days?year=abc', undefined, 400],
    ['GET', '/calendar/days', undefined, 400],
  ] as const)('refuses %s %s with %i', async (method, url, payload, status) => {
    const response = await call(method, url, city.as('system_admin'), payload);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps the calendar to the system administrator and the proposal office', async () => {
    expect((await call('PUT', '/calendar/days/2025-05-06', city.as('member'), { kind: 'holiday', name: 'x' })).statusCode).toBe(
      403,
    );
    expect((await call('DELETE', '/calendar/days/2025-01-01', city.as('member'))).statusCode).toBe(403);
    const imported = await call('POST', '/calendar/import', city.as('member'), {
      csv: 'date,kind,name\n2027-01-01,holiday,元旦',
    });
    expect(imported.statusCode).toBe(403);
    expect(await days(2027)).toEqual([]);
  });

  it('imports a valid file in one go: creates new days, replaces listed ones', async () => {
    const csv =
      '\uFEFFdate,kind,name\r\n2027-01-01,holiday,元旦\r\n2027-02-06,workday,春节调休上班\r\n2025-01-01,holiday,元旦（新年）\r\n';
    const response = await call('POST', '/calendar/import', city.as('proposal_office'), { csv });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 3, created: 2, updated: 1 });
    expect(await days(2027)).toEqual([
      { day: '2027-01-01', kind: 'holiday', name: '元旦' },
      { day: '2027-02-06', kind: 'workday', name: '春节调休上班' },
    ]);
    expect((await days(2025))[0].name).toBe('元旦（新年）');
    const [event] = await eventsOf(test.dependencies, city.organization.id, 'calendar.imported');
    expect(event.summary).toContain('新增 2，更新 1');
  });

  it('refuses a file with any bad row: 400 listing each row error, nothing written', async () => {
    const csv = 'date,kind,name\n2028-01-01,holiday,元旦\n2028/01/02,holiday,x\n2028-01-03,vacation,y\n2028-02-30,holiday,z';
    const response = await call('POST', '/calendar/import', city.as('system_admin'), { csv });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('calendar_import_invalid');
    expect(body.errors).toEqual([
      { field: '第3行.date', message: '日期格式应为 YYYY-MM-DD' },
      { field: '第4行.kind', message: '类型应为 holiday（放假）或 workday（调休上班）' },
      { field: '第5行.date', message: '没有这一天：2028-02-30' },
    ]);
    expect(body.detail).toContain('未导入任何数据');
    expect(await days(2028)).toEqual([]);
    const header = await call('POST', '/calendar/import', city.as('system_admin'), { csv: 'foo,bar\n1,2' });
    expect(header.json().errors).toEqual([{ field: '第1行', message: '表头应为 date,kind,name（日期,类型,名称）' }]);
    for (const payload of [{}, { csv: '' }, { csv: 42 }]) {
      expect((await call('POST', '/calendar/import', city.as('system_admin'), payload)).statusCode).toBe(400);
    }
  });

  it('keeps committees apart: another committee neither sees nor changes this calendar', async () => {
    await call('PUT', '/calendar/days/2025-06-16', city.as('system_admin'), { kind: 'holiday', name: '本会专属' });
    for (const role of ['system_admin', 'proposal_office', 'member'] as const) {
      const headers = other.as(role);
      expect((await days(2025, headers)).map((item) => item.day)).not.toContain('2025-06-16');
      expect((await days(2027, headers)).map((item) => item.day)).toEqual([]);
      expect((await call('DELETE', '/calendar/days/2025-06-16', headers)).statusCode).toBe(404);
      expect((await call('DELETE', '/calendar/days/2027-02-06', headers)).statusCode).toBe(404);
      expect((await compute('from=2025-06-13&workingDays=1', headers)).json().dueDate).toBe('2025-06-16');
    }
    expect((await compute('from=2025-06-13&workingDays=1')).json().dueDate).toBe('2025-06-17');
    expect((await days(2025)).map((item) => item.day)).toContain('2025-06-16');
  });
});
