import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import type { Workbench, WorkbenchCard } from '../../../contracts/workbench.ts';
import { createOrganization, createUser, FIXTURE_PASSWORD, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { contactBody, type Json, replyBody, requestAs, startHandling } from '../handling/handling.test-support.ts';
import { keyProposals } from '../key-proposals/key-proposals.tables.ts';
import { users } from '../people/people.tables.ts';
import {
  type AssignmentCommittee,
  createAssignmentCommittee,
  insertFiledProposal,
} from '../proposals/assignment.test-support.ts';
import { proposalCoSigners, proposals } from '../proposals/proposals.tables.ts';
import { clearWorkbenchFigures } from './providers/statistics.workbench.ts';

/** Wednesday 2026-07-01, 10:00 in Shanghai: a 3-month reply is due 2026-10-08 (after the National Day holiday). */
const DAY = new Date('2026-07-01T02:00:00Z');
const at = (day: string) => new Date(`${day}T02:00:00Z`);

describe('GET /workbench: every role’s cards, counted from the data', () => {
  const checkpoints = mkdtempSync(join(tmpdir(), 'cppcc-workbench-'));
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;
  const extra: Record<string, { headers: Record<string, string>; id: string; username: string }> = {};
  let signedFor: Json;
  let drafted: Json;
  let replied: { proposalId: string; assignment: Json };

  const workbench = async (who: string): Promise<Workbench> => {
    const headers = extra[who]?.headers ?? city.as(who);
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/workbench', headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const cardOf = (page: Workbench, key: string): WorkbenchCard => {
    const card = page.cards.find((item) => item.key === key);
    if (!card) throw new Error(`no card ${key} in ${page.cards.map((item) => item.key).join(', ')}`);
    return card;
  };
  const countOf = async (who: string, key: string) => cardOf(await workbench(who), key).count;

  beforeAll(async () => {
    test = await createTestApp({ auditCheckpointDir: checkpoints });
    test.setNow(DAY);
    city = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
    const people: [string, Role[]][] = [
      ['leader', ['leader']],
      ['security', ['security_admin']],
      ['auditor', ['auditor']],
      ['system', ['system_admin']],
    ];
    for (const [key, roles] of people) {
      const user = await createUser(test.dependencies, { orgId: city.orgId, roles, displayName: key });
      extra[key] = { id: user.id, username: user.username, headers: await signIn(test.dependencies, user) };
    }

    // The office's queue: two submitted proposals, one filed waiting for assignment.
    await insertFiledProposal(test.dependencies, city, { title: '关于优化公交线网的建议', state: 'submitted' });
    await insertFiledProposal(test.dependencies, city, { title: '关于加强垃圾分类的建议', state: 'submitted' });
    await insertFiledProposal(test.dependencies, city, { title: '关于建设口袋公园的建议' });

    // Reform: one signed for and untouched; one with a draft reply; one replied (co1 co-signed it).
    signedFor = (await startHandling(test, city, { mode: 'sole', units: ['reform'] })).assignments.reform;
    drafted = (await startHandling(test, city, { mode: 'sole', units: ['reform'] })).assignments.reform;
    await request('POST', `/assignments/${drafted.id}/contacts`, 'reform', contactBody('2026-07-01'));
    const draft = await request('POST', `/assignments/${drafted.id}/replies`, 'reform', replyBody());
    expect(draft.statusCode, draft.body).toBe(201);
    const handled = await startHandling(test, city, { mode: 'sole', units: ['reform'] }, ['co1']);
    replied = { proposalId: handled.proposalId, assignment: handled.assignments.reform };
    await request('POST', `/assignments/${replied.assignment.id}/contacts`, 'reform', contactBody('2026-07-01'));
    const reply = (await request('POST', `/assignments/${replied.assignment.id}/replies`, 'reform', replyBody())).json();
    const submitted = (await request('POST', `/replies/${reply.id}/actions/submit`, 'reform', {}, reply.version)).json();
    const sent = await request('POST', `/replies/${reply.id}/actions/sign_off_and_send`, 'reformLeader', {}, submitted.version);
    expect(sent.statusCode, sent.body).toBe(200);

    // Housing: one assigned and not yet signed for.
    const pending = await insertFiledProposal(test.dependencies, city, { title: '关于改造老旧管网的建议' });
    const assigned = await request(
      'POST',
      `/proposals/${pending.id}/actions/assign`,
      'proposal_office',
      { mode: 'sole', unitIds: [city.unitIds.housing], coUnitIds: [] },
      pending.version,
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
  });
  afterAll(async () => {
    await test.close();
    rmSync(checkpoints, { recursive: true, force: true });
  });

  it('gives the office its queues: 待审查, 待交办, requests, lights and publication', async () => {
    const page = await workbench('proposal_office');
    expect(page.today).toBe('2026-07-01');
    expect(page.cards.map((card) => card.key)).toEqual([
      'proposals.review',
      'proposals.assign',
      'publication.pending',
      'handling.adjustments',
      'handling.extensions',
      'handling.overdue',
      'handling.near',
      'handling.follow_ups',
    ]);
    expect(cardOf(page, 'proposals.review')).toMatchObject({ count: 2, link: '/office/review', label: '待审查' });
    expect(cardOf(page, 'proposals.assign')).toMatchObject({ count: 1, link: '/office/assignment' });
    expect(cardOf(page, 'publication.pending').count).toBe(1);
    expect(cardOf(page, 'handling.overdue')).toMatchObject({ count: 0, tone: 'normal' });
    // The lists the cards open agree with them.
    const queue = (await request('GET', '/proposals?queue=review&limit=50', 'proposal_office')).json();
    expect(queue.items).toHaveLength(2);
    const publication = (await request('GET', '/proposals?publication=pending&limit=50', 'proposal_office')).json();
    expect(publication.items).toHaveLength(1);
  });

  it('gives a unit’s handler and leader their own counts, and lights them by the deadlines', async () => {
    const reform = await workbench('reform');
    expect(reform.cards.map((card) => card.key)).toEqual([
      'handling.unit_pending',
      'handling.unit_handling',
      'handling.unit_drafts',
      'handling.unit_overdue',
      'handling.unit_near',
    ]);
    expect(cardOf(reform, 'handling.unit_pending').count).toBe(0);
    const handling = cardOf(reform, 'handling.unit_handling');
    expect(handling).toMatchObject({ count: 2, link: '/handling', tone: 'normal', hint: '最近一件还剩 99 天' });
    expect(handling.items.map((item) => item.link)).toEqual([`/handling/${signedFor.id}`, `/handling/${drafted.id}`]);
    expect(cardOf(reform, 'handling.unit_drafts')).toMatchObject({ count: 1, tone: 'normal' });
    expect(await countOf('housing', 'handling.unit_pending')).toBe(1);
    expect(await countOf('housing', 'handling.unit_handling')).toBe(0);
    // The inbox lists the same pending assignment.
    expect((await request('GET', '/assignments?state=pending', 'housing')).json().items).toHaveLength(1);
    const leader = await workbench('reformLeader');
    expect(leader.cards.map((card) => card.key)).toEqual([
      'handling.unit_signoff',
      'handling.unit_overdue',
      'handling.unit_near',
    ]);
    expect(cardOf(leader, 'handling.unit_signoff').count).toBe(0);

    // The handler sends the draft for sign-off: the leader has one to sign; returned, the handler sees why.
    const [reply] = (await request('GET', `/assignments/${drafted.id}/handling`, 'reform')).json().replies as Json[];
    const submitted = await request('POST', `/replies/${reply.id}/actions/submit`, 'reform', {}, reply.version);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(await countOf('reformLeader', 'handling.unit_signoff')).toBe(1);
    expect(await countOf('reform', 'handling.unit_drafts')).toBe(0);
    const returned = await request(
      'POST',
      `/replies/${reply.id}/actions/return`,
      'reformLeader',
      { reason: '请补充资金安排' },
      submitted.json().version,
    );
    expect(returned.statusCode, returned.body).toBe(200);
    const drafts = cardOf(await workbench('reform'), 'handling.unit_drafts');
    expect(drafts).toMatchObject({ count: 1, tone: 'warning', hint: '其中 1 件被退回修改' });
    expect(drafts.items[0]).toMatchObject({ link: `/handling/${drafted.id}`, note: '退回修改' });

    // Near the deadline (80% of the time used) and past it.
    test.setNow(at('2026-09-21'));
    await city.signInAgain();
    const near = await workbench('reform');
    expect(cardOf(near, 'handling.unit_near')).toMatchObject({ count: 2, tone: 'warning' });
    expect(cardOf(near, 'handling.unit_handling').tone).toBe('warning');
    test.setNow(at('2026-10-09'));
    await city.signInAgain();
    const late = await workbench('reform');
    expect(cardOf(late, 'handling.unit_overdue')).toMatchObject({ count: 2, tone: 'danger' });
    expect(cardOf(late, 'handling.unit_overdue').items[0].note).toBe('逾期 1 天');
    expect(cardOf(late, 'handling.unit_near').count).toBe(0);
    const office = await workbench('proposal_office');
    // Reform's two and housing's pending one are overdue; the board agrees.
    expect(cardOf(office, 'handling.overdue')).toMatchObject({ count: 3, tone: 'danger' });
    const board = (await request('GET', '/supervision/board?light=red', 'proposal_office')).json();
    expect(board.counts.red).toBe(3);
    test.setNow(DAY);
    await city.signInAgain();
  });

  it('gives a member their own cards and never another member’s counts', async () => {
    // The lead's draft, and an invitation to co2 on a proposal in co-signing.
    const [leadUser] = await test.dependencies.database.pool
      .query<{ id: string }>('select id from users where member_id = $1', [city.memberIds.lead])
      .then((result) => result.rows);
    const base = { orgId: city.orgId, sessionId: city.sessionIds.current, kind: 'plenary', authorType: 'member' };
    const rows = await test.dependencies.database.orm
      .insert(proposals)
      .values([
        { ...base, title: '关于发展夜间经济的建议', leadMemberId: city.memberIds.lead, createdBy: leadUser.id, state: 'draft' },
        {
          ...base,
          title: '关于完善养老服务的建议',
          leadMemberId: city.memberIds.lead,
          createdBy: leadUser.id,
          state: 'co_signing',
          coSigningDeadline: '2026-07-02',
        },
      ])
      .returning({ id: proposals.id });
    await test.dependencies.database.orm
      .insert(proposalCoSigners)
      .values({ orgId: city.orgId, proposalId: rows[1].id, memberId: city.memberIds.co2, state: 'invited' });

    const lead = await workbench('lead');
    expect(lead.cards.map((card) => card.key)).toEqual([
      'proposals.co_signing',
      'proposals.to_rate',
      'proposals.drafts',
      'proposals.mine',
    ]);
    expect(cardOf(lead, 'proposals.drafts')).toMatchObject({ count: 1, link: '/proposals?tab=mine&state=draft' });
    expect(cardOf(lead, 'proposals.co_signing').count).toBe(0);
    // One reply to rate: the card opens its rating form.
    expect(cardOf(lead, 'proposals.to_rate')).toMatchObject({
      count: 1,
      link: `/proposals/${replied.proposalId}#replies`,
      tone: 'warning',
    });
    const mine = cardOf(lead, 'proposals.mine');
    const listed = (await request('GET', '/proposals?mine=true&limit=200', 'lead')).json();
    expect(mine.count).toBe(listed.items.length);
    expect(mine.parts.find((part) => part.key === 'submitted')).toMatchObject({
      count: 2,
      label: '已提交',
      link: '/proposals?tab=mine&state=submitted',
    });

    const co2 = await workbench('co2');
    expect(cardOf(co2, 'proposals.co_signing')).toMatchObject({ count: 1, tone: 'warning', hint: '最近截止 2026-07-02' });
    expect(cardOf(co2, 'proposals.mine').count).toBe(0);
    expect(cardOf(co2, 'proposals.drafts').count).toBe(0);
    const invitations = (await request('GET', '/proposals?awaitingMyAnswer=true', 'co2')).json();
    expect(invitations.items).toHaveLength(1);

    // co1 co-signed the replied proposal: it rates too; the lead's rating does not clear co1's.
    expect(await countOf('co1', 'proposals.to_rate')).toBe(1);
    expect(cardOf(await workbench('outsider'), 'proposals.to_rate').count).toBe(0);
    const replies = (await request('GET', `/proposals/${replied.proposalId}/replies`, 'lead')).json();
    const rated = await test.app.inject({
      method: 'POST',
      url: `/api/v1/replies/${replies.items[0].id}/ratings`,
      headers: city.as('lead'),
      payload: { rating: 'satisfied' },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(await countOf('lead', 'proposals.to_rate')).toBe(0);
    expect(await countOf('co1', 'proposals.to_rate')).toBe(1);
    expect((await workbench('outsider')).cards.every((card) => card.count === 0)).toBe(true);
  });

  it('gives leaders and supervisors the session’s rates and key proposals, and what waits for them', async () => {
    await test.dependencies.database.orm.insert(keyProposals).values({
      orgId: city.orgId,
      proposalId: replied.proposalId,
      sessionId: city.sessionIds.current,
      recommenderKind: 'staff',
      recommenderName: '提案委',
      reason: '群众关注',
      state: 'approved',
      supervisorIds: [(await userIdOf('supervisor')) as string],
      recommendedBy: extra.leader.id,
    });
    clearWorkbenchFigures();
    const leader = await workbench('leader');
    expect(leader.cards.map((card) => card.key)).toEqual([
      'statistics.session_rates',
      'key_proposals.followed',
      'key_proposals.awaiting_instruction',
    ]);
    const rates = cardOf(leader, 'statistics.session_rates');
    expect(rates).toMatchObject({ display: 'figures', label: '十届五次会议提案办理', count: 4 });
    expect(rates.figures.find((figure) => figure.key === 'replyRate')).toMatchObject({ numerator: 1, denominator: 4 });
    const statistics = (await request('GET', `/statistics?sessionId=${city.sessionIds.current}`, 'supervisor')).json();
    expect(rates.count).toBe(statistics.total.assigned);
    expect(cardOf(leader, 'key_proposals.followed').items[0]).toMatchObject({
      link: `/proposals/${replied.proposalId}`,
      note: '已答复 · 尚未督办',
    });
    expect(cardOf(leader, 'key_proposals.awaiting_instruction').count).toBe(1);
    const supervisor = await workbench('supervisor');
    expect(cardOf(supervisor, 'key_proposals.awaiting_supervision')).toMatchObject({ count: 1, tone: 'warning' });
    expect(supervisor.cards.some((card) => card.key === 'key_proposals.awaiting_instruction')).toBe(false);
  });

  it('gives the administrators locked accounts, failed logins today and the chain’s last verification', async () => {
    const failed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: extra.system.username, password: `${FIXTURE_PASSWORD}x` },
    });
    expect(failed.statusCode).toBe(401);
    await test.dependencies.database.pool.query('update users set locked_until = $2 where id = $1', [
      extra.system.id,
      new Date(DAY.getTime() + 15 * 60_000).toISOString(),
    ]);
    const security = await workbench('security');
    expect(security.cards.map((card) => card.key)).toEqual([
      'people.locked_accounts',
      'people.password_resets',
      'auth.failed_logins_today',
    ]);
    expect(cardOf(security, 'people.locked_accounts')).toMatchObject({ count: 1, tone: 'warning' });
    expect(cardOf(security, 'people.locked_accounts').items[0].note).toBe('锁定至 10:15');
    expect(cardOf(security, 'auth.failed_logins_today')).toMatchObject({ count: 1, link: null, display: 'items' });

    const auditor = await workbench('auditor');
    expect(cardOf(auditor, 'auth.failed_logins_today')).toMatchObject({
      count: 1,
      link: '/admin/audit?type=auth.login_failed&fromDate=2026-07-01&toDate=2026-07-01',
    });
    const listed = (
      await test.app.inject({
        method: 'GET',
        url: '/api/v1/audit/events?type=auth.login_failed&from=2026-07-01T00:00:00%2B08:00',
        headers: extra.auditor.headers,
      })
    ).json();
    expect(listed.items).toHaveLength(1);
    expect(cardOf(auditor, 'audit.chain')).toMatchObject({ tone: 'warning', hint: '哈希链尚未校验过，请在审计日志中校验' });
    expect(cardOf(auditor, 'audit.chain').count).toBeGreaterThan(10);
    const verified = await test.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: extra.auditor.headers });
    expect(verified.statusCode, verified.body).toBe(200);
    const after = cardOf(await workbench('auditor'), 'audit.chain');
    expect(after).toMatchObject({ count: 0, tone: 'normal' });
    // Events carry the real instant, not the test clock.
    expect(after.hint).toMatch(/^哈希链最近校验：\d{4}-\d\d-\d\d \d\d:\d\d，完整$/);
    expect(auditor.cards.some((card) => card.key === 'people.locked_accounts')).toBe(false);
    await test.dependencies.database.pool.query('update users set locked_until = null where id = $1', [extra.system.id]);
  });

  it('counts only the caller’s committee', async () => {
    const other = await createOrganization(test.dependencies, { name: '另一个政协' });
    const roles: Role[] = ['proposal_office', 'unit_handler', 'unit_leader', 'leader', 'supervisor', 'member'];
    const user = await createUser(test.dependencies, { orgId: other.id, roles });
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/workbench',
      headers: await signIn(test.dependencies, user),
    });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as Workbench;
    expect(page.cards.length).toBeGreaterThan(0);
    expect(page.cards.every((card) => card.count === 0 && card.items.length === 0)).toBe(true);
    expect(await countOf('proposal_office', 'proposals.review')).toBe(2);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/workbench' })).statusCode).toBe(401);
  });

  /** The user id behind a committee account key. */
  async function userIdOf(who: string): Promise<string | undefined> {
    const rows = await test.dependencies.database.orm.select({ id: users.id, name: users.displayName }).from(users);
    return rows.find((row) => row.name === who)?.id;
  }
});
