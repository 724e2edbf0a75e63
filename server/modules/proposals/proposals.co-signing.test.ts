import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { eventsOf } from '../orgs/orgs.test-support.ts';
import { reindexProposals } from './proposals.search.ts';
import { call, createProposalCommittee, draftBody, TODAY } from './proposals.test-support.ts';

const DAY = 86_400_000;

describe('proposals API: co-signing, collective proposals, lists and similar items', () => {
  let test: TestApp;
  let city: Awaited<ReturnType<typeof createProposalCommittee>>;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(TODAY);
    city = await createProposalCommittee(test.dependencies);
  });
  afterAll(async () => test.close());

  async function draft(title?: string) {
    const response = await call(test, 'POST', '/proposals', city.as('lead'), draftBody(title));
    expect(response.statusCode).toBe(201);
    return response.json();
  }
  const act = (who: string, id: string, memberId: string, action: string) =>
    call(test, 'POST', `/proposals/${id}/co-signers/${memberId}/actions/${action}`, city.as(who));

  it('runs co-signing up to the deadline; only accepted co-signers count when submitted', async () => {
    const proposal = await draft('关于联名征集的建议');
    const invited = await call(test, 'POST', `/proposals/${proposal.id}/co-signers`, city.as('lead', { 'if-match': '"1"' }), {
      memberIds: [city.memberIds.co1, city.memberIds.co2, city.memberIds.outsider],
      deadline: '2026-01-12',
    });
    expect(invited.statusCode).toBe(200);
    expect(invited.json()).toMatchObject({ state: 'co_signing', coSigningDeadline: '2026-01-12', version: 2 });
    expect(invited.json().coSigners.map((row: { state: string }) => row.state)).toEqual(['invited', 'invited', 'invited']);
    // Each invited member finds the invitation in the notification centre; the lead gets none.
    const notices = await call(test, 'GET', '/notifications', city.as('co2'));
    expect(notices.json().items[0]).toMatchObject({ title: '联名邀请', link: `/proposals/${proposal.id}` });
    expect(notices.json().items[0].body).toContain('2026-01-12');
    expect((await call(test, 'GET', '/notifications', city.as('lead'))).json().unreadCount).toBe(0);

    // The invited member sees it with their own answers; the office does not see a proposal still collecting names.
    const seenByCo1 = await call(test, 'GET', `/proposals/${proposal.id}`, city.as('co1'));
    expect(seenByCo1.statusCode).toBe(200);
    const mine = seenByCo1.json().coSigners.find((row: { memberId: string }) => row.memberId === city.memberIds.co1);
    expect(mine.actions).toEqual(['accept', 'decline']);
    expect(seenByCo1.json().actions).toEqual([]);
    expect((await call(test, 'GET', `/proposals/${proposal.id}`, city.as('proposal_office'))).statusCode).toBe(404);

    const inbox = await call(test, 'GET', '/proposals?awaitingMyAnswer=true', city.as('co1'));
    expect(inbox.json().items.map((item: { id: string }) => item.id)).toEqual([proposal.id]);
    expect((await act('co1', proposal.id, city.memberIds.co1, 'accept')).json().proposers).toHaveLength(2);
    const answered = await call(test, 'GET', '/proposals?awaitingMyAnswer=true', city.as('co1'));
    expect(answered.json().items).toEqual([]);
    expect((await act('co1', proposal.id, city.memberIds.co2, 'accept')).statusCode).toBe(403);
    expect((await act('lead', proposal.id, city.memberIds.co2, 'accept')).statusCode).toBe(403);
    expect((await act('co2', proposal.id, city.memberIds.co2, 'decline')).json().coSigners[1].state).toBe('declined');
    expect((await act('co1', proposal.id, city.memberIds.co1, 'cancel')).statusCode).toBe(403);
    const cancelled = await act('lead', proposal.id, city.memberIds.outsider, 'cancel');
    expect(cancelled.json().coSigners[2].state).toBe('cancelled');
    expect((await call(test, 'GET', `/proposals/${proposal.id}`, city.as('outsider'))).statusCode).toBe(404);
    expect((await act('co1', proposal.id, city.memberIds.co1, 'accept')).statusCode).toBe(409);
    expect((await act('co1', proposal.id, city.memberIds.lead, 'accept')).statusCode).toBe(404);
    expect((await act('co1', proposal.id, city.memberIds.co1, 'approve')).statusCode).toBe(400);

    // The deadline is the last day: on it answers are taken, the day after they are a 409.
    test.setNow(new Date(TODAY.getTime() + 2 * DAY));
    await city.signInAgain();
    expect((await act('co2', proposal.id, city.memberIds.co2, 'accept')).statusCode).toBe(200);
    expect((await act('co2', proposal.id, city.memberIds.co2, 'decline')).statusCode).toBe(200);
    test.setNow(new Date(TODAY.getTime() + 3 * DAY));
    await city.signInAgain();
    const late = await act('co2', proposal.id, city.memberIds.co2, 'accept');
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('co_signing_closed');
    const lateInvite = await call(test, 'POST', `/proposals/${proposal.id}/co-signers`, city.as('lead', { 'if-match': '"2"' }), {
      memberIds: [city.memberIds.outsider],
      deadline: '2026-01-20',
    });
    expect(lateInvite.statusCode).toBe(409);

    const submitted = await call(
      test,
      'POST',
      `/proposals/${proposal.id}/actions/submit`,
      city.as('lead', { 'if-match': '"2"' }),
    );
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().proposers).toEqual([
      { memberId: city.memberIds.lead, name: '张委员', role: 'lead' },
      { memberId: city.memberIds.co1, name: '李委员', role: 'co_signer' },
    ]);
    expect((await act('co1', proposal.id, city.memberIds.co1, 'decline')).statusCode).toBe(409);
    expect((await act('lead', proposal.id, city.memberIds.co1, 'cancel')).statusCode).toBe(409);
    const events = await eventsOf(test.dependencies, city.orgId, 'proposal.co_signer_accepted');
    expect(events.filter((event) => event.subject_id === proposal.id)).toHaveLength(2);
    test.setNow(TODAY);
    await city.signInAgain();
  });

  it('refuses bad invitations: past deadline, self, unknown member, no members, by a co-signer', async () => {
    const proposal = await draft('邀请校验');
    const invite = (who: string, body: object) =>
      call(test, 'POST', `/proposals/${proposal.id}/co-signers`, city.as(who, { 'if-match': '"1"' }), body);
    expect((await invite('lead', { memberIds: [city.memberIds.co1], deadline: '2026-01-09' })).statusCode).toBe(422);
    expect((await invite('lead', { memberIds: [city.memberIds.lead], deadline: '2026-01-12' })).statusCode).toBe(422);
    // Oneself among several members: the whole invitation is refused in Chinese, nobody is invited.
    const self = await invite('lead', { memberIds: [city.memberIds.co1, city.memberIds.lead], deadline: '2026-01-12' });
    expect(self.statusCode).toBe(422);
    expect(self.json()).toMatchObject({
      code: 'self_invitation',
      detail: '第一提案人不能邀请自己联名',
      errors: [{ field: 'memberIds', message: '不能邀请自己' }],
    });
    const unknown = await invite('lead', { memberIds: ['01890000-0000-7000-8000-000000000000'], deadline: '2026-01-12' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('unknown_member');
    expect((await invite('lead', { memberIds: [], deadline: '2026-01-12' })).statusCode).toBe(400);
    expect((await invite('lead', { memberIds: [city.memberIds.co1], deadline: '2026-02-30' })).statusCode).toBe(400);
    expect((await invite('co1', { memberIds: [city.memberIds.co2], deadline: '2026-01-12' })).statusCode).toBe(404);
    const after = await call(test, 'GET', `/proposals/${proposal.id}`, city.as('lead'));
    expect(after.json()).toMatchObject({ state: 'draft', version: 1, coSigners: [] });
  });

  it('lets the office enter and submit a collective proposal that carries the organisation as author', async () => {
    const created = await call(test, 'POST', '/proposals', city.as('proposal_office'), {
      ...draftBody('关于发展县域经济的建议'),
      collectiveAuthor: { entryId: city.partyId },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      authorType: 'collective',
      authorName: '民盟',
      leadMemberId: null,
      proposers: [{ memberId: null, name: '民盟', role: 'collective' }],
    });
    expect(created.json().actions.map((action: { action: string }) => action.action)).toEqual(['edit', 'submit']);
    const wrongKind = await call(test, 'POST', '/proposals', city.as('proposal_office'), {
      ...draftBody(),
      collectiveAuthor: { entryId: city.categoryId },
    });
    expect(wrongKind.statusCode).toBe(422);
    const submitted = await call(
      test,
      'POST',
      `/proposals/${created.json().id}/actions/submit`,
      city.as('proposal_office', { 'if-match': '"1"' }),
    );
    expect(submitted.json().state).toBe('submitted');
    expect((await call(test, 'GET', `/proposals/${created.json().id}`, city.as('lead'))).statusCode).toBe(404);
  });

  it('lists what each user may see, with filters and cursor paging', async () => {
    const ownDraft = await draft('列表：本人草稿');
    const list = async (who: string, query = '') => {
      const response = await call(test, 'GET', `/proposals${query}`, city.as(who));
      expect(response.statusCode).toBe(200);
      return response.json() as { items: { id: string; state: string; title: string }[]; nextCursor: string | null };
    };
    const leadIds = (await list('lead', '?limit=200')).items.map((item) => item.id);
    expect(leadIds).toContain(ownDraft.id);
    const office = await list('proposal_office', '?limit=200');
    expect(office.items.map((item) => item.id)).not.toContain(ownDraft.id);
    expect(office.items.every((item) => item.state !== 'draft' || item.title.includes('县域'))).toBe(true);
    const co1 = await list('co1', '?limit=200');
    expect(co1.items.map((item) => item.title)).toContain('关于联名征集的建议');
    expect((await list('co1', '?mine=true&limit=200')).items).toEqual([]);
    expect((await list('lead', '?state=draft&limit=200')).items.every((item) => item.state === 'draft')).toBe(true);
    expect((await list('lead', `?sessionId=${city.sessionIds.previous}`)).items).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list('lead', `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(leadIds);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('finds handed-in proposals of this and the previous session with similar titles, best first', async () => {
    await test.dependencies.database.pool.query(
      `insert into proposals (org_id, id, session_id, kind, title, keywords, author_type, created_by, state, number)
       values ($1, '01890000-0000-7000-8000-0000000000a1', $2, 'plenary', '关于老旧小区加装电梯的建议', '{电梯}', 'member', $3, 'filed', '0007'),
              ($1, '01890000-0000-7000-8000-0000000000a2', $4, 'plenary', '关于加强农村饮水安全的建议', '{}', 'member', $3, 'submitted', null)`,
      [city.orgId, city.sessionIds.previous, '01890000-0000-7000-8000-0000000000ff', city.sessionIds.current],
    );
    // Written around the actions, so indexed by hand as the backfill (npm run search:reindex) would.
    await reindexProposals(test.dependencies.database.orm, city.orgId);
    await draft('关于老旧小区加装电梯的草稿不应出现');
    const response = await call(
      test,
      'GET',
      `/proposals/similar?title=${encodeURIComponent('老旧小区加装电梯')}&keywords=电梯`,
      city.as('proposal_office'),
    );
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { id: string; title: string; score: number; number: string | null }[];
    expect(items[0]).toMatchObject({ id: '01890000-0000-7000-8000-0000000000a1', number: '0007' });
    expect(items[0].score).toBeGreaterThan(0.5);
    expect(items.map((item) => item.title)).not.toContain('关于加强农村饮水安全的建议');
    expect(items.map((item) => item.title)).not.toContain('关于老旧小区加装电梯的草稿不应出现');
    // A member sees only what they may open: not another member's proposal, however alike.
    const member = await call(test, 'GET', `/proposals/similar?title=${encodeURIComponent('老旧小区加装电梯')}`, city.as('co2'));
    expect(member.json().items.map((item: { id: string }) => item.id)).not.toContain('01890000-0000-7000-8000-0000000000a1');
    expect((await call(test, 'GET', '/proposals/similar?title=', city.as('co2'))).statusCode).toBe(400);
    expect((await call(test, 'GET', '/proposals/similar?title=电梯', city.as('unit_handler'))).statusCode).toBe(403);
  });

  it('files a proposal submitted outside the session window as interim', async () => {
    const proposal = await draft('闭会期间的平时提案');
    expect(proposal.kind).toBe('plenary');
    test.setNow(new Date('2026-03-02T02:00:00Z'));
    await city.signInAgain();
    const submitted = await call(
      test,
      'POST',
      `/proposals/${proposal.id}/actions/submit`,
      city.as('lead', { 'if-match': '"1"' }),
    );
    expect(submitted.json()).toMatchObject({ state: 'submitted', kind: 'interim' });
    test.setNow(TODAY);
    await city.signInAgain();
  });
});
