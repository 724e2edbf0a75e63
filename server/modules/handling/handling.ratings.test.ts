import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../platform/jobs/job-runner.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type AssignmentCommittee, createAssignmentCommittee } from '../proposals/assignment.test-support.ts';
import { handlingJobs, scanUnratedProposals } from './handling.jobs.ts';
import { contactBody, type Json, replyBody, requestAs, startHandling } from './handling.test-support.ts';

/** Wednesday 2026-07-01, 10:00 in Shanghai. */
const DAY = new Date('2026-07-01T02:00:00Z');

describe('handling API: ratings, re-handling and closing', () => {
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

  const proposalRow = async (id: string) =>
    (
      await test.dependencies.database.pool.query<{ state: string; rehandling_count: number; rating_due_on: string | null }>(
        'select state, rehandling_count, rating_due_on::text from proposals where id = $1',
        [id],
      )
    ).rows[0];
  const act = (reply: Json, action: string, who: string, body: object = {}) =>
    request('POST', `/replies/${reply.id}/actions/${action}`, who, body, reply.version);

  /** The reform bureau contacts, drafts, submits and its leader signs off and sends; returns the sent reply. */
  async function replyFromReform(assignment: Json, extra: Json = {}): Promise<Json> {
    await request('POST', `/assignments/${assignment.id}/contacts`, 'reform', contactBody('2026-07-01'));
    const drafted = await request('POST', `/assignments/${assignment.id}/replies`, 'reform', replyBody(extra));
    expect(drafted.statusCode, drafted.body).toBe(201);
    const submitted = await act(drafted.json(), 'submit', 'reform');
    expect(submitted.statusCode, submitted.body).toBe(200);
    const sent = await act(submitted.json(), 'sign_off_and_send', 'reformLeader');
    expect(sent.statusCode, sent.body).toBe(200);
    return sent.json();
  }
  const rate = (reply: Json, who: string, rating: string, extra: Json = {}) =>
    request('POST', `/replies/${reply.id}/ratings`, who, { rating, ...extra });

  it('lets each proposer rate once, no one for another; dissatisfied reopens once; the second round closes', async () => {
    const { proposalId, assignments } = await startHandling(test, city, { mode: 'sole', units: ['reform'] }, ['co1']);
    const first = await replyFromReform(assignments.reform);

    expect((await rate(first, 'outsider', 'satisfied')).statusCode).toBe(403);
    expect((await rate(first, 'reform', 'satisfied')).statusCode).toBe(403);
    expect((await rate(first, 'proposal_office', 'satisfied')).statusCode).toBe(403);
    const bad = await rate(first, 'lead', 'great');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('满意');

    const byLead = await rate(first, 'lead', 'satisfied', { contacted: true, addressed: true });
    expect(byLead.statusCode, byLead.body).toBe(200);
    expect(byLead.json().items[0]).toMatchObject({ myRating: 'satisfied', canRate: false });
    expect(byLead.json().state).toBe('replied');
    const twice = await rate(first, 'lead', 'dissatisfied');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_rated');

    const byCo = await rate(first, 'co1', 'dissatisfied', { comment: '没有回应资金来源' });
    expect(byCo.statusCode, byCo.body).toBe(200);
    expect(byCo.json().state).toBe('rehandling');
    expect(await proposalRow(proposalId)).toMatchObject({ state: 'rehandling', rehandling_count: 1, rating_due_on: null });
    const reopened = (await request('GET', `/assignments/${assignments.reform.id}/handling`, 'reform')).json();
    expect(reopened.assignment.dueOn).toBe('2026-08-03'); // 1 month from 2026-07-01; 08-01 is a Saturday
    expect(reopened.rules.canDraftReply).toBe(true);
    // The unit sees both ratings with names; the first reply is kept.
    expect(reopened.replies[0].ratings.map((item: Json) => [item.memberName, item.rating])).toEqual([
      [expect.any(String), 'satisfied'],
      [expect.any(String), 'dissatisfied'],
    ]);

    const second = await replyFromReform(assignments.reform, { text: '经再次研究，资金由市财政列入明年预算。' });
    expect(second.round).toBe(2);
    expect(await proposalRow(proposalId)).toMatchObject({ state: 'replied' });
    // The old reply is no longer rateable.
    expect((await rate(first, 'co1', 'satisfied')).json().code).toBe('rating_closed');
    expect((await rate(second, 'lead', 'basically_satisfied')).statusCode).toBe(200);
    // Dissatisfied again: the limit (1) is reached, so no third round; all rated → closed.
    const last = await rate(second, 'co1', 'dissatisfied');
    expect(last.json().state).toBe('closed');
    expect(await proposalRow(proposalId)).toMatchObject({ state: 'closed', rehandling_count: 1 });
  });

  it('closes a replied proposal once its rating window has passed; a second scan enqueues nothing', async () => {
    const { proposalId, assignments } = await startHandling(test, city, { mode: 'sole', units: ['reform'] }, ['co2']);
    const reply = await replyFromReform(assignments.reform);
    await rate(reply, 'lead', 'satisfied');
    expect((await proposalRow(proposalId)).rating_due_on).toBe('2026-07-31');

    test.setNow(new Date('2026-07-31T15:00:00Z')); // 23:00 on the last day in Shanghai: still open
    expect(await scanUnratedProposals(test.dependencies)).toBe(0);
    test.setNow(new Date('2026-07-31T16:30:00Z')); // 00:30 on 08-01 in Shanghai
    expect(await scanUnratedProposals(test.dependencies)).toBeGreaterThanOrEqual(1);
    expect(await scanUnratedProposals(test.dependencies)).toBe(0);
    await runDueJobs(test.dependencies, handlingJobs, { workerId: 'test' });
    expect((await proposalRow(proposalId)).state).toBe('closed');
    const events = await test.dependencies.database.pool.query<{ type: string; actor_id: string | null }>(
      `select type, actor_id from events where subject_id = $1 and type = 'proposal.closed'`,
      [proposalId],
    );
    expect(events.rows).toEqual([{ type: 'proposal.closed', actor_id: null }]);
    test.setNow(DAY);
  });

  it('asks for an extension before the deadline, within the cap; the office approves and the due date moves', async () => {
    await city.signInAgain();
    const { assignments } = await startHandling(test, city, { mode: 'sole', units: ['reform'] });
    const item = assignments.reform;
    const handling = (await request('GET', `/assignments/${item.id}/handling`, 'reform')).json();
    expect(handling.rules).toMatchObject({ canRequestExtension: true, latestExtensionOn: '2027-01-01' });
    const ask = (requestedDueOn: string, who = 'reform') =>
      request('POST', `/assignments/${item.id}/extension-requests`, who, {
        requestedDueOn,
        reason: '涉及多部门协调，需延长办理时间',
      });
    const beyond = await ask('2027-01-05');
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json()).toMatchObject({ code: 'extension_cap' });
    expect((await ask(item.dueOn)).json().code).toBe('not_later');
    const asked = await ask('2026-12-31');
    expect(asked.statusCode, asked.body).toBe(201);
    expect((await ask('2026-12-30')).json().code).toBe('already_requested');
    const queue = (await request('GET', '/extension-requests?state=requested', 'proposal_office')).json().items as Json[];
    const mine = queue.find((row) => row.id === asked.json().id);
    expect(mine?.actions.map((action: Json) => action.action)).toEqual(['approve', 'refuse']);
    expect(
      (await request('POST', `/extension-requests/${mine?.id}/actions/approve`, 'reform', {}, mine?.version)).statusCode,
    ).toBe(403);
    expect(
      (await request('POST', `/extension-requests/${mine?.id}/actions/refuse`, 'proposal_office', {}, mine?.version)).statusCode,
    ).toBe(400);
    const approved = await request(
      'POST',
      `/extension-requests/${mine?.id}/actions/approve`,
      'proposal_office',
      {},
      mine?.version,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', stateName: '已同意' });
    expect((await request('GET', `/assignments/${item.id}/handling`, 'reform')).json().assignment.dueOn).toBe('2026-12-31');

    // Past the (new) deadline no request is taken.
    test.setNow(new Date('2027-01-02T02:00:00Z'));
    await city.signInAgain();
    const late = await ask('2027-01-01');
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('deadline_passed');
    test.setNow(DAY);
    await city.signInAgain();
  });
});
