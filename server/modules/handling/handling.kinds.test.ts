/**
 * One handling engine for every kind of item (decision 0016): a proposal and a micro-suggestion at the same unit
 * share the unit's inbox, the supervision board and the scheduled reminders; a micro-suggestion's reply follows its
 * kind's rules (no leader sign-off unless the committee asks for it, no contacts, classes, adjustments or letter).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/database.ts';
import { createDependencies } from '../../platform/dependencies.ts';
import { runDueJobs } from '../../platform/jobs/job-runner.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  act,
  createMicroCommittee,
  MICRO_TODAY,
  type MicroCommittee,
  send,
  submitted,
} from '../micro-suggestions/micro-suggestions.test-support.ts';
import { scanReminders, supervisionJobs } from '../supervision/supervision.jobs.ts';
import { type Json, replyBody, startHandling } from './handling.test-support.ts';

const at = (day: string) => new Date(`${day}T02:00:00Z`);

/** A micro-suggestion of the lead member, accepted and transferred to the reform unit; returns its id. */
async function transferredMicro(test: TestApp, city: MicroCommittee, title: string): Promise<string> {
  const item = await submitted(test, city, 'lead', { title });
  expect((await act(test, city, 'proposal_office', item.id, 'accept', {})).statusCode).toBe(200);
  const done = await act(test, city, 'proposal_office', item.id, 'transfer', { unitId: city.unitIds.reform });
  expect(done.statusCode, done.body).toBe(200);
  return item.id;
}

describe('one unit inbox, one board, one reminder scan for proposals and micro-suggestions', () => {
  let test: TestApp;
  let city: MicroCommittee;
  let proposalAssignment: Json;
  let microId: string;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(MICRO_TODAY);
    city = await createMicroCommittee(test.dependencies);
    // A proposal (reply due in 3 months: 2026-06-02) and a micro-suggestion (15 working days) at the reform bureau.
    proposalAssignment = (await startHandling(test, city, { mode: 'sole', units: ['reform'] })).assignments.reform;
    microId = await transferredMicro(test, city, '幸福路北段路灯损坏');
  });
  afterAll(async () => test.close());

  const get = async (url: string, who: string) => {
    const response = await send(test, 'GET', url, city.as(who));
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('lists both kinds in the unit’s inbox, each with its kind and the page it lives on; the kind filter narrows', async () => {
    const inbox = await get('/assignments', 'reform');
    const proposalRow = inbox.items.find((row: Json) => row.id === proposalAssignment.id);
    const microRow = inbox.items.find((row: Json) => row.itemId === microId);
    expect(proposalRow).toMatchObject({
      kind: 'proposal',
      kindName: '提案',
      itemId: proposalAssignment.proposalId,
      itemTitle: proposalAssignment.proposalTitle,
      proposalId: proposalAssignment.proposalId,
      link: `/proposals/${proposalAssignment.proposalId}`,
    });
    expect(microRow).toMatchObject({
      kind: 'micro_suggestion',
      kindName: '微建议',
      itemTitle: '幸福路北段路灯损坏',
      proposalId: microId,
      proposalTitle: '幸福路北段路灯损坏',
      sessionId: '',
      state: 'pending',
      link: `/micro-suggestions/${microId}`,
    });
    expect(microRow.itemNumber).toMatch(/\d/);
    // A micro-suggestion's unit signs for it; adjustments are the proposal's rule.
    expect(microRow.actions.map((action: Json) => action.action)).toEqual(['sign_for']);
    const adjustment = await send(
      test,
      'POST',
      `/assignments/${microRow.id}/actions/request_adjustment`,
      city.as('reform', { 'if-match': `"${microRow.version}"` }),
      { reason: '不属于本单位职责' },
    );
    expect(adjustment.statusCode).toBe(409);
    expect(adjustment.json()).toMatchObject({ code: 'not_applicable' });
    const micro = await get('/assignments?kind=micro_suggestion', 'reform');
    expect(micro.items.map((row: Json) => row.itemId)).toEqual([microId]);
    const proposals = await get('/assignments?kind=proposal', 'reform');
    expect(proposals.items.map((row: Json) => row.id)).toEqual([proposalAssignment.id]);
    expect((await get(`/assignments?itemId=${microId}`, 'proposal_office')).items).toHaveLength(1);
    expect((await get('/assignments?kind=micro_suggestion', 'housing')).items).toEqual([]);
    expect((await send(test, 'GET', '/assignments?kind=letter', city.as('reform'))).statusCode).toBe(400);
  });

  it('shows both red on the board once overdue, the kind filter narrowing; the scan of two processes reminds each once', async () => {
    test.setNow(at('2026-06-10'));
    await city.signInAgain();
    const board = await get(`/supervision/board?unitId=${city.unitIds.reform}`, 'proposal_office');
    expect(board.counts).toMatchObject({ red: 2, total: 2 });
    expect(board.items.map((row: Json) => [row.kind, row.light])).toEqual(
      expect.arrayContaining([
        ['proposal', 'red'],
        ['micro_suggestion', 'red'],
      ]),
    );
    const microRow = board.items.find((row: Json) => row.kind === 'micro_suggestion');
    expect(microRow).toMatchObject({ itemId: microId, kindName: '微建议', link: `/micro-suggestions/${microId}` });
    expect(microRow.daysLeft).toBeLessThan(0);
    const onlyMicro = await get('/supervision/board?kind=micro_suggestion', 'supervisor');
    expect(onlyMicro.items.map((row: Json) => row.itemId)).toEqual([microId]);
    expect(onlyMicro.counts).toMatchObject({ red: 1, total: 1 });
    expect((await get('/supervision/board?kind=proposal', 'proposal_office')).counts.total).toBe(1);
    expect((await send(test, 'GET', '/supervision/board?kind=x', city.as('proposal_office'))).statusCode).toBe(400);

    const url = test.dependencies.database.connection.connectionString;
    const secondDatabase = url ? await openDatabase({ databaseUrl: url, poolSize: 5 }) : test.dependencies.database;
    const second = createDependencies(test.dependencies.config, secondDatabase, () => at('2026-06-10'));
    try {
      const [first, other] = await Promise.all([scanReminders(test.dependencies), scanReminders(second)]);
      expect(first + other).toBe(2);
      await Promise.all([
        runDueJobs(test.dependencies, supervisionJobs, { workerId: 'a' }),
        runDueJobs(second, supervisionJobs, { workerId: 'b' }),
      ]);
      expect(await scanReminders(test.dependencies)).toBe(0);
      expect(await scanReminders(second)).toBe(0);
      const rows = await test.dependencies.database.pool.query<{ item_id: string; rule: string; message: string }>(
        `select item_id, rule, message from reminders where org_id = $1 and kind = 'scheduled' order by message`,
        [city.orgId],
      );
      expect(rows.rows.map((row) => [row.item_id, row.rule]).sort()).toEqual(
        [
          [proposalAssignment.proposalId, 'overdue'],
          [microId, 'overdue'],
        ].sort(),
      );
      const messages = rows.rows.map((row) => row.message).join('\n');
      expect(messages).toContain(`提案“${proposalAssignment.proposalTitle}”的答复期限`);
      expect(messages).toContain('微建议“幸福路北段路灯损坏”的答复期限');
      const notices = await test.dependencies.database.pool.query<{ title: string }>(
        `select distinct n.title from notifications n join users u on u.org_id = n.org_id and u.id = n.user_id
         where n.org_id = $1 and u.unit_id = $2 and n.title like '催办：%'`,
        [city.orgId, city.unitIds.reform],
      );
      expect(notices.rows.map((row) => row.title).sort()).toEqual(
        [`催办：${proposalAssignment.proposalTitle}`, '催办：幸福路北段路灯损坏'].sort(),
      );
      const board = await get(`/supervision/board?unitId=${city.unitIds.reform}`, 'proposal_office');
      expect(board.items.map((row: Json) => row.reminderCount)).toEqual([1, 1]);
    } finally {
      if (secondDatabase !== test.dependencies.database) await secondDatabase.close();
      test.setNow(MICRO_TODAY);
      await city.signInAgain();
    }
  });
});

describe('a micro-suggestion’s reply follows its kind’s rules', () => {
  let test: TestApp;
  let city: MicroCommittee;
  let strict: MicroCommittee;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(MICRO_TODAY);
    city = await createMicroCommittee(test.dependencies);
    // A second committee whose units' leaders sign micro-suggestion replies off.
    strict = await createMicroCommittee(test.dependencies, { leaderSignOff: true });
  });
  afterAll(async () => test.close());

  /** The unit's assignment of an item, signed for, and its handling view. */
  async function signedFor(committee: MicroCommittee, itemId: string) {
    const inbox = await send(test, 'GET', `/assignments?itemId=${itemId}`, committee.as('reform'));
    const [row] = inbox.json().items as Json[];
    const signed = await send(
      test,
      'POST',
      `/assignments/${row.id}/actions/sign_for`,
      committee.as('reform', { 'if-match': `"${row.version}"` }),
    );
    expect(signed.statusCode, signed.body).toBe(200);
    return signed.json();
  }

  it('needs no contact, class, adjustment or sign-off: the handler sends the reply, the members rate it', async () => {
    const id = await transferredMicro(test, city, '城南菜市场门口积水');
    const assignment = await signedFor(city, id);
    const view = (await send(test, 'GET', `/assignments/${assignment.id}/handling`, city.as('reform'))).json();
    expect(view.item).toMatchObject({
      id,
      kind: 'micro_suggestion',
      kindName: '微建议',
      title: '城南菜市场门口积水',
      state: 'handling',
      phase: 'handling',
      link: `/micro-suggestions/${id}`,
    });
    expect(view.proposal).toMatchObject({ id, title: '城南菜市场门口积水', state: 'handling' });
    expect(view.resultClasses).toEqual([]);
    expect(view.rules).toMatchObject({
      requiresContact: false,
      canRecordContact: false,
      canDraftReply: true,
      canRequestExtension: true,
      leaderSignOff: false,
      officeReviewsReplies: false,
      resultClassRequired: false,
      extensionsPerAssignment: 1,
    });
    const contact = await send(test, 'POST', `/assignments/${assignment.id}/contacts`, city.as('reform'), {
      method: 'phone',
      contactedOn: '2026-03-02',
      people: '承办人；委员',
      summary: '电话沟通',
    });
    expect(contact.statusCode).toBe(409);
    expect(contact.json()).toMatchObject({ code: 'not_applicable' });
    expect(contact.json().detail).toContain('微建议');

    // The class a proposal's reply needs is not asked for (and not kept when sent).
    const drafted = await send(test, 'POST', `/assignments/${assignment.id}/replies`, city.as('reform'), replyBody());
    expect(drafted.statusCode, drafted.body).toBe(201);
    const draft = drafted.json();
    expect(draft).toMatchObject({ itemId: id, proposalId: id, resultClass: null, state: 'draft' });
    expect(draft.actions.map((action: Json) => action.action)).toEqual(['send']);
    const refused = await send(
      test,
      'POST',
      `/replies/${draft.id}/actions/submit`,
      city.as('reform', { 'if-match': `"${draft.version}"` }),
    );
    expect(refused.statusCode).toBe(403);
    // The member sees nothing before it goes out; the office sees the draft.
    expect((await send(test, 'GET', `/items/${id}/replies`, city.as('lead'))).json().items).toEqual([]);
    expect((await send(test, 'GET', `/items/${id}/replies`, city.as('proposal_office'))).json().items).toHaveLength(1);
    const sent = await send(
      test,
      'POST',
      `/replies/${draft.id}/actions/send`,
      city.as('reform', { 'if-match': `"${draft.version}"` }),
    );
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'sent', stateName: '已答复', actions: [] });
    const notices = await test.dependencies.database.pool.query<{ body: string }>(
      `select n.body from notifications n join users u on u.org_id = n.org_id and u.id = n.user_id
       where n.org_id = $1 and u.member_id = $2 and n.subject_id = $3 and n.body like '%已答复您的微建议%'`,
      [city.orgId, city.memberIds.lead, id],
    );
    expect(notices.rows).toHaveLength(1);

    const replies = await send(test, 'GET', `/items/${id}/replies`, city.as('lead'));
    expect(replies.statusCode).toBe(200);
    expect(replies.json()).toMatchObject({ itemId: id, kind: 'micro_suggestion', kindName: '微建议', state: 'replied' });
    expect(replies.json().items[0]).toMatchObject({ id: draft.id, canRate: true, contactPhone: '0571-87001234' });
    expect((await send(test, 'GET', `/items/${id}/replies`, city.as('outsider'))).statusCode).toBe(404);
    expect((await send(test, 'GET', `/items/${id}/replies`, city.as('housing'))).statusCode).toBe(404);
    expect((await send(test, 'GET', `/replies/${draft.id}/letter.docx`, city.as('reform'))).statusCode).toBe(404);
    const rated = await send(test, 'POST', `/replies/${draft.id}/ratings`, city.as('lead'), { rating: 'satisfied' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ itemId: id, kind: 'micro_suggestion', state: 'resolved' });
    const again = await send(test, 'POST', `/replies/${draft.id}/ratings`, city.as('co1'), { rating: 'satisfied' });
    expect(again.statusCode).toBe(403);
    expect(again.json().detail).toBe('只有提出该微建议的委员可以评价答复');
  });

  it('goes through the unit leader when the committee asks for sign-off, and may be reminded by hand', async () => {
    const id = await transferredMicro(test, strict, '北门公交站缺少雨棚');
    const assignment = await signedFor(strict, id);
    const reminded = await send(test, 'POST', `/assignments/${assignment.id}/reminders`, strict.as('proposal_office'), {});
    expect(reminded.statusCode, reminded.body).toBe(201);
    expect(reminded.json().message).toContain('微建议“北门公交站缺少雨棚”');
    const view = (await send(test, 'GET', `/assignments/${assignment.id}/handling`, strict.as('reform'))).json();
    expect(view.rules).toMatchObject({ leaderSignOff: true, resultClassRequired: false });
    const draft = (await send(test, 'POST', `/assignments/${assignment.id}/replies`, strict.as('reform'), replyBody())).json();
    expect(draft.actions.map((action: Json) => action.action)).toEqual(['submit']);
    const direct = await send(
      test,
      'POST',
      `/replies/${draft.id}/actions/send`,
      strict.as('reform', { 'if-match': `"${draft.version}"` }),
    );
    expect(direct.statusCode).toBe(403);
    const submitted = await send(
      test,
      'POST',
      `/replies/${draft.id}/actions/submit`,
      strict.as('reform', { 'if-match': `"${draft.version}"` }),
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    const leaderView = submitted.json();
    const leaderActions = (await send(test, 'GET', `/assignments/${assignment.id}/handling`, strict.as('reformLeader')))
      .json()
      .replies[0].actions.map((action: Json) => action.action);
    expect(leaderActions.sort()).toEqual(['return', 'sign_off_and_send']);
    const signed = await send(
      test,
      'POST',
      `/replies/${draft.id}/actions/sign_off_and_send`,
      strict.as('reformLeader', { 'if-match': `"${leaderView.version}"` }),
    );
    expect(signed.statusCode, signed.body).toBe(200);
    const item = (await send(test, 'GET', `/items/${id}/replies`, strict.as('proposal_office'))).json();
    expect(item.state).toBe('replied');
    const extension = await send(test, 'POST', `/assignments/${assignment.id}/extension-requests`, strict.as('reform'), {
      requestedDueOn: '2026-04-10',
      reason: '需协调公交公司',
    });
    expect(extension.statusCode).toBe(409);
    expect(extension.json().detail).toContain('微建议当前不在办理中');
  });

  it('keeps GET /items/{id}/replies for proposals the same as GET /proposals/{id}/replies', async () => {
    const handling = await startHandling(test, city, { mode: 'sole', units: ['reform'] });
    const byItem = await send(test, 'GET', `/items/${handling.proposalId}/replies`, city.as('lead'));
    const byProposal = await send(test, 'GET', `/proposals/${handling.proposalId}/replies`, city.as('lead'));
    expect(byItem.statusCode).toBe(200);
    expect(byItem.json()).toEqual({ ...byProposal.json(), itemId: handling.proposalId, kind: 'proposal', kindName: '提案' });
    expect((await send(test, 'GET', `/items/${handling.proposalId}/replies`, city.as('outsider'))).statusCode).toBe(404);
  });
});
