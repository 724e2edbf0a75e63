import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';
import { call, createProposalCommittee, draftBody, TODAY } from './proposals.test-support.ts';

type Similar = { id: string; title: string; score: number; sharedTerms: string[]; state: string; sessionId: string };

describe('GET /proposals/similar through the search index', () => {
  let test: TestApp;
  let city: Awaited<ReturnType<typeof createProposalCommittee>>;
  let county: Awaited<ReturnType<typeof createProposalCommittee>>;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(TODAY);
    city = await createProposalCommittee(test.dependencies);
    county = await createProposalCommittee(test.dependencies);
  });
  afterAll(async () => test.close());

  /** A draft of `who` in a committee, submitted unless `submit` is false; returns its id. */
  async function proposal(
    committee: typeof city,
    who: string,
    title: string,
    extra: Record<string, unknown> = {},
    submit = true,
  ): Promise<string> {
    const created = await call(test, 'POST', '/proposals', committee.as(who), draftBody(title, extra));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    if (submit) {
      const submitted = await call(test, 'POST', `/proposals/${id}/actions/submit`, committee.as(who, { 'if-match': '"1"' }));
      expect(submitted.statusCode).toBe(200);
    }
    return id;
  }

  const similar = async (committee: typeof city, who: string, query: string) => {
    const response = await call(test, 'GET', `/proposals/similar?${query}`, committee.as(who));
    expect(response.statusCode).toBe(200);
    return response.json().items as Similar[];
  };

  it('finds a near-duplicate with its score and shared key words, never drafts of others nor another committee', async () => {
    const handedIn = await proposal(city, 'lead', '关于加快老旧小区加装电梯的建议', {
      background: '老旧小区多为六层以下住宅，没有电梯，老年居民上下楼十分困难。',
      suggestions: '简化加装电梯审批流程，加大财政补贴，协调低层住户意见。',
      keywords: ['加装电梯', '老旧小区'],
    });
    const unrelated = await proposal(city, 'co1', '关于加强农村饮水安全保障的建议', {
      background: '部分农村地区饮用水水质不达标。',
      suggestions: '建设集中供水工程，定期检测水质。',
      keywords: ['饮水安全'],
    });
    const othersDraft = await proposal(city, 'co1', '关于推进老旧小区加装电梯工作的建议', {}, false);
    const otherCommittee = await proposal(county, 'lead', '关于加快老旧小区加装电梯的建议');

    const found = await similar(
      city,
      'proposal_office',
      `title=${encodeURIComponent('老旧小区加装电梯问题')}&keywords=${encodeURIComponent('电梯')}`,
    );
    expect(found[0]).toMatchObject({ id: handedIn, state: 'submitted', sessionId: city.sessionIds.current });
    expect(found[0].score).toBeGreaterThan(0.5);
    expect(found[0].score).toBeLessThanOrEqual(1);
    expect(found[0].sharedTerms).toEqual(expect.arrayContaining(['电梯']));
    const ids = found.map((item) => item.id);
    expect(ids).not.toContain(unrelated);
    expect(ids).not.toContain(othersDraft);
    expect(ids).not.toContain(otherCommittee);

    // The office reviewing the proposal sees the others like it, without the proposal itself.
    const review = await similar(
      city,
      'proposal_office',
      `title=${encodeURIComponent('关于加快老旧小区加装电梯的建议')}&excludeId=${handedIn}`,
    );
    expect(review.map((item) => item.id)).not.toContain(handedIn);
    expect(review.map((item) => item.id)).not.toContain(othersDraft);

    // The other committee's proposer finds their own proposal and nothing of the city's.
    const countyFound = await similar(county, 'lead', `title=${encodeURIComponent('老旧小区加装电梯')}`);
    expect(countyFound.map((item) => item.id)).toEqual([otherCommittee]);
  });

  it('leaves out withdrawn proposals', async () => {
    const withdrawn = await proposal(city, 'outsider', '关于规范共享单车停放管理的建议');
    const response = await call(
      test,
      'POST',
      `/proposals/${withdrawn}/actions/withdraw`,
      city.as('outsider', { 'if-match': '"2"' }),
      { reason: '已另行反映' },
    );
    expect(response.statusCode).toBe(200);
    for (const who of ['proposal_office', 'outsider']) {
      const found = await similar(city, who, `title=${encodeURIComponent('共享单车停放管理')}`);
      expect(found.map((item) => item.id)).not.toContain(withdrawn);
    }
  });

  it('shows each user only the proposals they may open: never a member others’ rejected, returned or secret ones', async () => {
    const town = await createProposalCommittee(test.dependencies);
    const [reason] = await test.dependencies.database.orm
      .insert(dictionaryEntries)
      .values({ orgId: town.orgId, kind: 'rejection_reason', code: 'R04', name: '属于个人事务' })
      .returning({ id: dictionaryEntries.id });
    const office = (extra: Record<string, string> = {}) => town.as('proposal_office', extra);
    const decide = async (id: string, path: string, payload: Record<string, unknown>) => {
      const response = await call(test, 'POST', `/proposals/${id}${path}`, office({ 'if-match': '"2"' }), payload);
      expect(response.statusCode, path).toBe(200);
    };
    const topic = '社区养老服务设施';
    const own = await proposal(town, 'lead', `关于完善${topic}建设的建议`);
    const rejected = await proposal(town, 'co1', `关于加快${topic}布局的建议`);
    await decide(rejected, '/actions/reject', { reasonCodeId: reason.id, reason: '属于个人事务' });
    const returned = await proposal(town, 'co1', `关于提升${topic}水平的建议`);
    await decide(returned, '/actions/return', { reason: '请补充实施建议' });
    const secret = await proposal(town, 'co1', `关于统筹${topic}规划的建议`);
    await decide(secret, '/secret', { secret: true });
    const coSigned = await proposal(town, 'outsider', `关于增加${topic}投入的建议`, {}, false);
    await call(test, 'POST', `/proposals/${coSigned}/co-signers`, town.as('outsider', { 'if-match': '"1"' }), {
      memberIds: [town.memberIds.co2],
      deadline: '2026-01-12',
    });
    const accepted = await call(
      test,
      'POST',
      `/proposals/${coSigned}/co-signers/${town.memberIds.co2}/actions/accept`,
      town.as('co2'),
    );
    expect(accepted.statusCode).toBe(200);
    const submitted = await call(
      test,
      'POST',
      `/proposals/${coSigned}/actions/submit`,
      town.as('outsider', { 'if-match': '"2"' }),
    );
    expect(submitted.statusCode).toBe(200);

    const query = `title=${encodeURIComponent(`关于${topic}的建议`)}`;
    const seenBy = async (who: string) => (await similar(town, who, query)).map((item) => item.id).sort();
    expect(await seenBy('proposal_office')).toEqual([own, rejected, returned, secret, coSigned].sort());
    expect(await seenBy('lead')).toEqual([own]);
    expect(await seenBy('co1')).toEqual([rejected, returned, secret].sort());
    expect(await seenBy('co2')).toEqual([coSigned]);
    expect(await seenBy('outsider')).toEqual([coSigned]);
    for (const who of ['lead', 'co1', 'co2', 'outsider', 'proposal_office']) {
      for (const item of await similar(town, who, query)) {
        const detail = await call(test, 'GET', `/proposals/${item.id}`, town.as(who));
        expect(detail.statusCode, `${who} opens ${item.title}`).toBe(200);
      }
    }
    const unit = await call(test, 'GET', `/proposals/similar?${query}`, town.as('unit_handler'));
    expect(unit.statusCode).toBe(403);
  });
});
