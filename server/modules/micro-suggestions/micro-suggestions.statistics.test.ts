import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../test/office-files.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { eventsOf } from '../orgs/orgs.test-support.ts';
import {
  act,
  createMicroCommittee,
  MICRO_TODAY,
  type MicroCommittee,
  send,
  submitted,
  transferredTo,
  unitReplies,
} from './micro-suggestions.test-support.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('micro-suggestions statistics on a small known data set, and the Excel export', () => {
  let test: TestApp;
  let city: MicroCommittee;

  /** Moves the clock `days` after the test day and signs everyone in again. */
  async function at(days: number) {
    test.setNow(new Date(MICRO_TODAY.getTime() + days * DAY));
    await city.signInAgain();
  }

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(MICRO_TODAY);
    city = await createMicroCommittee(test.dependencies);
    // A draft: never counted.
    await send(test, 'POST', '/micro-suggestions', city.as('lead'), { title: '草稿不计' });
    // 1 declined (城关街道).
    const declined = await submitted(test, city, 'lead', { place: '城关街道', title: '甲' });
    await act(test, city, 'proposal_office', declined.id, 'decline', { reason: '不属于微建议范围' });
    // 2 taken on by the member, resolved 3 days later (城关街道).
    const taken = await submitted(test, city, 'co1', { place: '城关街道', title: '乙' });
    await act(test, city, 'proposal_office', taken.id, 'accept', {});
    await act(test, city, 'proposal_office', taken.id, 'take_on', {});
    // 3 transferred to reform (category set), replied on time, rated satisfied 5 days later (东湖街道).
    const onTime = await transferredTo(test, city, city.unitIds.reform, { place: '东湖街道', title: '丙' });
    // 4 transferred to housing, never replied (东湖街道).
    await transferredTo(test, city, city.unitIds.housing, { place: '东湖街道', title: '丁' });
    // 5 only submitted (no place group beyond 西城街道).
    await submitted(test, city, 'co2', { place: '西城街道', title: '戊' });
    await at(3);
    await act(test, city, 'co1', taken.id, 'report_result', { text: '已办结' });
    const replyId = await unitReplies(test, city, onTime.id, '已处理。', { photo: false });
    await at(5);
    const rated = await send(test, 'POST', `/replies/${replyId}/ratings`, city.as('lead'), { rating: 'satisfied' });
    expect(rated.statusCode).toBeLessThan(300);
    // Past the housing unit's due date (15 working days after 2026-03-02 is 2026-03-23).
    await at(30);
  });
  afterAll(async () => test.close());

  it('counts raised, accepted, on time, overdue, resolved, satisfaction and days to resolve, with their rates', async () => {
    const response = await send(test, 'GET', '/micro-suggestions/statistics?from=2026-03&to=2026-03', city.as('proposal_office'));
    expect(response.statusCode).toBe(200);
    const statistics = response.json();
    expect(statistics.total).toMatchObject({
      raised: 5,
      accepted: 3,
      declined: 1,
      transferred: 2,
      takenOn: 1,
      replied: 1,
      repliedOnTime: 1,
      overdue: 1,
      resolved: 2,
      rated: 1,
      satisfied: 1,
      basicallySatisfied: 0,
      dissatisfied: 0,
      averageDaysToResolve: 4,
      rates: {
        acceptanceRate: { numerator: 3, denominator: 5, value: 0.6 },
        onTimeRate: { numerator: 1, denominator: 2, value: 0.5 },
        satisfactionRate: { numerator: 1, denominator: 1, value: 1 },
        resolutionRate: { numerator: 2, denominator: 3 },
      },
    });
    expect(statistics.definitions.map((item: { name: string }) => item.name)).toContain('按期答复率');
  });

  it('groups by unit, street, category and month', async () => {
    const byUnit = (await send(test, 'GET', '/micro-suggestions/statistics?from=2026-03&groupBy=unit', city.as('leader'))).json();
    const units = Object.fromEntries(byUnit.rows.map((row: { name: string; raised: number }) => [row.name, row.raised]));
    expect(units).toEqual({ '（未转交承办单位）': 3, 市发展和改革委员会: 1, 市住房和城乡建设局: 1 });
    const housing = byUnit.rows.find((row: { key: string }) => row.key === city.unitIds.housing);
    expect(housing).toMatchObject({ overdue: 1, repliedOnTime: 0 });
    const byPlace = (
      await send(test, 'GET', '/micro-suggestions/statistics?from=2026-03&groupBy=place', city.as('reviewer'))
    ).json();
    expect(Object.fromEntries(byPlace.rows.map((row: { name: string; raised: number }) => [row.name, row.raised]))).toEqual({
      城关街道: 2,
      东湖街道: 2,
      西城街道: 1,
    });
    const byMonth = (
      await send(test, 'GET', '/micro-suggestions/statistics?from=2026-01&to=2026-04&groupBy=month', city.as('proposal_office'))
    ).json();
    expect(byMonth.rows).toHaveLength(1);
    expect(byMonth.rows[0]).toMatchObject({ key: '2026-03', raised: 5 });
    const byCategory = (
      await send(test, 'GET', '/micro-suggestions/statistics?from=2026-03&groupBy=category', city.as('proposal_office'))
    ).json();
    expect(byCategory.rows.reduce((total: number, row: { raised: number }) => total + row.raised, 0)).toBe(5);
    const empty = (
      await send(test, 'GET', '/micro-suggestions/statistics?from=2025-01&to=2025-12', city.as('proposal_office'))
    ).json();
    expect(empty.total).toMatchObject({ raised: 0, averageDaysToResolve: null, rates: { acceptanceRate: { value: null } } });
  });

  it('refuses members and units, and a span that runs backwards', async () => {
    for (const who of ['lead', 'reform']) {
      expect((await send(test, 'GET', '/micro-suggestions/statistics', city.as(who))).statusCode).toBe(403);
    }
    const backwards = await send(
      test,
      'GET',
      '/micro-suggestions/statistics?from=2026-05&to=2026-03',
      city.as('proposal_office'),
    );
    expect(backwards.statusCode).toBe(400);
    const badMonth = await send(test, 'GET', '/micro-suggestions/statistics?from=2026-13', city.as('proposal_office'));
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.json().detail).toContain('月份');
  });

  it('exports an Excel workbook that opens, with the figures and the definitions, and records the download', async () => {
    const response = await send(
      test,
      'GET',
      '/micro-suggestions/statistics/export.xlsx?from=2026-03&groupBy=unit',
      city.as('proposal_office'),
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = await readWorkbook(response.rawPayload);
    expect(workbook.sheetNames).toEqual(['微建议统计', '指标说明']);
    const rows = workbook.sheets['微建议统计'];
    expect(rows[0].slice(0, 3)).toEqual(['承办单位', '提出数', '受理数']);
    expect(rows[1].slice(0, 3)).toEqual(['合计', 5, 3]);
    expect(rows.slice(2).map((row) => row[0])).toContain('市住房和城乡建设局');
    expect(String(rows[1][15])).toContain('（1/2）');
    expect(workbook.sheets['指标说明'].flat().join('')).toContain('按期答复率');
    const events = await eventsOf(test.dependencies, city.orgId, 'micro_suggestion.statistics_exported');
    expect(events).toHaveLength(1);
  });
});
