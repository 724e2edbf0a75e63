import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { eventsOf } from '../orgs/orgs.test-support.ts';
import { call, createProposalCommittee, draftBody, TODAY } from './proposals.test-support.ts';

describe('proposals API: drafts, submission, supplements, withdrawal', () => {
  let test: TestApp;
  let city: Awaited<ReturnType<typeof createProposalCommittee>>;
  let other: Awaited<ReturnType<typeof createProposalCommittee>>;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(TODAY);
    city = await createProposalCommittee(test.dependencies);
    other = await createProposalCommittee(test.dependencies);
  });
  afterAll(async () => test.close());

  /** Creates a draft as the lead member and returns its body. */
  async function draft(title?: string, extra: Record<string, unknown> = {}) {
    const response = await call(test, 'POST', '/proposals', city.as('lead'), draftBody(title, extra));
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  it('creates a draft in the current session, with the actions open to the lead, and records it', async () => {
    const response = await call(
      test,
      'POST',
      '/proposals',
      city.as('lead'),
      draftBody(undefined, { categoryId: city.categoryId }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const proposal = response.json();
    expect(proposal).toMatchObject({
      state: 'draft',
      stateName: '草稿',
      version: 1,
      sessionId: city.sessionIds.current,
      kind: 'plenary',
      number: null,
      authorType: 'member',
      leadMemberId: city.memberIds.lead,
      authorName: '张委员',
      bodyMaxCharacters: 500,
    });
    expect(proposal.actions.map((action: { action: string }) => action.action)).toEqual(['edit', 'invite_co_signers', 'submit']);
    const events = await eventsOf(test.dependencies, city.orgId, 'proposal.created');
    expect(events.map((event) => event.subject_id)).toContain(proposal.id);
  });

  it('saves partial changes at the version sent in If-Match, and refuses a stale or missing version', async () => {
    const proposal = await draft();
    const saved = await call(test, 'PATCH', `/proposals/${proposal.id}`, city.as('lead', { 'if-match': '"1"' }), {
      suggestions: '建议设立专项资金。',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, suggestions: '建议设立专项资金。', title: proposal.title });
    const unchanged = await call(test, 'PATCH', `/proposals/${proposal.id}`, city.as('lead', { 'if-match': '"2"' }), {
      suggestions: '建议设立专项资金。',
      keywords: proposal.keywords,
    });
    expect(unchanged.json().version).toBe(2);
    const updates = await eventsOf(test.dependencies, city.orgId, 'proposal.updated');
    expect(updates.filter((event) => event.subject_id === proposal.id)).toHaveLength(1);
    const stale = await call(test, 'PATCH', `/proposals/${proposal.id}`, city.as('lead', { 'if-match': '"1"' }), {
      title: '新案由',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const missing = await call(test, 'PATCH', `/proposals/${proposal.id}`, city.as('lead'), { title: '新案由' });
    expect(missing.statusCode).toBe(428);
  });

  it('limits background plus suggestions to the tenant setting, naming the fields', async () => {
    const atLimit = await call(test, 'POST', '/proposals', city.as('lead'), {
      title: '字数恰好到上限',
      background: '情'.repeat(300),
      suggestions: '建'.repeat(200),
    });
    expect(atLimit.statusCode).toBe(201);
    expect(atLimit.json().bodyLength).toBe(500);
    const tooLong = await call(test, 'PATCH', `/proposals/${atLimit.json().id}`, city.as('lead', { 'if-match': '"1"' }), {
      suggestions: '建'.repeat(201),
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().code).toBe('body_too_long');
    expect(tooLong.json().errors.map((error: { field: string }) => error.field)).toEqual(['background', 'suggestions']);
    const unchanged = await call(test, 'GET', `/proposals/${atLimit.json().id}`, city.as('lead'));
    expect(unchanged.json().version).toBe(1);
  });

  it.each([
    ['no title', 'lead', { background: 'x' }, 400],
    ['an empty title', 'lead', { title: '   ' }, 400],
    ['a title too long', 'lead', { title: '长'.repeat(201) }, 400],
    ['a malformed category id', 'lead', { title: '案由', categoryId: 'abc' }, 400],
    ['a category that does not exist', 'lead', { title: '案由', categoryId: '01890000-0000-7000-8000-000000000000' }, 422],
    ['too many keywords', 'lead', { title: '案由', keywords: Array.from({ length: 11 }, (_, index) => `词${index}`) }, 400],
    ['a member entering a collective proposal', 'lead', { title: '案由', collectiveAuthor: { name: '民建' } }, 403],
    ['office staff writing as a member', 'proposal_office', { title: '案由' }, 403],
    ['a unit handler', 'unit_handler', { title: '案由' }, 403],
    ['a collective author both named and chosen', 'proposal_office', { title: '案由', collectiveAuthor: {} }, 400],
  ])('refuses %s', async (_name, who, body, status) => {
    const response = await call(test, 'POST', '/proposals', city.as(who), body);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('submits only a complete proposal, and freezes the text afterwards (supplements are appended)', async () => {
    const incomplete = await call(test, 'POST', '/proposals', city.as('lead'), {
      title: '内容未写完',
      agreesToPublish: false,
    });
    const refused = await call(
      test,
      'POST',
      `/proposals/${incomplete.json().id}/actions/submit`,
      city.as('lead', { 'if-match': '"1"' }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((error: { field: string }) => error.field)).toEqual([
      'background',
      'suggestions',
      'publicationRefusalReason',
    ]);

    const proposal = await draft('关于提升公交准点率的建议');
    const submitted = await call(
      test,
      'POST',
      `/proposals/${proposal.id}/actions/submit`,
      city.as('lead', { 'if-match': '"1"' }),
    );
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'submitted', version: 2, kind: 'plenary' });
    expect(submitted.json().submittedAt).toBe(TODAY.toISOString());
    expect(submitted.json().actions.map((action: { action: string }) => action.action)).toEqual(['withdraw', 'add_supplement']);

    const edit = await call(test, 'PATCH', `/proposals/${proposal.id}`, city.as('lead', { 'if-match': '"2"' }), { title: '改' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toContain('已提交');
    const again = await call(test, 'POST', `/proposals/${proposal.id}/actions/submit`, city.as('lead', { 'if-match': '"2"' }));
    expect(again.statusCode).toBe(409);

    const supplement = await call(test, 'POST', `/proposals/${proposal.id}/supplements`, city.as('lead'), {
      text: '补充：附近三条线路的调查数据。',
    });
    expect(supplement.statusCode).toBe(201);
    expect(supplement.json().supplements).toEqual([
      expect.objectContaining({ text: '补充：附近三条线路的调查数据。', authorName: '张委员' }),
    ]);
    expect(supplement.json().title).toBe('关于提升公交准点率的建议');
    const byOther = await call(test, 'POST', `/proposals/${proposal.id}/supplements`, city.as('proposal_office'), {
      text: '补充',
    });
    expect(byOther.statusCode).toBe(403);
    const empty = await call(test, 'POST', `/proposals/${proposal.id}/supplements`, city.as('lead'), { text: '  ' });
    expect(empty.statusCode).toBe(400);
    const onDraft = await call(test, 'POST', `/proposals/${incomplete.json().id}/supplements`, city.as('lead'), { text: '补充' });
    expect(onDraft.statusCode).toBe(409);
  });

  it('replays a retried submit with the same Idempotency-Key: same response, one submission', async () => {
    const proposal = await draft('关于幂等提交的建议');
    const headers = city.as('lead', { 'if-match': '"1"', 'idempotency-key': `submit-${proposal.id}` });
    const first = await call(test, 'POST', `/proposals/${proposal.id}/actions/submit`, headers);
    const second = await call(test, 'POST', `/proposals/${proposal.id}/actions/submit`, headers);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
    const submissions = await eventsOf(test.dependencies, city.orgId, 'proposal.submitted');
    expect(submissions.filter((event) => event.subject_id === proposal.id)).toHaveLength(1);
  });

  it('lets only one of two concurrent submits at the same version win; the other is a 409', async () => {
    const proposal = await draft('并发提交');
    const headers = city.as('lead', { 'if-match': '"1"' });
    const results = await Promise.all([
      call(test, 'POST', `/proposals/${proposal.id}/actions/submit`, headers),
      call(test, 'POST', `/proposals/${proposal.id}/actions/submit`, headers),
    ]);
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 409]);
    const submissions = await eventsOf(test.dependencies, city.orgId, 'proposal.submitted');
    expect(submissions.filter((event) => event.subject_id === proposal.id)).toHaveLength(1);
  });

  it('creates one draft for a retried create with the same Idempotency-Key', async () => {
    const headers = city.as('lead', { 'idempotency-key': 'create-once' });
    const first = await call(test, 'POST', '/proposals', headers, draftBody('只应创建一次的提案'));
    const second = await call(test, 'POST', '/proposals', headers, draftBody('只应创建一次的提案'));
    expect(second.json().id).toBe(first.json().id);
    const count = await test.dependencies.database.pool.query<{ count: number }>(
      'select count(*)::int as count from proposals where org_id = $1 and title = $2',
      [city.orgId, '只应创建一次的提案'],
    );
    expect(count.rows[0].count).toBe(1);
  });

  it('lets the lead withdraw before review, and refuses after review, twice, from a draft or by others', async () => {
    const proposal = await draft('将被撤回的提案');
    await call(test, 'POST', `/proposals/${proposal.id}/actions/submit`, city.as('lead', { 'if-match': '"1"' }));
    const byOffice = await call(
      test,
      'POST',
      `/proposals/${proposal.id}/actions/withdraw`,
      city.as('proposal_office', { 'if-match': '"2"' }),
      {},
    );
    expect(byOffice.statusCode).toBe(403);
    const withdrawn = await call(
      test,
      'POST',
      `/proposals/${proposal.id}/actions/withdraw`,
      city.as('lead', { 'if-match': '"2"' }),
      {
        reason: '与他人提案重复',
      },
    );
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', actions: [] });
    const twice = await call(
      test,
      'POST',
      `/proposals/${proposal.id}/actions/withdraw`,
      city.as('lead', { 'if-match': '"3"' }),
      {},
    );
    expect(twice.statusCode).toBe(409);
    const events = await eventsOf(test.dependencies, city.orgId, 'proposal.withdrawn');
    expect(events.find((event) => event.subject_id === proposal.id)?.summary).toContain('与他人提案重复');

    const fresh = await draft('草稿不能撤回');
    const fromDraft = await call(test, 'POST', `/proposals/${fresh.id}/actions/withdraw`, city.as('lead', { 'if-match': '"1"' }));
    expect(fromDraft.statusCode).toBe(409);

    const reviewed = await draft('已立案的提案');
    await call(test, 'POST', `/proposals/${reviewed.id}/actions/submit`, city.as('lead', { 'if-match': '"1"' }));
    await test.dependencies.database.pool.query("update proposals set state = 'filed', number = '0001' where id = $1", [
      reviewed.id,
    ]);
    const afterFiling = await call(
      test,
      'POST',
      `/proposals/${reviewed.id}/actions/withdraw`,
      city.as('lead', { 'if-match': '"2"' }),
      {},
    );
    expect(afterFiling.statusCode).toBe(409);
    expect(afterFiling.json().detail).toContain('已立案');
  });

  it('hides a proposal from another committee and from members who are not its proposers (404)', async () => {
    const proposal = await draft('本委员会的提案');
    await call(test, 'POST', `/proposals/${proposal.id}/actions/submit`, city.as('lead', { 'if-match': '"1"' }));
    for (const headers of [other.as('lead'), other.as('proposal_office'), city.as('outsider'), city.as('unit_handler')]) {
      const read = await call(test, 'GET', `/proposals/${proposal.id}`, headers);
      expect(read.statusCode).toBe(404);
    }
    const patch = await call(test, 'PATCH', `/proposals/${proposal.id}`, other.as('proposal_office', { 'if-match': '"2"' }), {
      title: '越权修改',
    });
    expect(patch.statusCode).toBe(404);
    const supplement = await call(test, 'POST', `/proposals/${proposal.id}/supplements`, other.as('lead'), { text: '越权' });
    expect(supplement.statusCode).toBe(404);
    const list = await call(test, 'GET', '/proposals', other.as('proposal_office'));
    expect(list.json().items.map((item: { id: string }) => item.id)).not.toContain(proposal.id);
    const unchanged = await call(test, 'GET', `/proposals/${proposal.id}`, city.as('proposal_office'));
    expect(unchanged.json()).toMatchObject({ title: '本委员会的提案', state: 'submitted', supplements: [] });
  });

  it('answers bad ids and cursors with 400', async () => {
    expect((await call(test, 'GET', '/proposals/not-a-uuid', city.as('lead'))).statusCode).toBe(400);
    expect((await call(test, 'GET', '/proposals?cursor=bad', city.as('lead'))).statusCode).toBe(400);
    expect((await call(test, 'GET', '/proposals?state=unknown', city.as('lead'))).statusCode).toBe(400);
  });
});
