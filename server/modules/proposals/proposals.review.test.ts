import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';
import { eventsOf } from '../orgs/orgs.test-support.ts';
import { call, createProposalCommittee, draftBody, TODAY } from './proposals.test-support.ts';

type Committee = Awaited<ReturnType<typeof createProposalCommittee>>;
type Json = Record<string, unknown> & { id: string; version: number };

describe('proposals API: the office’s review decisions', () => {
  let test: TestApp;
  let city: Committee;
  let other: Committee;
  const reasons: Record<string, string> = {};

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(TODAY);
    city = await createProposalCommittee(test.dependencies);
    other = await createProposalCommittee(test.dependencies);
    const entry = async (key: string, orgId: string, values: { code: string; name: string; active?: boolean }) => {
      const [row] = await test.dependencies.database.orm
        .insert(dictionaryEntries)
        .values({ orgId, kind: 'rejection_reason', ...values })
        .returning({ id: dictionaryEntries.id });
      reasons[key] = row.id;
    };
    await entry('personal', city.orgId, { code: 'R04', name: '属于个人事务' });
    await entry('inactive', city.orgId, { code: 'R98', name: '已停用的理由', active: false });
    await entry('foreign', other.orgId, { code: 'R04', name: '属于个人事务' });
  });
  afterAll(async () => test.close());

  /** A submitted proposal of `committee` led by `who`; `coSigner` is invited and accepts before submission. */
  async function submitted(title: string, who = 'lead', coSigner?: string, committee = city): Promise<Json> {
    const created = await call(test, 'POST', '/proposals', committee.as(who), draftBody(title));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    let version = 1;
    if (coSigner) {
      const memberIds = [committee.memberIds[coSigner], committee.memberIds.co2].filter(
        (memberId, index, all) => all.indexOf(memberId) === index && memberId !== committee.memberIds[who],
      );
      await call(test, 'POST', `/proposals/${id}/co-signers`, committee.as(who, { 'if-match': '"1"' }), {
        memberIds,
        deadline: '2026-01-12',
      });
      const path = `/proposals/${id}/co-signers/${committee.memberIds[coSigner]}/actions/accept`;
      expect((await call(test, 'POST', path, committee.as(coSigner))).statusCode).toBe(200);
      version = 2;
    }
    const response = await call(
      test,
      'POST',
      `/proposals/${id}/actions/submit`,
      committee.as(who, { 'if-match': `"${version}"` }),
    );
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  /** Takes a review action at a version, as the office of `committee` unless told otherwise. */
  const decide = (proposal: Json, action: string, body: object = {}, who = 'proposal_office', committee = city) =>
    call(
      test,
      'POST',
      `/proposals/${proposal.id}/actions/${action}`,
      committee.as(who, { 'if-match': `"${proposal.version}"` }),
      body,
    );
  const read = (id: string, who = 'proposal_office', committee = city) =>
    call(test, 'GET', `/proposals/${id}`, committee.as(who));
  const actionsOf = (body: { actions: { action: string }[] }) => body.actions.map((item) => item.action);

  /** The notices about a proposal: to whom (member id, or null for a user without one), title and body. */
  /** The notices about a proposal's review (co-signing invitations about it are left out). */
  async function noticesAbout(id: string) {
    const result = await test.dependencies.database.pool.query<{ member_id: string | null; title: string; body: string }>(
      `select u.member_id, n.title, n.body from notifications n join users u on u.org_id = n.org_id and u.id = n.user_id
       where n.subject_id = $1 and n.title <> '联名邀请' order by u.member_id`,
      [id],
    );
    return result.rows;
  }
  const subjectsOf = async (orgId: string, type: string) =>
    (await eventsOf(test.dependencies, orgId, type)).map((e) => e.subject_id);
  async function storedDecision(id: string) {
    const result = await test.dependencies.database.pool.query('select decision from proposals where id = $1', [id]);
    return result.rows[0].decision;
  }

  it('files a submitted proposal: number, decision, actions, event, and a notice to lead and accepted co-signers', async () => {
    const proposal = await submitted('关于立案流程的建议', 'lead', 'co1');
    const response = await decide(proposal, 'file', { note: '符合立案条件' });
    expect(response.statusCode).toBe(200);
    const filed = response.json();
    expect(filed).toMatchObject({
      state: 'filed',
      stateName: '已立案',
      version: proposal.version + 1,
      filedAt: TODAY.toISOString(),
    });
    expect(filed.number).toMatch(/^\d{4}$/);
    expect(response.headers.etag).toBe(`"${filed.version}"`);
    expect(filed.decision).toEqual({
      action: 'file',
      reason: '符合立案条件',
      reasonCodeName: null,
      convertedTo: null,
      decidedAt: TODAY.toISOString(),
    });
    expect(actionsOf(filed)).toEqual(['assign']);
    expect((await read(proposal.id, 'lead')).json()).toMatchObject({ number: filed.number, decision: { action: 'file' } });
    const [event] = (await eventsOf(test.dependencies, city.orgId, 'proposal.filed')).filter((e) => e.subject_id === proposal.id);
    expect(event.after).toMatchObject({ state: 'filed', number: filed.number });
    expect(event.before).toMatchObject({ state: 'submitted', number: null });
    const notices = await noticesAbout(proposal.id);
    expect(notices.map((notice) => notice.member_id).sort()).toEqual([city.memberIds.lead, city.memberIds.co1].sort());
    expect(notices[0].title).toBe(`提案已立案（第${filed.number}号）`);
    expect(notices[0].body).toContain('关于立案流程的建议');
    expect(notices[0].body).toContain('符合立案条件');
  });

  it('files under the category the office chose (an active one of this committee), or refuses and files nothing', async () => {
    const orm = test.dependencies.database.orm;
    const category = async (orgId: string, code: string, active = true) =>
      (
        await orm
          .insert(dictionaryEntries)
          .values({ orgId, kind: 'proposal_category', code, name: `类别${code}`, active })
          .returning({ id: dictionaryEntries.id })
      )[0].id;
    const science = await category(city.orgId, 'K01');
    const retired = await category(city.orgId, 'K99', false);
    const foreign = await category(other.orgId, 'K01');
    const proposal = await submitted('关于建设科技创新平台的建议');
    const file = (body: object) =>
      call(test, 'POST', `/proposals/${proposal.id}/actions/file`, city.as('proposal_office', { 'if-match': '"2"' }), body);
    const inactive = await file({ categoryId: retired });
    expect(inactive.statusCode).toBe(422);
    expect(inactive.json().detail).toContain('已停用');
    expect((await file({ categoryId: foreign })).statusCode).toBe(404);
    expect((await file({ categoryId: 'not-an-id' })).statusCode).toBe(400);
    const filed = await file({ categoryId: science });
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).toMatchObject({ state: 'filed', categoryId: science, version: 3 });
    const [event] = (await eventsOf(test.dependencies, city.orgId, 'proposal.filed')).filter(
      (row) => row.subject_id === proposal.id,
    );
    expect((event.before as { categoryId: string | null }).categoryId).not.toBe(science);
    expect(event.after).toMatchObject({ categoryId: science });
  });

  it('notifies the office user who entered a collective proposal, and refuses to file a draft (409 naming it)', async () => {
    const created = await call(test, 'POST', '/proposals', city.as('proposal_office'), {
      ...draftBody('关于集体提案立案的建议'),
      collectiveAuthor: { name: '民盟市委' },
    });
    const draft = created.json();
    const early = await decide(draft, 'file');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'invalid_transition', state: 'draft' });
    expect(early.json().detail).toContain('草稿');
    await call(test, 'POST', `/proposals/${draft.id}/actions/submit`, city.as('proposal_office', { 'if-match': '"1"' }));
    expect((await decide({ ...draft, version: 2 }, 'file')).statusCode).toBe(200);
    const notices = await noticesAbout(draft.id);
    expect(notices).toHaveLength(1);
    expect(notices[0].member_id).toBeNull();
  });

  it('rejects with a reason code of the committee’s list, stores and shows it, and tells the proposers why', async () => {
    const proposal = await submitted('关于小区停车纠纷的建议');
    const bad = [
      [{ reason: '属于个人事务' }, 400],
      [{ reasonCodeId: 'abc', reason: '属于个人事务' }, 400],
      [{ reasonCodeId: reasons.personal, reason: '  ' }, 400],
      [{ reasonCodeId: '01890000-0000-7000-8000-000000000000', reason: '理由' }, 422],
      [{ reasonCodeId: reasons.foreign, reason: '理由' }, 422],
      [{ reasonCodeId: reasons.inactive, reason: '理由' }, 422],
      [{ reasonCodeId: city.categoryId, reason: '理由' }, 422],
    ] as const;
    for (const [body, status] of bad) {
      const refused = await decide(proposal, 'reject', body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(status);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect((await read(proposal.id)).json()).toMatchObject({ state: 'submitted', version: proposal.version });

    const response = await decide(proposal, 'reject', { reasonCodeId: reasons.personal, reason: '系邻里纠纷，建议通过调解解决' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      state: 'rejected',
      version: proposal.version + 1,
      actions: [],
      number: null,
      decision: { action: 'reject', reason: '系邻里纠纷，建议通过调解解决', reasonCodeName: '属于个人事务' },
    });
    expect(await storedDecision(proposal.id)).toMatchObject({ reasonCodeId: reasons.personal, reasonCodeName: '属于个人事务' });
    expect(await subjectsOf(city.orgId, 'proposal.rejected')).toContain(proposal.id);
    const [notice] = await noticesAbout(proposal.id);
    expect(notice).toMatchObject({ member_id: city.memberIds.lead, title: '提案不予立案（属于个人事务）' });
    expect(notice.body).toContain('系邻里纠纷，建议通过调解解决');

    const filed = (await decide(await submitted('已立案再驳回'), 'file')).json();
    const late = await decide(filed, 'reject', { reasonCodeId: reasons.personal, reason: '理由' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('已立案');
  });

  it('merges into a filed proposal: the source keeps its text, its proposers join the target and may read it', async () => {
    const target = (await decide(await submitted('关于加快老旧小区改造的建议'), 'file')).json();
    const source = await submitted('关于老旧小区加装电梯的建议', 'outsider', 'co2');
    expect((await read(target.id, 'outsider')).statusCode).toBe(404);

    const response = await decide(source, 'merge', { targetId: target.id, reason: '内容相近' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      state: 'merged',
      version: source.version + 1,
      title: '关于老旧小区加装电梯的建议',
      background: draftBody().background,
      mergedInto: { id: target.id, number: target.number, title: '关于加快老旧小区改造的建议' },
      decision: { action: 'merge', reason: '内容相近' },
      actions: [],
    });
    const after = (await read(target.id)).json();
    expect(after.version).toBe(target.version + 1);
    expect(after.mergedProposals).toEqual([{ id: source.id, title: '关于老旧小区加装电梯的建议', authorName: '赵委员' }]);
    expect(after.proposers).toEqual([
      { memberId: city.memberIds.lead, name: '张委员', role: 'lead' },
      { memberId: city.memberIds.outsider, name: '赵委员', role: 'merged', fromProposalId: source.id },
      { memberId: city.memberIds.co2, name: '王委员', role: 'merged', fromProposalId: source.id },
    ]);
    expect((await read(target.id, 'outsider')).statusCode).toBe(200);
    expect(await subjectsOf(city.orgId, 'proposal.merged')).toContain(source.id);
    expect(await subjectsOf(city.orgId, 'proposal.merge_received')).toContain(target.id);
    const notices = await noticesAbout(source.id);
    expect(notices.map((notice) => notice.member_id).sort()).toEqual([city.memberIds.outsider, city.memberIds.co2].sort());
    expect(notices[0].title).toBe(`提案已并案（并入第${target.number}号）`);
    expect(notices[0].body).toContain('关于加快老旧小区改造的建议');

    // The merged proposal cannot take merges itself, nor can a proposal join one that is not filed.
    const another = await submitted('关于电梯维保的建议');
    const pending = await submitted('尚未立案的提案');
    const refusals = [
      [{ targetId: source.id }, 409, '已并案'],
      [{ targetId: pending.id }, 409, '已提交'],
      [{ targetId: another.id }, 422, '自身'],
      [{ targetId: '01890000-0000-7000-8000-000000000000' }, 422, '不存在'],
      [{}, 400, ''],
    ] as const;
    for (const [body, status, text] of refusals) {
      const refused = await decide(another, 'merge', body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(status);
      expect(refused.json().detail).toContain(text);
    }
    const foreignTarget = (
      await decide(await submitted('外会提案', 'lead', undefined, other), 'file', {}, 'proposal_office', other)
    ).json();
    expect((await decide(another, 'merge', { targetId: foreignTarget.id })).statusCode).toBe(422);
    expect((await read(another.id)).json()).toMatchObject({ state: 'submitted', version: another.version });
  });

  it('converts only with the proposer’s recorded consent', async () => {
    const proposal = await submitted('关于路灯维修的建议');
    for (const body of [
      { to: 'opinion_report' },
      { to: 'opinion_report', consent: { given: false, note: '电话' } },
      { to: 'opinion_report', consent: { given: true, note: ' ' } },
      { to: 'newspaper', consent: { given: true, note: '电话' } },
    ]) {
      const refused = await decide(proposal, 'convert', body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
    }
    const response = await decide(proposal, 'convert', {
      to: 'opinion_report',
      consent: { given: true, note: '1月10日电话征得本人同意' },
      reason: '反映情况较具体，宜作社情民意信息',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      state: 'converted',
      actions: [],
      decision: { action: 'convert', convertedTo: 'opinion_report', reason: '反映情况较具体，宜作社情民意信息' },
    });
    const [event] = (await eventsOf(test.dependencies, city.orgId, 'proposal.converted')).filter(
      (e) => e.subject_id === proposal.id,
    );
    expect(await storedDecision(proposal.id)).toMatchObject({
      convertedTo: 'opinion_report',
      consent: { note: '1月10日电话征得本人同意', recordedBy: event.actor_id },
    });
    const [notice] = await noticesAbout(proposal.id);
    expect(notice.title).toBe('提案已转为社情民意信息');
  });

  it('returns for revision; the member edits and submits again; the office then files it', async () => {
    const proposal = await submitted('关于社区养老的建议');
    expect((await decide(proposal, 'return', {})).statusCode).toBe(400);
    const returned = await decide(proposal, 'return', { reason: '请补充具体的实施建议' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'returned', decision: { action: 'return', reason: '请补充具体的实施建议' } });
    expect(await subjectsOf(city.orgId, 'proposal.returned')).toContain(proposal.id);
    const [notice] = await noticesAbout(proposal.id);
    expect(notice).toMatchObject({ member_id: city.memberIds.lead, title: '提案被退回修改' });
    expect(notice.body).toContain('请补充具体的实施建议');

    const seen = (await read(proposal.id, 'lead')).json();
    expect(actionsOf(seen)).toEqual(['edit', 'submit', 'withdraw']);
    const edited = await call(test, 'PATCH', `/proposals/${proposal.id}`, city.as('lead', { 'if-match': `"${seen.version}"` }), {
      suggestions: '一是建设社区食堂；二是培训护理人员。',
    });
    expect(edited.statusCode).toBe(200);
    const resubmitted = await call(
      test,
      'POST',
      `/proposals/${proposal.id}/actions/submit`,
      city.as('lead', { 'if-match': `"${edited.json().version}"` }),
    );
    expect(resubmitted.json()).toMatchObject({ state: 'submitted', suggestions: '一是建设社区食堂；二是培训护理人员。' });
    expect((await decide(resubmitted.json(), 'file')).json().state).toBe('filed');
  });

  it('refuses decisions by members (403), by another committee (404), at a stale or missing version (409, 428)', async () => {
    const proposal = await submitted('关于权限检查的建议', 'lead', 'co1');
    const bodies: Record<string, object> = {
      file: {},
      reject: { reasonCodeId: reasons.personal, reason: '理由' },
      convert: { to: 'letter', consent: { given: true, note: '同意' } },
      return: { reason: '意见' },
      merge: { targetId: proposal.id },
    };
    for (const [action, body] of Object.entries(bodies)) {
      expect((await decide(proposal, action, body, 'lead')).statusCode, action).toBe(403);
      expect((await decide(proposal, action, body, 'co1')).statusCode, action).toBe(403);
      expect((await decide(proposal, action, body, 'proposal_office', other)).statusCode, action).toBe(404);
      const stale = await decide({ ...proposal, version: proposal.version - 1 }, action, body);
      expect(stale.statusCode, action).toBe(409);
      expect(stale.json().code).toBe('version_conflict');
      const missing = await call(test, 'POST', `/proposals/${proposal.id}/actions/${action}`, city.as('proposal_office'), body);
      expect(missing.statusCode, action).toBe(428);
    }
    expect((await read(proposal.id)).json()).toMatchObject({ state: 'submitted', version: proposal.version, number: null });
    expect(await noticesAbout(proposal.id)).toEqual([]);
  });

  it('numbers 20 concurrent filings of a session 0001..0020, unique and without gaps', async () => {
    const fresh = await createProposalCommittee(test.dependencies);
    const proposals: Json[] = [];
    for (let index = 0; index < 20; index += 1)
      proposals.push(await submitted(`并发立案第${index + 1}件`, 'lead', undefined, fresh));
    const responses = await Promise.all(proposals.map((proposal) => decide(proposal, 'file', {}, 'proposal_office', fresh)));
    expect(responses.map((response) => response.statusCode)).toEqual(Array(20).fill(200));
    const numbers = responses.map((response) => response.json().number).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => String(index + 1).padStart(4, '0')));
    const counter = await test.dependencies.database.pool.query(
      'select last_number from proposal_number_counters where org_id = $1 and session_id = $2',
      [fresh.orgId, fresh.sessionIds.current],
    );
    expect(counter.rows).toEqual([{ last_number: 20 }]);
  });

  it('files in bulk in the given order; a stale or unknown item fails alone, the others get consecutive numbers', async () => {
    const fresh = await createProposalCommittee(test.dependencies);
    const [first, stale, third] = [
      await submitted('批量立案一', 'lead', undefined, fresh),
      await submitted('批量立案二', 'lead', undefined, fresh),
      await submitted('批量立案三', 'lead', undefined, fresh),
    ];
    const unknown = '01890000-0000-7000-8000-000000000000';
    const items = [
      { id: first.id, version: first.version },
      { id: stale.id, version: stale.version - 1 },
      { id: unknown, version: 1 },
      { id: third.id, version: third.version },
    ];
    const byMember = await call(test, 'POST', '/proposals/bulk-actions/file', fresh.as('lead'), { items });
    expect(byMember.statusCode).toBe(403);
    expect(
      (await call(test, 'POST', '/proposals/bulk-actions/file', fresh.as('proposal_office'), { items: [] })).statusCode,
    ).toBe(400);
    const response = await call(test, 'POST', '/proposals/bulk-actions/file', fresh.as('proposal_office'), { items });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      { id: first.id, ok: true, number: '0001', status: 200 },
      { id: stale.id, ok: false, status: 409, detail: expect.stringContaining('已被他人修改') },
      { id: unknown, ok: false, status: 404, detail: expect.any(String) },
      { id: third.id, ok: true, number: '0002', status: 200 },
    ]);
    expect((await read(stale.id, 'proposal_office', fresh)).json()).toMatchObject({ state: 'submitted', number: null });
    expect((await read(third.id, 'proposal_office', fresh)).json()).toMatchObject({ state: 'filed', number: '0002' });
    expect(await noticesAbout(first.id)).toHaveLength(1);
  });

  it('replays a retried filing with the same Idempotency-Key: same number, no number consumed', async () => {
    const fresh = await createProposalCommittee(test.dependencies);
    const proposal = await submitted('幂等立案', 'lead', undefined, fresh);
    const headers = fresh.as('proposal_office', {
      'if-match': `"${proposal.version}"`,
      'idempotency-key': `file-${proposal.id}`,
    });
    const first = await call(test, 'POST', `/proposals/${proposal.id}/actions/file`, headers, {});
    const retry = await call(test, 'POST', `/proposals/${proposal.id}/actions/file`, headers, {});
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().number).toBe('0001');
    expect(retry.body).toBe(first.body);
    expect((await subjectsOf(fresh.orgId, 'proposal.filed')).filter((id) => id === proposal.id)).toHaveLength(1);
    const next = await submitted('幂等之后的下一件', 'lead', undefined, fresh);
    expect((await decide(next, 'file', {}, 'proposal_office', fresh)).json().number).toBe('0002');
  });
});
