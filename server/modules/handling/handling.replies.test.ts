import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { organizations } from '../orgs/orgs.tables.ts';
import { type AssignmentCommittee, createAssignmentCommittee } from '../proposals/assignment.test-support.ts';
import { contactBody, type Json, replyBody, requestAs, startHandling } from './handling.test-support.ts';

/** Wednesday 2026-07-01, 10:00 in Shanghai. */
const DAY = new Date('2026-07-01T02:00:00Z');

describe('handling API: contacts, co-handlers, sign-off and sending', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(DAY);
    city = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
  });
  afterAll(async () => test.close());

  const view = async (assignment: Json, who: string) =>
    (await request('GET', `/assignments/${assignment.id}/handling`, who)).json();
  const proposalState = async (id: string) =>
    (await test.dependencies.database.pool.query<{ state: string }>('select state from proposals where id = $1', [id])).rows[0]
      .state;
  const act = (reply: Json, action: string, who: string, body: object = {}) =>
    request('POST', `/replies/${reply.id}/actions/${action}`, who, body, reply.version);

  it('refuses to send a reply for sign-off before the proposers were contacted, then signs off and sends it', async () => {
    const { proposalId, assignments } = await startHandling(test, city, { mode: 'sole', units: ['reform'] });
    const item = assignments.reform;
    expect((await view(item, 'reform')).rules).toMatchObject({
      requiresContact: true,
      canDraftReply: true,
      canRecordContact: true,
    });

    const drafted = await request('POST', `/assignments/${item.id}/replies`, 'reform', replyBody());
    expect(drafted.statusCode, drafted.body).toBe(201);
    const draft = drafted.json();
    expect(draft).toMatchObject({ state: 'draft', round: 1, resultClass: 'A', resultClassName: '所提问题已经解决或基本解决' });
    expect(draft.actions.map((action: Json) => action.action)).toEqual(['submit']);

    const early = await act(draft, 'submit', 'reform');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'contact_required' });
    expect(early.json().detail).toContain('沟通');

    const future = await request('POST', `/assignments/${item.id}/contacts`, 'reform', contactBody('2026-07-02'));
    expect(future.statusCode).toBe(422);
    const badMethod = await request('POST', `/assignments/${item.id}/contacts`, 'reform', {
      ...contactBody('2026-07-01'),
      method: 'fax',
    });
    expect(badMethod.statusCode).toBe(400);
    expect(badMethod.json().detail).toMatch(/沟通方式/);
    const contact = await request('POST', `/assignments/${item.id}/contacts`, 'reform', contactBody('2026-06-30'), undefined);
    expect(contact.statusCode, contact.body).toBe(201);
    expect(contact.json()).toMatchObject({ methodName: '走访', contactedOn: '2026-06-30' });
    // Another unit may not record contacts on this assignment (it does not even see it).
    expect((await request('POST', `/assignments/${item.id}/contacts`, 'housing', contactBody('2026-06-30'))).statusCode).toBe(
      404,
    );

    const submitted = await act(draft, 'submit', 'reform');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'pending_signoff', stateName: '待领导签发' });
    // Stale version: 409; the handler cannot sign off; the leader sees sign_off_and_send (no office review here).
    expect((await act(draft, 'sign_off_and_send', 'reformLeader')).statusCode).toBe(409);
    const pending = submitted.json();
    expect((await act(pending, 'sign_off_and_send', 'reform')).statusCode).toBe(403);
    const leaderView = (await view(item, 'reformLeader')).replies[0];
    expect(leaderView.actions.map((action: Json) => action.action)).toEqual(['sign_off_and_send', 'return']);

    const returned = await act(pending, 'return', 'reformLeader', { reason: '请补充资金安排' });
    expect(returned.json()).toMatchObject({ state: 'draft', returnReason: '请补充资金安排' });
    const edited = await request(
      'PATCH',
      `/replies/${draft.id}`,
      'reform',
      replyBody({ text: '经研究，我局安排专项资金 300 万元，于年内完成建设。' }),
      returned.json().version,
    );
    expect(edited.statusCode, edited.body).toBe(200);
    const again = await act(edited.json(), 'submit', 'reform');
    expect(again.json().returnReason).toBeNull();
    expect(await proposalState(proposalId)).toBe('assigned');

    const sent = await act(again.json(), 'sign_off_and_send', 'reformLeader');
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'sent', signedOffByName: 'reformLeader' });
    expect(await proposalState(proposalId)).toBe('replied');

    // The proposer reads it with the unit contact's phone in full (to call them) and may rate it; a supervisor sees the
    // phone masked; a stranger member does not see the reply.
    const mine = (await request('GET', `/proposals/${proposalId}/replies`, 'lead')).json();
    expect(mine.ratingDueOn).toBe('2026-07-31');
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ canRate: true, myRating: null, ratings: [] });
    expect(mine.items[0].contactPhone).toBe('0571-87001234');
    const supervised = (await request('GET', `/proposals/${proposalId}/replies`, 'supervisor')).json();
    expect(supervised.items[0].contactPhone).not.toBe('0571-87001234');
    expect(supervised.items[0].contactPhone).toContain('*');
    expect((await request('GET', `/proposals/${proposalId}/replies`, 'outsider')).statusCode).toBe(404);
    const events = await test.dependencies.database.pool.query<{ type: string }>(
      `select type from events where subject_id in ($1, $2) order by sequence`,
      [draft.id, proposalId],
    );
    expect(events.rows.map((row) => row.type)).toEqual(
      expect.arrayContaining([
        'handling.reply_drafted',
        'handling.reply_submitted',
        'handling.reply_returned',
        'handling.reply_sent',
        'proposal.replied',
      ]),
    );
  });

  it('keeps a reply in office review when the committee reviews replies; the office may change the class', async () => {
    await test.dependencies.database.orm
      .update(organizations)
      .set({
        settings: sql`jsonb_set(coalesce(settings, '{}'::jsonb), '{proposals}', coalesce(settings->'proposals', '{}'::jsonb) || '{"officeReviewsReplies": true}'::jsonb)`,
      })
      .where(eq(organizations.id, city.orgId));
    try {
      const { proposalId, assignments } = await startHandling(test, city, { mode: 'sole', units: ['reform'] });
      const item = assignments.reform;
      await request('POST', `/assignments/${item.id}/contacts`, 'reform', contactBody('2026-07-01'));
      const draft = (await request('POST', `/assignments/${item.id}/replies`, 'reform', replyBody())).json();
      const pending = (await act(draft, 'submit', 'reform')).json();
      expect(pending.actions).toEqual([]);
      expect((await act(pending, 'sign_off_and_send', 'reformLeader')).statusCode).toBe(403);
      const reviewed = await act(pending, 'sign_off', 'reformLeader');
      expect(reviewed.json()).toMatchObject({ state: 'office_review' });
      expect(await proposalState(proposalId)).toBe('assigned');
      // The proposer does not see a reply still in review.
      expect((await request('GET', `/proposals/${proposalId}/replies`, 'lead')).json().items).toEqual([]);
      expect((await act(reviewed.json(), 'release', 'proposal_office', { resultClass: 'Z' })).statusCode).toBe(422);
      const released = await act(reviewed.json(), 'release', 'proposal_office', { resultClass: 'C' });
      expect(released.statusCode, released.body).toBe(200);
      expect(released.json()).toMatchObject({ state: 'sent', resultClass: 'C', unitResultClass: 'A' });
      expect(await proposalState(proposalId)).toBe('replied');
    } finally {
      await test.dependencies.database.orm
        .update(organizations)
        .set({ settings: sql`settings #- '{proposals,officeReviewsReplies}'` })
        .where(eq(organizations.id, city.orgId));
    }
  });

  it('waits for the co-handlers until their opinions are in or their deadline has passed', async () => {
    const { assignments } = await startHandling(test, city, {
      mode: 'lead',
      units: ['reform'],
      coUnits: ['housing', 'transport'],
    });
    const lead = assignments.reform;
    await request('POST', `/assignments/${lead.id}/contacts`, 'reform', contactBody('2026-07-01'));
    const draft = (await request('POST', `/assignments/${lead.id}/replies`, 'reform', replyBody())).json();
    const waiting = await act(draft, 'submit', 'reform');
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json()).toMatchObject({ code: 'awaiting_co_handlers' });
    expect(waiting.json().detail).toContain('市住房和城乡建设局');
    // A co-handler writes opinions, not replies or contacts, and only once.
    expect((await request('POST', `/assignments/${assignments.housing.id}/replies`, 'housing', replyBody())).statusCode).toBe(
      409,
    );
    const opinion = await request('POST', `/assignments/${assignments.housing.id}/co-opinion`, 'housing', {
      text: '同意主办单位意见，我局配合做好用地保障。',
    });
    expect(opinion.statusCode, opinion.body).toBe(201);
    expect(opinion.json()).toMatchObject({ late: false, unitName: '市住房和城乡建设局' });
    expect(
      (await request('POST', `/assignments/${assignments.housing.id}/co-opinion`, 'housing', { text: '再说一次' })).statusCode,
    ).toBe(409);
    expect((await request('POST', `/assignments/${lead.id}/co-opinion`, 'reform', { text: '主办不写会办意见' })).statusCode).toBe(
      409,
    );
    const leadView = await view(lead, 'reform');
    expect(leadView.coOpinions.map((item: Json) => item.unitName)).toEqual(['市住房和城乡建设局']);
    expect(leadView.awaitingCoHandlers).toEqual([{ unitName: '市交通运输局', dueOn: assignments.transport.dueOn }]);
    expect((await act(draft, 'submit', 'reform')).json().code).toBe('awaiting_co_handlers');

    // After the transport bureau's deadline the lead unit goes ahead; the bureau's opinion is still taken, marked late.
    test.setNow(new Date(new Date(`${assignments.transport.dueOn}T02:00:00Z`).getTime() + 86_400_000));
    await city.signInAgain();
    const submitted = await act(draft, 'submit', 'reform');
    expect(submitted.statusCode, submitted.body).toBe(200);
    const late = await request('POST', `/assignments/${assignments.transport.id}/co-opinion`, 'transport', {
      text: '我局意见迟到了。',
    });
    expect(late.json()).toMatchObject({ late: true });
    test.setNow(DAY);
    await city.signInAgain();
  });

  it('records each contact once under a retried Idempotency-Key', async () => {
    const { assignments } = await startHandling(test, city, { mode: 'sole', units: ['education'] });
    const headers = city.as('education', { 'idempotency-key': 'contact-retry-1' });
    const send = () =>
      test.app.inject({
        method: 'POST',
        url: `/api/v1/assignments/${assignments.education.id}/contacts`,
        headers,
        payload: contactBody('2026-07-01'),
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect((await view(assignments.education, 'education')).contacts).toHaveLength(1);
  });
});
