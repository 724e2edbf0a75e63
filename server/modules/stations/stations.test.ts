import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../platform/jobs/job-runner.ts';
import { phoneSmsJobs } from '../../platform/notify/phone-sms.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  addStationStaff,
  createStationCommittee,
  type Json,
  type StationCommittee,
  stationRequest,
} from './stations.test-support.ts';

const TODAY = '2026-03-10';
const PHONE = '13912345678';

describe('liaison stations and member studios API', () => {
  let test: TestApp;
  let city: StationCommittee;
  let other: StationCommittee;
  let request: ReturnType<typeof stationRequest>;
  let stationA: Json;
  let stationB: Json;
  let logFile: string;

  beforeAll(async () => {
    logFile = join(mkdtempSync(join(tmpdir(), 'stations-sms-')), 'notifications.log');
    test = await createTestApp({ notifyLogFile: logFile });
    test.setNow(new Date(`${TODAY}T02:00:00Z`));
    city = await createStationCommittee(test);
    other = await createStationCommittee(test);
    request = stationRequest(test, city);
  });
  afterAll(async () => test.close());

  describe('the office keeps the list', () => {
    it('creates stations and studios with attached members; others may not', async () => {
      const body = {
        name: '城关街道委员联络站',
        kind: 'station',
        address: '示例市城关街道人民路 12 号',
        openingHours: '每周二、周四 9:00–11:30',
        memberIds: [city.memberIds.member1, city.memberIds.member2],
      };
      for (const who of ['member1', 'unit', 'leader', 'admin'] as const) {
        expect((await request('POST', '/stations', who, body)).statusCode, who).toBe(403);
      }
      const created = await request('POST', '/stations', 'office', body, { key: 'station-a' });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      stationA = created.json();
      expect(stationA).toMatchObject({
        name: body.name,
        kind: 'station',
        kindName: '委员联络站',
        active: true,
        members: [
          { id: city.memberIds.member1, name: '王建国' },
          { id: city.memberIds.member2, name: '李秀英' },
        ],
        staff: [],
        version: 1,
      });
      // A retry with the same key replays the first answer and adds nothing.
      const retried = await request('POST', '/stations', 'office', body, { key: 'station-a' });
      expect(retried.statusCode).toBe(201);
      expect(retried.headers['idempotent-replayed']).toBe('true');
      expect(retried.json().id).toBe(stationA.id);
      const duplicate = await request('POST', '/stations', 'office', body);
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().code).toBe('duplicate_station');

      const studio = await request('POST', '/stations', 'office', {
        name: '李秀英委员工作室',
        kind: 'studio',
        address: '示例市东湖社区服务中心 2 楼',
        openingHours: '每月第一个周六 14:00–17:00',
        memberIds: [city.memberIds.member3],
      });
      expect(studio.statusCode, studio.body).toBe(201);
      stationB = studio.json();
      const list = (await request('GET', '/stations', 'member1')).json().items as Json[];
      expect(list.map((item) => item.name)).toEqual(['城关街道委员联络站', '李秀英委员工作室']);
      expect((await request('GET', '/stations?kind=studio', 'admin')).json().items).toHaveLength(1);
    });

    it('refuses bad input with a clear 4xx', async () => {
      const bad = await request('POST', '/stations', 'office', { name: '', kind: 'shop', address: 'x', openingHours: 'y' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().detail).toMatch(/[\u4e00-\u9fff]/);
      const unknownMember = await request('POST', '/stations', 'office', {
        name: '新站',
        kind: 'station',
        address: '某地',
        openingHours: '工作日',
        memberIds: [other.memberIds.member1],
      });
      expect(unknownMember.statusCode).toBe(422);
      expect(unknownMember.json().code).toBe('unknown_member');
      expect((await request('GET', '/stations/not-an-id', 'office')).statusCode).toBe(400);
      expect((await request('GET', '/stations?active=maybe', 'office')).statusCode).toBe(400);
    });

    it('updates at the version the client saw (If-Match), 409 on a stale one, 428 without', async () => {
      const changed = await request(
        'PATCH',
        `/stations/${stationA.id}`,
        'office',
        { openingHours: '每周二至周五 9:00–11:30', memberIds: [city.memberIds.member1, city.memberIds.member2] },
        { version: 1 },
      );
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ openingHours: '每周二至周五 9:00–11:30', version: 2 });
      const stale = await request('PATCH', `/stations/${stationA.id}`, 'office', { address: '别处' }, { version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('version_conflict');
      expect((await request('PATCH', `/stations/${stationA.id}`, 'office', { address: '别处' })).statusCode).toBe(428);
      expect(
        (await request('PATCH', `/stations/${stationA.id}`, 'member1', { address: '别处' }, { version: 2 })).statusCode,
      ).toBe(403);
      stationA = changed.json();
    });

    it('links station staff accounts: the role needs a station, and the station lists its staff', async () => {
      const missing = await request('POST', '/users', 'admin', {
        username: `station-${city.code}`,
        displayName: '联络站值班员',
        roles: ['station_staff'],
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().errors).toEqual([{ field: 'stationId', message: '联络站工作人员须关联一个联络站或工作室' }]);
      const foreign = await request('POST', '/users', 'admin', {
        username: `station-${city.code}`,
        displayName: '联络站值班员',
        roles: ['station_staff'],
        stationId: '01900000-0000-7000-8000-000000000000',
      });
      expect(foreign.statusCode).toBe(400);
      const created = await request('POST', '/users', 'admin', {
        username: `station-${city.code}`,
        displayName: '联络站值班员',
        roles: ['station_staff'],
        stationId: stationA.id,
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().user.station).toEqual({ id: stationA.id, name: stationA.name });
      const station = (await request('GET', `/stations/${stationA.id}`, 'office')).json();
      expect(station.staff).toEqual([{ id: created.json().user.id, name: '联络站值班员' }]);

      await addStationStaff(test, city, 'staffA', stationA.id);
      await addStationStaff(test, city, 'staffB', stationB.id);
      const me = await request('GET', '/auth/me', 'staffA');
      expect(me.json()).toMatchObject({ roles: ['station_staff'], stationId: stationA.id });
    });
  });

  describe('visits', () => {
    let visit: Json;

    it('station staff record a visit at their station; the visitor is encrypted at rest and masked', async () => {
      const created = await request(
        'POST',
        '/station-visits',
        'staffA',
        {
          visitDate: TODAY,
          visitorName: '赵晓燕',
          visitorPhone: PHONE,
          visitorCount: 3,
          matter: '小区门口路灯坏了一个多月，晚上出行不安全。',
          memberIds: [city.memberIds.member2, city.memberIds.member1],
        },
        { key: 'visit-1' },
      );
      expect(created.statusCode, created.body).toBe(201);
      visit = created.json();
      expect(visit).toMatchObject({
        station: { id: stationA.id, name: stationA.name },
        visitorNameMasked: '赵**',
        visitorPhoneMasked: '139****5678',
        visitorCount: 3,
        state: 'open',
        stateName: '待处理',
        members: [
          { id: city.memberIds.member2, name: '李秀英' },
          { id: city.memberIds.member1, name: '王建国' },
        ],
        recordedByName: 'staffA工作人员',
      });
      expect(visit.actions.map((action: Json) => action.action)).toEqual(['close', 'convert']);
      expect(created.body).not.toContain(PHONE);
      expect(created.body).not.toContain('赵晓燕');

      const raw = await test.dependencies.database.pool.query<{ name: string; phone: string }>(
        'select visitor_name_encrypted as name, visitor_phone_encrypted as phone from station_visits where id = $1',
        [visit.id],
      );
      expect(raw.rows[0].name).toMatch(/^a1:/);
      expect(raw.rows[0].phone).toMatch(/^a1:/);
      expect(raw.rows[0].phone).not.toContain(PHONE);
      expect(test.dependencies.cipher.decrypt(raw.rows[0].phone)).toBe(PHONE);
      expect(test.dependencies.cipher.decrypt(raw.rows[0].name)).toBe('赵晓燕');
      const events = await test.dependencies.database.pool.query<{ text: string }>(
        "select coalesce(after::text, '') as text from events where subject_id = $1",
        [visit.id],
      );
      expect(events.rows.map((row) => row.text).join('')).not.toContain(PHONE);
      expect(events.rows.map((row) => row.text).join('')).toContain('139****5678');

      const list = (await request('GET', '/station-visits', 'office')).json();
      expect(list.items.map((item: Json) => item.id)).toEqual([visit.id]);
      expect(JSON.stringify(list)).not.toContain(PHONE);
    });

    it('keeps station staff to their station: another station’s visit is a 404', async () => {
      expect((await request('GET', `/station-visits/${visit.id}`, 'staffB')).statusCode).toBe(404);
      expect(
        (await request('POST', `/station-visits/${visit.id}/actions/close`, 'staffB', { outcome: '已处理' }, { version: 1 }))
          .statusCode,
      ).toBe(404);
      expect((await request('POST', `/station-visits/${visit.id}/reveal`, 'staffB')).statusCode).toBe(404);
      expect((await request('GET', '/station-visits', 'staffB')).json().items).toEqual([]);
      expect((await request('GET', `/station-visits?stationId=${stationA.id}`, 'staffB')).statusCode).toBe(403);
      const elsewhere = await request('POST', '/station-visits', 'staffB', {
        stationId: stationA.id,
        visitDate: TODAY,
        visitorName: '某人',
        matter: '某事',
      });
      expect(elsewhere.statusCode).toBe(403);
      for (const who of ['member1', 'unit', 'leader', 'admin'] as const) {
        expect((await request('GET', `/station-visits/${visit.id}`, who)).statusCode, who).toBe(404);
        expect((await request('GET', '/station-visits', who)).statusCode, who).toBe(403);
      }
    });

    it('refuses members not attached to the station, future dates, a missing station and bad input', async () => {
      const base = { visitDate: TODAY, visitorName: '钱多多', matter: '公交站台没有遮雨棚' };
      const notAttached = await request('POST', '/station-visits', 'staffA', { ...base, memberIds: [city.memberIds.member3] });
      expect(notAttached.statusCode).toBe(422);
      expect(notAttached.json().code).toBe('member_not_attached');
      const future = await request('POST', '/station-visits', 'staffA', { ...base, visitDate: '2026-03-11' });
      expect(future.statusCode).toBe(422);
      const noStation = await request('POST', '/station-visits', 'office', base);
      expect(noStation.statusCode).toBe(400);
      expect(noStation.json().errors[0].field).toBe('stationId');
      const badPhone = await request('POST', '/station-visits', 'staffA', { ...base, visitorPhone: '12345' });
      expect(badPhone.statusCode).toBe(400);
      const badCount = await request('POST', '/station-visits', 'staffA', { ...base, visitorCount: 0 });
      expect(badCount.statusCode).toBe(400);
      const badCursor = await request('GET', '/station-visits?cursor=WyJ4IiwieSJd', 'office');
      expect(badCursor.statusCode).toBe(400);
      const rows = await test.dependencies.database.pool.query('select id from station_visits where org_id = $1', [city.orgId]);
      expect(rows.rowCount).toBe(1);
    });

    it('reveals the visitor to the station’s staff for a call back, and records the look', async () => {
      const revealed = await request('POST', `/station-visits/${visit.id}/reveal`, 'staffA');
      expect(revealed.json()).toEqual({ id: visit.id, visitorName: '赵晓燕', visitorPhone: PHONE });
      const looks = await test.dependencies.database.pool.query(
        "select id from events where subject_id = $1 and type = 'station_visit.visitor_viewed'",
        [visit.id],
      );
      expect(looks.rowCount).toBe(1);
    });

    it('corrects an open visit at its version; 409 on a stale version', async () => {
      const changed = await request('PATCH', `/station-visits/${visit.id}`, 'staffA', { visitorCount: 2 }, { version: 1 });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ visitorCount: 2, version: 2 });
      const stale = await request('PATCH', `/station-visits/${visit.id}`, 'staffA', { visitorCount: 4 }, { version: 1 });
      expect(stale.statusCode).toBe(409);
      visit = changed.json();
    });

    it('closes a matter on the spot; the visitor gets the outcome by SMS with the number masked in the log', async () => {
      const closed = await request(
        'POST',
        `/station-visits/${visit.id}/actions/close`,
        'staffA',
        { outcome: '已联系街道城管科，路灯于当日修复。' },
        { version: visit.version },
      );
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({
        state: 'closed',
        stateName: '当场办结',
        outcome: '已联系街道城管科，路灯于当日修复。',
      });
      expect(closed.json().actions).toEqual([]);
      const again = await request(
        'POST',
        `/station-visits/${visit.id}/actions/close`,
        'staffA',
        { outcome: '再办一次' },
        { version: closed.json().version },
      );
      expect(again.statusCode).toBe(409);
      const edit = await request('PATCH', `/station-visits/${visit.id}`, 'staffA', { visitorCount: 5 }, { version: 3 });
      expect(edit.statusCode).toBe(409);

      const jobs = await test.dependencies.database.pool.query<{ payload: string }>(
        "select payload::text as payload from jobs where type = 'notify.phone_sms'",
      );
      expect(jobs.rowCount).toBe(1);
      expect(jobs.rows[0].payload).not.toContain(PHONE);
      await runDueJobs(test.dependencies, phoneSmsJobs, { workerId: 'test' });
      const lines = readFileSync(logFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Json);
      const sms = lines.find((line) => line.userId === null);
      expect(sms).toMatchObject({ kind: 'sms', address: '139****5678', orgId: city.orgId });
      expect(sms?.body).toContain('路灯于当日修复');
      expect(readFileSync(logFile, 'utf8')).not.toContain(PHONE);
    });

    it('turns a matter into a micro-suggestion on behalf of the members present (the first leads)', async () => {
      const noMembers = (
        await request('POST', '/station-visits', 'staffA', {
          visitDate: TODAY,
          visitorName: '孙立新',
          matter: '菜市场周边乱停车',
        })
      ).json();
      expect(noMembers.actions.map((action: Json) => action.action)).toEqual(['close']);
      const refused = await request(
        'POST',
        `/station-visits/${noMembers.id}/actions/convert`,
        'staffA',
        { title: '规范菜市场周边停车', place: '城关菜市场', problem: '乱停车', suggestion: '划定停车位' },
        { version: 1 },
      );
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('no_members_present');

      const withMembers = (
        await request('POST', '/station-visits', 'staffA', {
          visitDate: '2026-03-09',
          visitorName: '周红霞',
          visitorPhone: '0571-87654321',
          matter: '老旧小区没有电梯，老人上下楼难。',
          memberIds: [city.memberIds.member1, city.memberIds.member2],
        })
      ).json();
      const converted = await request(
        'POST',
        `/station-visits/${withMembers.id}/actions/convert`,
        'staffA',
        {
          title: '关于老旧小区加装电梯的建议',
          place: '城关街道幸福小区',
          problem: '小区六层无电梯，老人上下楼困难。',
          suggestion: '纳入老旧小区改造计划，统一加装电梯。',
        },
        { version: 1 },
      );
      expect(converted.statusCode, converted.body).toBe(200);
      expect(converted.json()).toMatchObject({ state: 'converted', stateName: '已转微建议' });
      const microId = converted.json().microSuggestionId as string;
      expect(microId).toBeTruthy();
      const micro = await test.dependencies.database.pool.query<{
        lead: string;
        state: string;
        source: string;
        visit: string;
        station: string;
      }>(
        'select lead_member_id as lead, state, source, visit_id as visit, station_id as station from micro_suggestions where id = $1',
        [microId],
      );
      expect(micro.rows[0]).toEqual({
        lead: city.memberIds.member1,
        state: 'submitted',
        source: 'station_visit',
        visit: withMembers.id,
        station: stationA.id,
      });
    });

    it('counts per station: visitors, matters, closed on the spot, raised and resolved', async () => {
      const counts = await request('GET', '/stations/counts', 'office');
      expect(counts.statusCode, counts.body).toBe(200);
      const rowA = counts.json().items.find((item: Json) => item.stationId === stationA.id);
      expect(rowA).toMatchObject({ visitors: 4, matters: 3, closedOnSpot: 1, open: 1, raised: 1, resolved: 0 });
      expect(counts.json().total).toMatchObject({ matters: 3 });
      expect(counts.json().definitions.visitors).toContain('接待人次');
      await test.dependencies.database.pool.query(
        "update micro_suggestions set state = 'resolved' where org_id = $1 and source = 'station_visit'",
        [city.orgId],
      );
      const after = (await request('GET', `/stations/counts?stationId=${stationA.id}`, 'office')).json();
      expect(after.items).toHaveLength(1);
      expect(after.items[0]).toMatchObject({ raised: 1, resolved: 1 });
      const period = (await request('GET', `/stations/counts?from=${TODAY}&to=${TODAY}`, 'office')).json();
      expect(period.items.find((item: Json) => item.stationId === stationA.id)).toMatchObject({ matters: 2, raised: 0 });

      const own = (await request('GET', '/stations/counts', 'staffB')).json();
      expect(own.items.map((item: Json) => item.stationId)).toEqual([stationB.id]);
      expect((await request('GET', `/stations/counts?stationId=${stationA.id}`, 'staffB')).statusCode).toBe(403);
      expect((await request('GET', '/stations/counts', 'member1')).statusCode).toBe(403);
      expect((await request('GET', '/stations/counts?from=2026-03-10&to=2026-03-01', 'office')).statusCode).toBe(400);
    });
  });

  describe('duty days', () => {
    let duty: Json;

    it('the office schedules a member’s duty day; the member is told', async () => {
      const created = await request(
        'POST',
        '/station-duty-days',
        'office',
        { stationId: stationA.id, memberId: city.memberIds.member1, dutyDate: '2026-03-12', note: '带上社区走访记录' },
        { key: 'duty-1' },
      );
      expect(created.statusCode, created.body).toBe(201);
      duty = created.json();
      expect(duty).toMatchObject({
        station: { id: stationA.id, name: stationA.name },
        member: { id: city.memberIds.member1, name: '王建国' },
        dutyDate: '2026-03-12',
        version: 1,
      });
      const notices = await test.dependencies.database.pool.query<{ title: string; body: string }>(
        'select title, body from notifications where user_id = $1',
        [city.userIds.member1],
      );
      expect(notices.rows.map((row) => row.title)).toContain('接待日安排：2026-03-12（周四）');
      const taken = await request('POST', '/station-duty-days', 'office', {
        stationId: stationA.id,
        memberId: city.memberIds.member1,
        dutyDate: '2026-03-12',
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().code).toBe('duty_day_taken');
    });

    it('station staff schedule at their own station only, for its attached members', async () => {
      const own = await request('POST', '/station-duty-days', 'staffA', {
        memberId: city.memberIds.member2,
        dutyDate: '2026-03-17',
      });
      expect(own.statusCode, own.body).toBe(201);
      expect(own.json().station.id).toBe(stationA.id);
      const elsewhere = await request('POST', '/station-duty-days', 'staffB', {
        stationId: stationA.id,
        memberId: city.memberIds.member2,
        dutyDate: '2026-03-18',
      });
      expect(elsewhere.statusCode).toBe(403);
      const notAttached = await request('POST', '/station-duty-days', 'staffB', {
        memberId: city.memberIds.member1,
        dutyDate: '2026-03-18',
      });
      expect(notAttached.statusCode).toBe(422);
      expect(
        (
          await request('POST', '/station-duty-days', 'member1', {
            memberId: city.memberIds.member1,
            dutyDate: '2026-03-18',
            stationId: stationA.id,
          })
        ).statusCode,
      ).toBe(403);
    });

    it('shows each their calendar: the member their own, the station its own, the office all', async () => {
      const range = 'from=2026-03-01&to=2026-03-31';
      const mine = (await request('GET', `/station-duty-days?${range}&memberId=${city.memberIds.member1}`, 'member1')).json();
      expect(mine.items.map((item: Json) => item.dutyDate)).toEqual(['2026-03-12']);
      const implicit = (await request('GET', `/station-duty-days?${range}`, 'member2')).json();
      expect(implicit.items.map((item: Json) => item.member.name)).toEqual(['李秀英']);
      expect((await request('GET', `/station-duty-days?${range}&memberId=${city.memberIds.member2}`, 'member1')).statusCode).toBe(
        403,
      );
      const station = (await request('GET', `/station-duty-days?${range}`, 'staffA')).json();
      expect(station.items).toHaveLength(2);
      expect((await request('GET', `/station-duty-days?${range}`, 'staffB')).json().items).toEqual([]);
      expect((await request('GET', `/station-duty-days?${range}`, 'office')).json().items).toHaveLength(2);
      expect((await request('GET', `/station-duty-days?${range}`, 'unit')).statusCode).toBe(403);
      expect((await request('GET', '/station-duty-days?from=2026-03-31&to=2026-03-01', 'office')).statusCode).toBe(400);
      expect((await request('GET', '/station-duty-days?from=2026-01-01&to=2027-12-31', 'office')).statusCode).toBe(400);
      expect((await request('GET', '/station-duty-days', 'office')).statusCode).toBe(400);
    });

    it('moves and cancels at the version the client saw', async () => {
      expect(
        (await request('PATCH', `/station-duty-days/${duty.id}`, 'staffB', { dutyDate: '2026-03-13' }, { version: 1 }))
          .statusCode,
      ).toBe(404);
      const moved = await request('PATCH', `/station-duty-days/${duty.id}`, 'staffA', { dutyDate: '2026-03-13' }, { version: 1 });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ dutyDate: '2026-03-13', version: 2 });
      expect((await request('PATCH', `/station-duty-days/${duty.id}`, 'staffA', { note: '改' }, { version: 1 })).statusCode).toBe(
        409,
      );
      expect((await request('DELETE', `/station-duty-days/${duty.id}`, 'office')).statusCode).toBe(428);
      expect((await request('DELETE', `/station-duty-days/${duty.id}`, 'office', undefined, { version: 1 })).statusCode).toBe(
        409,
      );
      expect((await request('DELETE', `/station-duty-days/${duty.id}`, 'office', undefined, { version: 2 })).statusCode).toBe(
        204,
      );
      const notices = await test.dependencies.database.pool.query<{ title: string }>(
        'select title from notifications where user_id = $1 order by id',
        [city.userIds.member1],
      );
      expect(notices.rows.map((row) => row.title)).toEqual(
        expect.arrayContaining([
          '接待日取消：2026-03-12（周四）',
          '接待日安排：2026-03-13（周五）',
          '接待日取消：2026-03-13（周五）',
        ]),
      );
    });
  });

  describe('tenant isolation and the portal', () => {
    it('answers another committee’s stations, visits and duty days with 404, and lists none of them', async () => {
      const outside = stationRequest(test, other);
      expect((await outside('GET', `/stations/${stationA.id}`, 'office')).statusCode).toBe(404);
      expect((await outside('PATCH', `/stations/${stationA.id}`, 'office', { address: 'x' }, { version: 2 })).statusCode).toBe(
        404,
      );
      expect((await outside('GET', '/stations', 'office')).json().items).toEqual([]);
      const visits = (await request('GET', '/station-visits', 'office')).json().items as Json[];
      for (const visit of visits) {
        expect((await outside('GET', `/station-visits/${visit.id}`, 'office')).statusCode).toBe(404);
        expect((await outside('POST', `/station-visits/${visit.id}/reveal`, 'office')).statusCode).toBe(404);
      }
      expect((await outside('GET', '/station-visits', 'office')).json().items).toEqual([]);
      expect(
        (
          await outside('POST', '/station-duty-days', 'office', {
            stationId: stationA.id,
            memberId: city.memberIds.member1,
            dutyDate: '2026-03-20',
          })
        ).statusCode,
      ).toBe(404);
      expect((await outside('GET', '/stations/counts', 'office')).json().items).toEqual([]);
    });

    it('shows the public the stations in use: names, kind, address, hours and attached members only', async () => {
      await request('POST', '/station-duty-days', 'office', {
        stationId: stationA.id,
        memberId: city.memberIds.member2,
        dutyDate: '2026-03-19',
      });
      const portal = await test.app.inject({ method: 'GET', url: `/api/v1/portal/stations?org=${city.code}` });
      expect(portal.statusCode, portal.body).toBe(200);
      const items = portal.json().items as Json[];
      expect(items.map((item) => item.name)).toEqual(['城关街道委员联络站', '李秀英委员工作室']);
      expect(items[0]).toMatchObject({
        kindName: '委员联络站',
        address: '示例市城关街道人民路 12 号',
        memberNames: ['王建国', '李秀英'],
      });
      expect(items[0].upcomingDutyDays).toEqual([
        { date: '2026-03-17', memberName: '李秀英' },
        { date: '2026-03-19', memberName: '李秀英' },
      ]);
      expect(portal.body).not.toContain('staff');
      expect(portal.body).not.toContain(PHONE);
      const version = (await request('GET', `/stations/${stationB.id}`, 'office')).json().version;
      await request('PATCH', `/stations/${stationB.id}`, 'office', { active: false }, { version });
      const after = (await test.app.inject({ method: 'GET', url: `/api/v1/portal/stations?org=${city.code}` })).json();
      expect(after.items).toHaveLength(1);
      expect((await test.app.inject({ method: 'GET', url: '/api/v1/portal/stations?org=nowhere' })).statusCode).toBe(404);
      expect((await test.app.inject({ method: 'GET', url: '/api/v1/portal/stations' })).statusCode).toBe(400);
      const inactive = await request('POST', '/station-visits', 'staffB', {
        visitDate: TODAY,
        visitorName: '某人',
        matter: '某事',
      });
      expect(inactive.statusCode).toBe(409);
      expect(inactive.json().code).toBe('station_inactive');
    });
  });
});
