import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppraisalAction, type AppraisalState, appraisalActions, appraisalStates } from '../../../contracts/appraisal.ts';
import { type Role, roles } from '../../../contracts/roles.ts';
import type { Problem } from '../../platform/http/problem.ts';
import { guardTransition } from '../../platform/workflow/workflow.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type Json, requestAs, startHandling } from '../handling/handling.test-support.ts';
import { type AssignmentCommittee, createAssignmentCommittee } from '../proposals/assignment.test-support.ts';
import { appraisalResults, scoreProblems } from './appraisal.policy.ts';
import { appraisalWorkflow } from './appraisal.workflow.ts';

const DAY = new Date('2026-07-01T02:00:00Z');
const criteria = [
  { key: 'attitude', name: '办理态度', max: 30 },
  { key: 'communication', name: '沟通协商', max: 30 },
  { key: 'result', name: '办理成效', max: 40 },
];

describe('appraisal workflow: every (state, action, role)', () => {
  const table: Record<string, AppraisalState> = { 'draft open': 'open', 'open close': 'closed', 'closed publish': 'published' };
  const cases = appraisalStates.flatMap((state) =>
    appraisalActions.flatMap((action) => roles.map((role) => [state, action, role] as [AppraisalState, AppraisalAction, Role])),
  );
  it.each(cases)('%s + %s by %s', (state, action, role) => {
    const target = table[`${state} ${action}`];
    const want = !target ? 409 : role === 'proposal_office' ? target : 403;
    let got: string | number;
    try {
      got = guardTransition(appraisalWorkflow, state, action, [role]).to;
    } catch (error) {
      got = (error as Problem).status;
    }
    expect(got).toBe(want);
  });
});

describe('appraisal rules', () => {
  it.each([
    ['a complete form', { attitude: 30, communication: 0, result: 40 }, []],
    ['a missing criterion', { attitude: 30, communication: 20 }, ['请为“办理成效”打分']],
    ['over the maximum', { attitude: 31, communication: 20, result: 10 }, ['“办理态度”应在 0 到 30 分之间']],
    ['an unknown criterion', { attitude: 1, communication: 1, result: 1, extra: 1 }, ['没有评分项“extra”']],
  ])('checks %s', (_name, scores, problems) => {
    expect(scoreProblems(criteria, scores)).toEqual(problems);
  });

  it('averages valid units, ranks ties together and leaves units with too few scores unranked', () => {
    const unit = (unitId: string, totals: number[]) => ({ unitId, unitName: unitId, totals, byCriterion: { result: totals } });
    const results = appraisalResults([unit('a', [80, 90]), unit('b', [85, 85]), unit('c', [99]), unit('d', [70, 71])], 2);
    expect(results.map((row) => [row.unitId, row.average, row.rank, row.valid])).toEqual([
      ['a', 85, 1, true],
      ['b', 85, 1, true],
      ['d', 70.5, 3, true],
      ['c', null, null, false],
    ]);
  });
});

describe('appraisal API', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(DAY);
    city = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
    await startHandling(test, city, { mode: 'sole', units: ['reform'] });
    await startHandling(test, city, { mode: 'sole', units: ['housing'] });
    await test.dependencies.database.pool.query('update members set is_standing_committee = true where id = any($1)', [
      [city.memberIds.lead, city.memberIds.co1, city.memberIds.co2],
    ]);
  });
  afterAll(async () => test.close());

  it('opens for the units in scope, takes each standing member’s form once, computes and publishes results', async () => {
    const create = (scope: string) =>
      request('POST', '/appraisals', 'proposal_office', {
        title: '2026 年度提案办理民主评议',
        sessionId: city.sessionIds.current,
        scope,
        minScores: 2,
      });
    const keyOnly = (await create('key')).json();
    const none = await request('POST', `/appraisals/${keyOnly.id}/actions/open`, 'proposal_office', {}, keyOnly.version);
    expect(none.json().code).toBe('no_units');

    const draft = (await create('all')).json();
    expect(
      (await request('POST', '/appraisals', 'lead', { title: 'x', sessionId: city.sessionIds.current, scope: 'all' })).statusCode,
    ).toBe(403);
    const open = await request('POST', `/appraisals/${draft.id}/actions/open`, 'proposal_office', {}, draft.version);
    expect(open.statusCode, open.body).toBe(200);
    expect(
      open
        .json()
        .units.map((unit: Json) => unit.unitName)
        .sort(),
    ).toEqual(['市住房和城乡建设局', '市发展和改革委员会'].sort());

    const score = (who: string, unit: 'reform' | 'housing' | 'transport', scores: Json) =>
      request('POST', `/appraisals/${draft.id}/scores`, who, { unitId: city.unitIds[unit], scores });
    expect((await score('outsider', 'reform', { attitude: 20, communication: 20, result: 20 })).statusCode).toBe(403);
    expect((await score('lead', 'reform', { attitude: 31, communication: 20, result: 20 })).statusCode).toBe(422);
    expect((await score('lead', 'transport', { attitude: 20, communication: 20, result: 20 })).json().code).toBe(
      'unit_not_in_appraisal',
    );
    expect((await score('lead', 'reform', { attitude: 30, communication: 30, result: 40 })).statusCode).toBe(200);
    // Scoring again replaces the member's own form.
    const again = await score('lead', 'reform', { attitude: 28, communication: 27, result: 30 });
    expect(again.json().units.find((unit: Json) => unit.unitId === city.unitIds.reform).myTotal).toBe(85);
    await score('co1', 'reform', { attitude: 25, communication: 25, result: 30 });
    await score('co2', 'housing', { attitude: 20, communication: 20, result: 30 });

    expect((await request('GET', `/appraisals/${draft.id}/results`, 'lead')).statusCode).toBe(403);
    let current = (await request('GET', '/appraisals', 'proposal_office'))
      .json()
      .items.find((item: Json) => item.id === draft.id);
    current = (await request('POST', `/appraisals/${draft.id}/actions/close`, 'proposal_office', {}, current.version)).json();
    expect((await score('co2', 'reform', { attitude: 20, communication: 20, result: 30 })).json().code).toBe('not_open');
    current = (await request('POST', `/appraisals/${draft.id}/actions/publish`, 'proposal_office', {}, current.version)).json();
    expect(current.state).toBe('published');

    const results = (await request('GET', `/appraisals/${draft.id}/results`, 'lead')).json();
    expect(results.items.map((row: Json) => [row.unitName, row.scorers, row.average, row.valid, row.rank])).toEqual([
      ['市发展和改革委员会', 2, 82.5, true, 1],
      ['市住房和城乡建设局', 1, null, false, null],
    ]);
    const [org] = (
      await test.dependencies.database.pool.query<{ code: string }>('select code from organizations where id = $1', [city.orgId])
    ).rows;
    const portal = await test.app.inject({ method: 'GET', url: `/api/v1/portal/appraisals?org=${org.code}` });
    expect(portal.json().items.map((item: Json) => item.appraisalId)).toEqual([draft.id]);
  });
});
