import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
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
      'co2',
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

    // The other committee finds its own proposal and nothing of the city's.
    const countyFound = await similar(county, 'co2', `title=${encodeURIComponent('老旧小区加装电梯')}`);
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
    const found = await similar(city, 'co2', `title=${encodeURIComponent('共享单车停放管理')}`);
    expect(found.map((item) => item.id)).not.toContain(withdrawn);
  });
});
