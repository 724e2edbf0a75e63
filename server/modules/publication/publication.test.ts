import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { contactBody, type Json, replyBody, requestAs, startHandling } from '../handling/handling.test-support.ts';
import { type AssignmentCommittee, createAssignmentCommittee } from '../proposals/assignment.test-support.ts';

const DAY = new Date('2026-07-01T02:00:00Z');
const REPLY =
  '经研究，我局将建设社区食堂 12 个。如有疑问请联系王科长，电话 13812345678，身份证号 330106198001011234 的申请人已答复。';

describe('publication API and the public portal', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;
  let orgCode: string;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(DAY);
    city = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
    const [org] = (
      await test.dependencies.database.pool.query<{ code: string }>('select code from organizations where id = $1', [city.orgId])
    ).rows;
    orgCode = org.code;
  });
  afterAll(async () => test.close());

  /** A proposal replied by the reform bureau (contact, reply with personal data in its text, sign-off). */
  async function repliedProposal(): Promise<string> {
    const { proposalId, assignments } = await startHandling(test, city, { mode: 'sole', units: ['reform'] });
    const item = assignments.reform;
    await request('POST', `/assignments/${item.id}/contacts`, 'reform', contactBody('2026-07-01'));
    const draft = (await request('POST', `/assignments/${item.id}/replies`, 'reform', replyBody({ text: REPLY }))).json();
    const submitted = (await request('POST', `/replies/${draft.id}/actions/submit`, 'reform', {}, draft.version)).json();
    expect(
      (await request('POST', `/replies/${draft.id}/actions/sign_off_and_send`, 'reformLeader', {}, submitted.version)).statusCode,
    ).toBe(200);
    return proposalId;
  }
  const versionOf = async (id: string) =>
    (await test.dependencies.database.pool.query<{ version: number }>('select version from proposals where id = $1', [id]))
      .rows[0].version;
  const publish = async (id: string, body: Json = { decision: 'published' }, version?: number) =>
    request('POST', `/proposals/${id}/publication`, 'proposal_office', body, version ?? (await versionOf(id)));
  const portal = (path: string) => test.app.inject({ method: 'GET', url: `/api/v1/portal${path}` });

  it('previews the redacted public text; publishes it to the portal without contact details or personal data', async () => {
    const id = await repliedProposal();
    const preview = await request('GET', `/proposals/${id}/publication-preview`, 'proposal_office');
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().refusal).toBeNull();
    const replyText = preview.json().text.replies[0].text;
    expect(replyText).not.toContain('13812345678');
    expect(replyText).not.toContain('330106198001011234');
    expect(replyText).toContain('社区食堂 12 个');
    expect(preview.json().removed).toEqual(
      expect.arrayContaining([
        { kind: '手机号', count: 1 },
        { kind: '身份证号', count: 1 },
      ]),
    );
    expect((await request('GET', `/proposals/${id}/publication-preview`, 'lead')).statusCode).toBe(403);

    const stale = await publish(id, { decision: 'published' }, 1);
    expect(stale.statusCode).toBe(409);
    const published = await publish(id);
    expect(published.statusCode, published.body).toBe(200);
    const publicationId = published.json().publicationId;

    const list = await portal(`/proposals?org=${orgCode}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((item: Json) => item.id)).toContain(publicationId);
    const detail = (await portal(`/proposals/${publicationId}?org=${orgCode}`)).json();
    const serialized = JSON.stringify(detail);
    for (const secret of ['13812345678', '330106198001011234', '0571-87001234', '李四']) expect(serialized).not.toContain(secret);
    expect(detail.replies[0]).toMatchObject({ unitName: '市发展和改革委员会', resultClass: 'A', sentOn: '2026-07-01' });
    expect(detail.proposerNames).toEqual(['张委员']);

    const found = await portal(`/search?org=${orgCode}&q=${encodeURIComponent('社区食堂')}`);
    expect(found.json().items.map((item: Json) => item.id)).toEqual([publicationId]);
    const staff = (await request('GET', `/search?q=${encodeURIComponent('社区食堂')}`, 'proposal_office')).json();
    expect(staff.items.map((item: Json) => item.type)).toEqual(['proposal']);

    // Not published any more: gone from the portal and its search.
    expect((await publish(id, { decision: 'not_published', reason: '涉及正在调整的政策' })).statusCode).toBe(200);
    expect((await portal(`/proposals/${publicationId}?org=${orgCode}`)).statusCode).toBe(404);
    expect((await portal(`/search?org=${orgCode}&q=${encodeURIComponent('社区食堂')}`)).json().items).toEqual([]);
  });

  it('lists the proposals awaiting a decision, then those published or not (the office’s publication queue)', async () => {
    const waiting = await repliedProposal();
    const declined = await repliedProposal();
    const ids = async (filter: string) =>
      (await request('GET', `/proposals?publication=${filter}&limit=100`, 'proposal_office'))
        .json()
        .items.map((item: { id: string }) => item.id);
    expect(await ids('pending')).toEqual(expect.arrayContaining([waiting, declined]));
    const row = (await request('GET', `/proposals?publication=pending&limit=100`, 'proposal_office'))
      .json()
      .items.find((item: { id: string }) => item.id === waiting);
    expect(row).toMatchObject({ publicationDecision: null, isSecret: false, agreesToPublish: true });
    expect((await publish(waiting)).statusCode).toBe(200);
    expect((await publish(declined, { decision: 'not_published', reason: '涉及在办事项' })).statusCode).toBe(200);
    const pending = await ids('pending');
    expect(pending).not.toContain(waiting);
    expect(pending).not.toContain(declined);
    expect(await ids('published')).toContain(waiting);
    expect(await ids('published')).not.toContain(declined);
    expect(await ids('not_published')).toEqual(expect.arrayContaining([declined]));
    const bad = await request('GET', '/proposals?publication=maybe', 'proposal_office');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('publication 应为');
  });

  it('respects the proposer’s refusal, the secret flag and the reply: 409 with the reason', async () => {
    const declined = await repliedProposal();
    await test.dependencies.database.pool.query(
      "update proposals set agrees_to_publish = false, publication_refusal_reason = '涉及个人隐私' where id = $1",
      [declined],
    );
    const refused = await publish(declined);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'proposer_declined' });
    expect(refused.json().detail).toContain('涉及个人隐私');

    const secret = await repliedProposal();
    expect((await publish(secret)).statusCode).toBe(200);
    const marked = await request(
      'POST',
      `/proposals/${secret}/secret`,
      'proposal_office',
      { secret: true },
      await versionOf(secret),
    );
    expect(marked.statusCode, marked.body).toBe(200);
    expect((await portal(`/proposals?org=${orgCode}`)).json().items.map((item: Json) => item.title)).not.toContain(
      expect.stringContaining(secret),
    );
    const rows = await test.dependencies.database.pool.query('select 1 from publications where proposal_id = $1', [secret]);
    expect(rows.rowCount).toBe(0);
    expect((await publish(secret)).json().code).toBe('secret');

    const { proposalId: unreplied } = await startHandling(test, city, { mode: 'sole', units: ['housing'] });
    expect((await publish(unreplied)).json().code).toBe('not_replied');
  });

  it('publishes partly with the office’s edited text (redacted again); requires the text', async () => {
    const id = await repliedProposal();
    expect((await publish(id, { decision: 'partly_published' })).statusCode).toBe(422);
    const partly = await publish(id, {
      decision: 'partly_published',
      text: { background: '（部分内容不予公开）联系电话 13900001111' },
    });
    expect(partly.statusCode, partly.body).toBe(200);
    const detail = (await portal(`/proposals/${partly.json().publicationId}?org=${orgCode}`)).json();
    expect(detail).toMatchObject({ mode: 'partly_published', background: '（部分内容不予公开）联系电话 [电话已隐去]' });
  });

  it('publishes in bulk, reporting each refusal without holding back the rest', async () => {
    const good = await repliedProposal();
    const stale = await repliedProposal();
    const { proposalId: unreplied } = await startHandling(test, city, { mode: 'sole', units: ['transport'] });
    const result = await request('POST', '/publication/bulk', 'proposal_office', {
      items: [
        { id: good, version: await versionOf(good) },
        { id: stale, version: 1 },
        { id: unreplied, version: await versionOf(unreplied) },
      ],
    });
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json().published).toBe(1);
    expect(result.json().items.map((item: Json) => [item.ok, item.code])).toEqual([
      [true, null],
      [false, 'version_conflict'],
      [false, 'not_replied'],
    ]);
    expect((await request('POST', '/publication/bulk', 'reform', { items: [{ id: good, version: 1 }] })).statusCode).toBe(403);
  });

  it('answers the portal without login; an unknown committee is a 404 in Chinese', async () => {
    expect((await portal('/organizations')).json().items.map((item: Json) => item.code)).toContain(orgCode);
    const sessions = (await portal(`/sessions?org=${orgCode}`)).json();
    expect(sessions.items.length).toBe(2);
    const unknown = await portal('/proposals?org=nowhere');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain('不存在');
    expect((await portal('/proposals')).statusCode).toBe(400);
  });
});
