import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../platform/calendar/business-date.ts';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import { officialCalendarDays } from '../../platform/calendar/official-calendar.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { eventsOf } from '../orgs/orgs.test-support.ts';
import { type AssignmentCommittee, createAssignmentCommittee, insertFiledProposal } from './assignment.test-support.ts';

/** Wednesday 2026-07-01, 10:00 in Shanghai: +3 months is 2026-10-01, inside the National Day holiday. */
const ASSIGN_DAY = new Date('2026-07-01T02:00:00Z');
// biome-ignore lint/suspicious/noExplicitAny: API responses are read loosely in assertions
type Json = Record<string, any>;

describe('proposals API: assignment to handling units', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let other: AssignmentCommittee;
  let counter = 0;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(ASSIGN_DAY);
    city = await createAssignmentCommittee(test.dependencies);
    other = await createAssignmentCommittee(test.dependencies);
  });
  afterAll(async () => test.close());

  const request = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: object) =>
    test.app.inject({ method, url: `/api/v1${url}`, headers, payload });
  const filed = (title = `关于完善城市公共服务的建议${++counter}`, extra: Json = {}) =>
    insertFiledProposal(test.dependencies, city, { title, ...extra });
  const assign = (proposal: { id: string; version: number }, plan: Json, who = 'proposal_office', committee = city) =>
    request('POST', `/proposals/${proposal.id}/actions/assign`, committee.as(who, { 'if-match': `"${proposal.version}"` }), plan);
  const act = (item: Json, action: string, who: string, body: object = {}) =>
    request('POST', `/assignments/${item.id}/actions/${action}`, city.as(who, { 'if-match': `"${item.version}"` }), body);
  const inbox = async (who: string, query = '') =>
    (await request('GET', `/assignments${query}`, city.as(who))).json().items as Json[];
  const notices = async (subjectId: string) =>
    (
      await test.dependencies.database.pool.query<{ display_name: string; title: string; body: string }>(
        `select u.display_name, n.title, n.body from notifications n join users u on u.org_id = n.org_id and u.id = n.user_id
         where n.subject_id = $1 order by n.id`,
        [subjectId],
      )
    ).rows;
  /** Assigns a fresh proposal solely to `unit` and returns that unit's assignment as it sees it. */
  async function soleItem(unit = 'reform') {
    const proposal = await filed();
    expect((await assign(proposal, { mode: 'sole', unitIds: [city.unitIds[unit as 'reform']] })).statusCode).toBe(200);
    const [item] = await inbox(unit, `?proposalId=${proposal.id}`);
    return item;
  }

  it('computes deadlines with the official calendar: rest days move the due date to the next working day', () => {
    const calendar = createCalendar(officialCalendarDays());
    expect(addMonths('2026-07-01', 3)).toBe('2026-10-01');
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(calendar.dueDate('2026-07-01', { months: 3 })).toBe('2026-10-08');
    expect(calendar.dueDate('2026-07-01', { months: 1 })).toBe('2026-08-03'); // 2026-08-01 is a Saturday
    expect(calendar.addWorkingDays('2026-07-01', 5)).toBe('2026-07-08');
  });

  it('assigns solely: the proposal is assigned, one pending row with its deadlines, events and notices', async () => {
    const proposal = await filed('关于加快老旧小区加装电梯的建议');
    const response = await assign(proposal, { mode: 'sole', unitIds: [city.unitIds.housing] });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    const body = response.json();
    expect(body).toMatchObject({ state: 'assigned', stateName: '已交办', assignmentMode: 'sole', version: 2 });
    expect(body.assignments).toEqual([
      expect.objectContaining({
        unitId: city.unitIds.housing,
        unitName: '市住房和城乡建设局',
        role: 'sole',
        state: 'pending',
        dueOn: '2026-10-08',
        signedForAt: null,
      }),
    ]);
    const [item] = await inbox('housing', `?proposalId=${proposal.id}`);
    expect(item).toMatchObject({
      role: 'sole',
      roleName: '单办',
      dueOn: '2026-10-08',
      adjustmentUntil: '2026-07-08',
      assignedAt: ASSIGN_DAY.toISOString(),
      proposalNumber: proposal.number,
      proposalTitle: proposal.title,
      batchId: null,
    });
    expect(item.actions.map((action: Json) => action.action)).toEqual(['sign_for', 'request_adjustment']);
    const events = await eventsOf(test.dependencies, city.orgId, 'proposal.assigned');
    expect(events.find((event) => event.subject_id === proposal.id)?.summary).toContain('市住房和城乡建设局（单办）');
    expect((await notices(item.id)).map((notice) => notice.display_name)).toEqual(['市住房和城乡建设局承办人']);
    const proposerNotices = await notices(proposal.id);
    expect(proposerNotices).toEqual([expect.objectContaining({ display_name: '张委员', title: '提案已交办' })]);
  });

  it('assigns in parallel (each unit replies) and lead + co-handlers (co opinions due in one month)', async () => {
    const parallel = await filed();
    const both = await assign(parallel, { mode: 'parallel', unitIds: [city.unitIds.reform, city.unitIds.transport] });
    expect(both.statusCode).toBe(200);
    expect(both.json().assignments.map((row: Json) => [row.unitName, row.role, row.dueOn])).toEqual([
      ['市发展和改革委员会', 'parallel', '2026-10-08'],
      ['市交通运输局', 'parallel', '2026-10-08'],
    ]);
    const led = await filed();
    const response = await assign(led, {
      mode: 'lead',
      unitIds: [city.unitIds.education],
      coUnitIds: [city.unitIds.housing, city.unitIds.transport],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().assignmentMode).toBe('lead');
    expect(response.json().assignments.map((row: Json) => [row.unitName, row.role, row.dueOn])).toEqual([
      ['市教育局', 'lead', '2026-10-08'],
      ['市住房和城乡建设局', 'co', '2026-08-03'],
      ['市交通运输局', 'co', '2026-08-03'],
    ]);
    const [co] = await inbox('transport', `?proposalId=${led.id}`);
    expect(co).toMatchObject({ role: 'co', roleName: '会办', adjustmentUntil: '2026-07-08' });
  });

  it.each([
    ['sole with two units', (u: Json) => ({ mode: 'sole', unitIds: [u.reform, u.housing] }), '单办须且只能选择一个承办单位'],
    ['parallel with one unit', (u: Json) => ({ mode: 'parallel', unitIds: [u.reform] }), '分办须选择至少两个承办单位'],
    ['lead without co-handlers', (u: Json) => ({ mode: 'lead', unitIds: [u.reform] }), '主办+会办须选择至少一个会办单位'],
    [
      'lead with two lead units',
      (u: Json) => ({ mode: 'lead', unitIds: [u.reform, u.housing], coUnitIds: [u.transport] }),
      '只能选择一个主办单位',
    ],
    [
      'co-handlers outside lead mode',
      (u: Json) => ({ mode: 'sole', unitIds: [u.reform], coUnitIds: [u.housing] }),
      '只有主办+会办才能指定会办单位',
    ],
    ['a unit twice', (u: Json) => ({ mode: 'lead', unitIds: [u.reform], coUnitIds: [u.reform] }), '同一承办单位不能重复选择'],
    ['an inactive unit', (u: Json) => ({ mode: 'sole', unitIds: [u.closed] }), '不存在或已停用'],
  ])('refuses a plan with %s (422, nothing written)', async (_label, plan, message) => {
    const proposal = await filed();
    const response = await assign(proposal, plan(city.unitIds));
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain(message);
    const read = await request('GET', `/proposals/${proposal.id}`, city.as('proposal_office'));
    expect(read.json()).toMatchObject({ state: 'filed', version: 1, assignments: [] });
  });

  it('refuses another committee’s unit, a bad mode, a non-filed proposal, a member, a stale version, another committee', async () => {
    const proposal = await filed();
    const foreign = await assign(proposal, { mode: 'sole', unitIds: [other.unitIds.reform] });
    expect(foreign.statusCode).toBe(422);
    const badMode = await assign(proposal, { mode: 'joint', unitIds: [city.unitIds.reform] });
    expect(badMode.statusCode).toBe(400);
    const plan = { mode: 'sole', unitIds: [city.unitIds.reform] };
    const submitted = await insertFiledProposal(test.dependencies, city, { title: '尚未审查的提案', state: 'submitted' });
    const notFiled = await assign(submitted, plan);
    expect(notFiled.statusCode).toBe(409);
    expect(notFiled.json().detail).toContain('已提交');
    expect((await assign(proposal, plan, 'lead')).statusCode).toBe(403);
    expect((await assign({ ...proposal, version: 7 }, plan)).json().code).toBe('version_conflict');
    expect((await assign(proposal, { mode: 'sole', unitIds: [other.unitIds.reform] }, 'proposal_office', other)).statusCode).toBe(
      404,
    );
    const missing = await request('POST', `/proposals/${proposal.id}/actions/assign`, city.as('proposal_office'), plan);
    expect(missing.statusCode).toBe(428);
    expect((await assign(proposal, plan)).statusCode).toBe(200);
    const again = await assign({ ...proposal, version: 2 }, plan);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('已交办');
  });

  it('confirms a batch all or nothing: one stale item is a 409 naming it and nothing is written', async () => {
    const [first, second, third] = [await filed('批次提案甲'), await filed('批次提案乙'), await filed('批次提案丙')];
    const sole = (unit: string) => ({ mode: 'sole', unitIds: [unit] });
    const body = {
      title: '十届五次会议提案交办会',
      documentNumber: '政协提〔2026〕3号',
      items: [
        { id: first.id, version: 1, plan: sole(city.unitIds.reform) },
        { id: second.id, version: 1, plan: { mode: 'parallel', unitIds: [city.unitIds.reform, city.unitIds.housing] } },
        { id: third.id, version: 1, plan: sole(city.unitIds.transport) },
      ],
    };
    const stale = { ...body, items: body.items.map((item, index) => (index === 1 ? { ...item, version: 5 } : item)) };
    const refused = await request('POST', '/assignment-batches', city.as('proposal_office'), stale);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('批次提案乙');
    const badPlan = {
      ...body,
      items: body.items.map((item, index) => (index === 2 ? { ...item, plan: sole(city.unitIds.closed) } : item)),
    };
    const invalid = await request('POST', '/assignment-batches', city.as('proposal_office'), badPlan);
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().detail).toContain('第 3 件');
    for (const proposal of [first, second, third]) {
      const read = await request('GET', `/proposals/${proposal.id}`, city.as('proposal_office'));
      expect(read.json()).toMatchObject({ state: 'filed', version: 1 });
    }
    expect((await request('GET', '/assignment-batches', city.as('proposal_office'))).json().items).toEqual([]);

    const headers = city.as('proposal_office', { 'idempotency-key': 'batch-2026-07-01' });
    const created = await request('POST', '/assignment-batches', headers, body);
    expect(created.statusCode).toBe(201);
    const batch = created.json();
    expect(batch).toMatchObject({
      title: body.title,
      documentNumber: '政协提〔2026〕3号',
      sessionId: city.sessionIds.current,
      proposalCount: 3,
    });
    expect(batch.units).toEqual([
      { unitId: city.unitIds.reform, unitName: '市发展和改革委员会', count: 2 },
      { unitId: city.unitIds.transport, unitName: '市交通运输局', count: 1 },
      { unitId: city.unitIds.housing, unitName: '市住房和城乡建设局', count: 1 },
    ]);
    const retry = await request('POST', '/assignment-batches', headers, body);
    expect(retry.json().id).toBe(batch.id);
    const list = await request('GET', `/assignment-batches?sessionId=${city.sessionIds.current}`, city.as('proposal_office'));
    expect(list.json().items.map((item: Json) => item.id)).toEqual([batch.id]);
    expect((await request('GET', `/assignment-batches/${batch.id}`, city.as('supervisor'))).json()).toEqual(batch);
    expect((await request('GET', `/assignment-batches/${batch.id}`, other.as('proposal_office'))).statusCode).toBe(404);
    expect((await request('GET', '/assignment-batches', city.as('reform'))).statusCode).toBe(403);
    const rows = await inbox('proposal_office', `?proposalId=${second.id}`);
    expect(rows.map((row) => row.batchId)).toEqual([batch.id, batch.id]);
    const twice = await request('POST', '/assignment-batches', city.as('proposal_office'), body);
    expect(twice.statusCode).toBe(409);
  });

  it('keeps a batch to one session and to the office', async () => {
    const current = await filed();
    const previous = await insertFiledProposal(test.dependencies, city, {
      title: '上次会议的提案',
      sessionId: city.sessionIds.previous,
    });
    const plan = { mode: 'sole', unitIds: [city.unitIds.reform] };
    const body = { title: '混合批次', items: [current, previous].map((p) => ({ id: p.id, version: 1, plan })) };
    const mixed = await request('POST', '/assignment-batches', city.as('proposal_office'), body);
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().detail).toContain('同一次会议');
    expect((await request('POST', '/assignment-batches', city.as('lead'), body)).statusCode).toBe(403);
  });

  it('shows each unit only its own items; another unit can neither read nor sign for them (404)', async () => {
    const item = await soleItem('reform');
    const reformInbox = await inbox('reform');
    expect(reformInbox.length).toBeGreaterThan(0);
    expect(reformInbox.every((row) => row.unitId === city.unitIds.reform)).toBe(true);
    expect(await inbox('housing', `?unitId=${city.unitIds.reform}`)).toEqual([]);
    expect((await inbox('reformLeader')).map((row) => row.id)).toContain(item.id);
    expect((await request('GET', `/assignments/${item.id}`, city.as('housing'))).statusCode).toBe(404);
    expect((await act(item, 'sign_for', 'housing')).statusCode).toBe(404);
    expect((await request('GET', `/assignments/${item.id}`, other.as('proposal_office'))).statusCode).toBe(404);
    expect((await request('GET', '/assignments', city.as('lead'))).statusCode).toBe(403);
    const office = await inbox('proposal_office', `?unitId=${city.unitIds.reform}&state=pending`);
    expect(office.map((row) => row.id)).toContain(item.id);
    expect((await inbox('proposal_office', `?proposalId=${item.proposalId}`))[0].actions).toEqual([]);
    const first = (await request('GET', '/assignments?limit=1', city.as('proposal_office'))).json();
    expect(first.items).toHaveLength(1);
    const next = (await request('GET', `/assignments?limit=1&cursor=${first.nextCursor}`, city.as('proposal_office'))).json();
    expect(next.items[0].id < first.items[0].id).toBe(true);
    expect((await request('GET', '/assignments?cursor=garbage', city.as('proposal_office'))).statusCode).toBe(400);
  });

  it('lets the unit sign for an item once, at its version', async () => {
    const item = await soleItem('reform');
    const read = await request('GET', `/assignments/${item.id}`, city.as('reform'));
    expect(read.headers.etag).toBe('"1"');
    expect((await act({ ...item, version: 4 }, 'sign_for', 'reform')).json().code).toBe('version_conflict');
    expect((await act(item, 'sign_for', 'proposal_office')).statusCode).toBe(403);
    const signed = await act(item, 'sign_for', 'reformLeader');
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({
      state: 'signed_for',
      stateName: '已签收',
      version: 2,
      signedForAt: ASSIGN_DAY.toISOString(),
    });
    expect(signed.json().actions.map((action: Json) => action.action)).toEqual(['request_adjustment']);
    const again = await act(signed.json(), 'sign_for', 'reform');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('已签收');
    const proposal = await request('GET', `/proposals/${item.proposalId}`, city.as('reform'));
    expect(proposal.json().assignments[0].signedForAt).toBe(ASSIGN_DAY.toISOString());
    expect((await eventsOf(test.dependencies, city.orgId, 'assignment.signed_for')).map((e) => e.subject_id)).toContain(item.id);
  });

  it('accepts an adjustment request inside the window (office notified) and refuses it after the window', async () => {
    const item = await soleItem('reform');
    const late = await soleItem('reform');
    const requested = await act(item, 'request_adjustment', 'reform', {
      reason: '不属于本单位职责',
      suggestedUnitId: city.unitIds.transport,
    });
    expect(requested.statusCode).toBe(200);
    expect(requested.json()).toMatchObject({ state: 'adjustment_requested', adjustmentReason: '不属于本单位职责', version: 2 });
    expect(requested.json().actions).toEqual([]);
    const officeNotice = (await notices(item.id)).find((notice) => notice.display_name === 'proposal_office');
    expect(officeNotice?.body).toContain('市交通运输局');
    expect((await act(requested.json(), 'request_adjustment', 'reform', { reason: '再次申请' })).statusCode).toBe(409);
    expect((await act(late, 'request_adjustment', 'reform', { reason: '' })).statusCode).toBe(400);
    try {
      test.setNow(new Date('2026-07-09T02:00:00Z'));
      await city.signInAgain();
      const closed = await act(late, 'request_adjustment', 'reform', { reason: '不属于本单位职责' });
      expect(closed.statusCode).toBe(409);
      expect(closed.json().detail).toContain('2026-07-08');
      const read = await request('GET', `/assignments/${late.id}`, city.as('reform'));
      expect(read.json().actions.map((action: Json) => action.action)).toEqual(['sign_for']);
    } finally {
      test.setNow(ASSIGN_DAY);
      await city.signInAgain();
    }
  });

  it('approves an adjustment: the old row is reassigned, the replacement unit gets a pending item with fresh deadlines', async () => {
    const item = await soleItem('reform');
    const requested = (await act(item, 'request_adjustment', 'reform', { reason: '职责不符' })).json();
    expect((await act(requested, 'approve_adjustment', 'reform', { replacementUnitId: city.unitIds.transport })).statusCode).toBe(
      403,
    );
    const same = await act(requested, 'approve_adjustment', 'proposal_office', { replacementUnitId: city.unitIds.reform });
    expect(same.statusCode).toBe(422);
    const closed = await act(requested, 'approve_adjustment', 'proposal_office', { replacementUnitId: city.unitIds.closed });
    expect(closed.statusCode).toBe(422);
    try {
      test.setNow(new Date('2026-07-03T02:00:00Z')); // Friday: fresh deadlines count from here
      await city.signInAgain();
      const approved = await act(requested, 'approve_adjustment', 'proposal_office', {
        replacementUnitId: city.unitIds.transport,
        reason: '属交通部门职责',
      });
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({ state: 'reassigned', stateName: '已调整', decisionReason: '属交通部门职责' });
      const [fresh] = await inbox('transport', `?proposalId=${item.proposalId}`);
      expect(fresh).toMatchObject({
        id: approved.json().replacedById,
        state: 'pending',
        role: 'sole',
        dueOn: '2026-10-08',
        adjustmentUntil: '2026-07-10',
      });
      const proposal = (await request('GET', `/proposals/${item.proposalId}`, city.as('proposal_office'))).json();
      expect(proposal.assignments.map((row: Json) => row.unitId)).toEqual([city.unitIds.transport]);
      expect((await request('GET', `/assignments/${item.id}`, city.as('reform'))).json().state).toBe('reassigned');
      expect((await notices(fresh.id)).map((notice) => notice.display_name)).toEqual(['市交通运输局承办人']);
      expect((await notices(item.id)).some((notice) => notice.title.startsWith('调整申请已同意'))).toBe(true);
      expect((await act(approved.json(), 'refuse_adjustment', 'proposal_office', { reason: '迟了' })).statusCode).toBe(409);
    } finally {
      test.setNow(ASSIGN_DAY);
      await city.signInAgain();
    }
  });

  it('refuses an adjustment: the item is pending again and the unit is told why; illegal moves are 409', async () => {
    const item = await soleItem('housing');
    expect(
      (await act(item, 'approve_adjustment', 'proposal_office', { replacementUnitId: city.unitIds.transport })).statusCode,
    ).toBe(409);
    const requested = (await act(item, 'request_adjustment', 'housing', { reason: '职责不符' })).json();
    expect((await act(requested, 'refuse_adjustment', 'proposal_office', {})).statusCode).toBe(400);
    const refused = await act(requested, 'refuse_adjustment', 'proposal_office', { reason: '属于住建部门职责' });
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ state: 'pending', decisionReason: '属于住建部门职责', version: 3 });
    expect((await notices(item.id)).find((notice) => notice.title.startsWith('调整申请未同意'))?.body).toContain(
      '属于住建部门职责',
    );
    expect((await act(refused.json(), 'sign_for', 'housing')).statusCode).toBe(200);
  });
});
