import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWordDocument, readWorkbook } from '../../test/office-files.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { contactBody, type Json, replyBody, requestAs, startHandling } from '../handling/handling.test-support.ts';
import {
  type AssignmentCommittee,
  createAssignmentCommittee,
  insertFiledProposal,
} from '../proposals/assignment.test-support.ts';

const at = (day: string) => new Date(`${day}T02:00:00Z`);

/**
 * A fixed fixture, computed by hand: P1 joint (lead + co1), reform, contacted, class A on time, rated satisfied and
 * basically satisfied → closed. P2 housing, contacted, class C sent a day late, rated dissatisfied → re-handled, class B
 * sent, rated satisfied → closed. P3 transport, never replied → overdue. P4 filed, not assigned. P5 submitted.
 * P6 withdrawn after submission (not counted).
 */
describe('statistics API against hand-computed figures', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;
  let session: string;

  async function reply(assignment: Json, unit: string, leader: string | null, body: Json) {
    const draft = (await request('POST', `/assignments/${assignment.id}/replies`, unit, replyBody(body))).json();
    const submitted = (await request('POST', `/replies/${draft.id}/actions/submit`, unit, {}, draft.version)).json();
    const sent = await request('POST', `/replies/${draft.id}/actions/sign_off_and_send`, leader ?? unit, {}, submitted.version);
    expect(sent.statusCode, sent.body).toBe(200);
    return sent.json();
  }

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(at('2026-07-01'));
    city = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
    session = city.sessionIds.current;
    // The housing bureau's leader signs off its replies.
    const { createUser, signIn } = await import('../../test/fixtures.ts');
    const housingLeader = await createUser(test.dependencies, {
      orgId: city.orgId,
      roles: ['unit_leader'],
      unitId: city.unitIds.housing,
    });
    const housingHeaders = await signIn(test.dependencies, housingLeader);
    const as = city.as;
    city.as = (who: string, more: Record<string, string> = {}) =>
      who === 'housingLeader' ? { ...housingHeaders, ...more } : as(who, more);

    const p1 = await startHandling(test, city, { mode: 'sole', units: ['reform'] }, ['co1']);
    await request('POST', `/assignments/${p1.assignments.reform.id}/contacts`, 'reform', contactBody('2026-07-01'));
    const r1 = await reply(p1.assignments.reform, 'reform', 'reformLeader', { resultClass: 'A' });
    await request('POST', `/replies/${r1.id}/ratings`, 'lead', { rating: 'satisfied' });
    expect((await request('POST', `/replies/${r1.id}/ratings`, 'co1', { rating: 'basically_satisfied' })).json().state).toBe(
      'closed',
    );

    const p2 = await startHandling(test, city, { mode: 'sole', units: ['housing'] });
    const p3 = await startHandling(test, city, { mode: 'sole', units: ['transport'] });
    await request('POST', `/assignments/${p2.assignments.housing.id}/contacts`, 'housing', contactBody('2026-07-01'));
    expect(p2.assignments.housing.dueOn).toBe('2026-10-08');
    test.setNow(at('2026-10-09'));
    await city.signInAgain();
    Object.assign(housingHeaders, await signIn(test.dependencies, housingLeader));
    const late = await reply(p2.assignments.housing, 'housing', 'housingLeader', { resultClass: 'C' });
    expect((await request('POST', `/replies/${late.id}/ratings`, 'lead', { rating: 'dissatisfied' })).json().state).toBe(
      'rehandling',
    );
    test.setNow(at('2026-10-20'));
    await city.signInAgain();
    Object.assign(housingHeaders, await signIn(test.dependencies, housingLeader));
    const second = await reply(p2.assignments.housing, 'housing', 'housingLeader', {
      resultClass: 'B',
      followUpDueOn: '2027-04-01',
    });
    expect((await request('POST', `/replies/${second.id}/ratings`, 'lead', { rating: 'satisfied' })).json().state).toBe('closed');
    expect(p3.assignments.transport.dueOn).toBe('2026-10-08');

    await insertFiledProposal(test.dependencies, city, { title: '关于完善城市慢行系统的建议' });
    await insertFiledProposal(test.dependencies, city, { title: '关于规范共享单车停放的建议', state: 'submitted' });
    const withdrawn = await insertFiledProposal(test.dependencies, city, { title: '关于增设公交站点的建议', state: 'submitted' });
    await test.dependencies.database.pool.query("update proposals set state = 'withdrawn' where id = $1", [withdrawn.id]);
    test.setNow(at('2026-11-01'));
    await city.signInAgain();
    Object.assign(housingHeaders, await signIn(test.dependencies, housingLeader));
  });
  afterAll(async () => test.close());

  const get = async (query: string, who = 'proposal_office') => {
    const response = await request('GET', `/statistics?sessionId=${session}${query}`, who);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('counts the session in total: every rate with its numerator and denominator', async () => {
    const { total } = await get('');
    expect(total).toMatchObject({
      submitted: 5,
      filed: 4,
      assigned: 3,
      replied: 2,
      repliedOnTime: 1,
      contacted: 2,
      rated: 3,
      satisfied: 2,
      basicallySatisfied: 1,
      dissatisfied: 0,
      classes: { A: 1, B: 1 },
      classified: 2,
      overdue: 1,
    });
    expect(total.rates).toEqual({
      filingRate: { numerator: 4, denominator: 5, value: 0.8 },
      replyRate: { numerator: 2, denominator: 3, value: 0.6667 },
      onTimeRate: { numerator: 1, denominator: 3, value: 0.3333 },
      satisfactionRate: { numerator: 3, denominator: 3, value: 1 },
      contactRate: { numerator: 2, denominator: 3, value: 0.6667 },
    });
  });

  it('breaks the figures down by unit and by proposer type', async () => {
    const byUnit = await get('&groupBy=unit');
    const unit = (name: string) => byUnit.rows.find((row: Json) => row.name === name);
    expect(unit('市发展和改革委员会')).toMatchObject({
      submitted: null,
      assigned: 1,
      replied: 1,
      repliedOnTime: 1,
      rated: 2,
      classes: { A: 1 },
    });
    expect(unit('市住房和城乡建设局')).toMatchObject({
      assigned: 1,
      replied: 1,
      repliedOnTime: 0,
      rated: 1,
      satisfied: 1,
      classes: { B: 1 },
    });
    expect(unit('市交通运输局')).toMatchObject({ assigned: 1, replied: 0, overdue: 1, rates: { replyRate: { value: 0 } } });
    expect(unit('市发展和改革委员会').rates.filingRate).toBeNull();

    const byType = await get('&groupBy=proposerType');
    expect(byType.rows.map((row: Json) => [row.name, row.submitted, row.filed, row.assigned])).toEqual(
      expect.arrayContaining([
        ['委员个人', 4, 3, 2],
        ['委员联名', 1, 1, 1],
      ]),
    );
    expect(byType.definitions.map((item: Json) => item.name)).toContain('满意率');
  });

  it('is for the office, supervisors and leaders; bad input is a 400 in Chinese', async () => {
    expect((await request('GET', `/statistics?sessionId=${session}`, 'reform')).statusCode).toBe(403);
    expect((await get('', 'supervisor')).total.assigned).toBe(3);
    const bad = await request('GET', `/statistics?sessionId=${session}&groupBy=weather`, 'proposal_office');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('分组');
    expect((await request('GET', '/statistics?sessionId=not-a-uuid', 'proposal_office')).statusCode).toBe(400);
  });

  it('shows the portal the session totals without login', async () => {
    const [org] = (
      await test.dependencies.database.pool.query<{ code: string }>('select code from organizations where id = $1', [city.orgId])
    ).rows;
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/v1/portal/statistics?org=${org.code}&sessionId=${session}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().total.rates.satisfactionRate).toEqual({ numerator: 3, denominator: 3, value: 1 });
  });

  it('exports an Excel table and a Word report that read back with the figures (LibreOffice: statistics.libreoffice.test.ts)', async () => {
    const xlsx = await request('GET', `/statistics/export.xlsx?sessionId=${session}&groupBy=unit`, 'proposal_office');
    expect(xlsx.statusCode).toBe(200);
    const workbook = await readWorkbook(xlsx.rawPayload);
    expect(workbook.sheetNames).toEqual(['提案办理统计', '指标说明']);
    const [header, total, ...units] = workbook.sheets.提案办理统计;
    expect(header.slice(0, 10)).toEqual([
      '分组',
      '提交',
      '立案',
      '立案率',
      '交办',
      '已答复',
      '办复率',
      '按期办复率',
      '满意率',
      '见面率',
    ]);
    expect(total.slice(0, 10)).toEqual([
      expect.stringMatching(/^合计/),
      5,
      4,
      '80.0%（4/5）',
      3,
      2,
      '66.7%（2/3）',
      '33.3%（1/3）',
      '100.0%（3/3）',
      '66.7%（2/3）',
    ]);
    expect(units.find((row) => row[0] === '市交通运输局')?.at(-1)).toBe(1);
    expect(workbook.sheets.指标说明.flat().join('\n')).toContain('满意率');

    const docx = await request('GET', `/statistics/report.docx?sessionId=${session}`, 'proposal_office');
    expect(docx.statusCode).toBe(200);
    const report = await readWordDocument(docx.rawPayload);
    expect(report.paragraphs[0]).toMatch(/提案办理情况统计表$/);
    expect(report.paragraphs).toEqual(
      expect.arrayContaining(['表1　总体情况', '表2　各承办单位办理情况', '表3　各类别提案办理情况', '表4　按提案人类型统计']),
    );
    expect(report.tables).toHaveLength(4);
    const [overall, byUnit] = report.tables;
    expect(overall[1].slice(1, 10)).toEqual([
      '5',
      '4',
      '80.0%（4/5）',
      '3',
      '2',
      '66.7%（2/3）',
      '33.3%（1/3）',
      '100.0%（3/3）',
      '66.7%（2/3）',
    ]);
    expect(byUnit.find((row) => row[0] === '市交通运输局')?.slice(4, 7)).toEqual(['1', '0', '0.0%（0/1）']);
  });

  it('recomputes after any change, and after the business date moves (the cached figures never go stale)', async () => {
    const before = (await get('')).total;
    expect(before.contacted).toBe(2);
    // The transport bureau records a contact (an event): the contact count moves at once.
    const [item] = (await request('GET', `/assignments?sessionId=${session}&state=signed_for&limit=50`, 'transport')).json()
      .items as Json[];
    const contact = await request('POST', `/assignments/${item.id}/contacts`, 'transport', contactBody('2026-11-01'));
    expect(contact.statusCode, contact.body).toBe(201);
    expect((await get('')).total.contacted).toBe(3);
    // Nothing changes but the date: today moves with it.
    test.setNow(at('2026-11-02'));
    await city.signInAgain();
    expect((await get('')).today).toBe('2026-11-02');
  });
});
