import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type AssignmentCommittee, createAssignmentCommittee, insertFiledProposal } from './assignment.test-support.ts';

// biome-ignore lint/suspicious/noExplicitAny: API responses are read loosely in assertions
type Json = Record<string, any>;

describe('proposals API: suggested units and category default units', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let other: AssignmentCommittee;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(new Date('2026-07-01T02:00:00Z'));
    city = await createAssignmentCommittee(test.dependencies);
    other = await createAssignmentCommittee(test.dependencies);
  });
  afterAll(async () => test.close());

  const request = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: object) =>
    test.app.inject({ method, url: `/api/v1${url}`, headers, payload });
  const filed = (title: string, extra: Json = {}) => insertFiledProposal(test.dependencies, city, { title, ...extra });
  const assign = (proposal: { id: string; version: number }, plan: Json) =>
    request(
      'POST',
      `/proposals/${proposal.id}/actions/assign`,
      city.as('proposal_office', { 'if-match': `"${proposal.version}"` }),
      plan,
    );

  it('suggests the category’s default unit first, then units of similar past proposals', async () => {
    const put = await request('PUT', `/proposal-categories/${city.categoryId}/default-units`, city.as('proposal_office'), {
      unitIds: [city.unitIds.education],
    });
    expect(put.statusCode).toBe(200);
    const past = await filed('关于优化城市公交线路布局的建议', { keywords: ['公交'] });
    expect((await assign(past, { mode: 'sole', unitIds: [city.unitIds.transport] })).statusCode).toBe(200);
    const unrelated = await filed('关于完善城市公共服务体系的建议');
    expect((await assign(unrelated, { mode: 'sole', unitIds: [city.unitIds.housing] })).statusCode).toBe(200);
    const current = await filed('关于优化城市公交线路站点布局的建议', { keywords: ['公交'] });
    const response = await request('GET', `/proposals/${current.id}/unit-suggestions`, city.as('proposal_office'));
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Json[];
    expect(items[0]).toMatchObject({ unitId: city.unitIds.education, unitName: '市教育局', score: 1, sources: ['category'] });
    const transport = items.find((item) => item.unitId === city.unitIds.transport);
    expect(transport?.sources).toEqual(['history']);
    expect(transport?.score).toBeGreaterThan(0.4);
    expect(transport?.score).toBeLessThan(1);
    // Sharing only the formula 关于……的建议 and 城市 is no evidence.
    expect(items.map((item) => item.unitId)).not.toContain(city.unitIds.housing);
    expect((await request('GET', `/proposals/${current.id}/unit-suggestions`, city.as('lead'))).statusCode).toBe(403);
    expect((await request('GET', `/proposals/${current.id}/unit-suggestions`, other.as('proposal_office'))).statusCode).toBe(404);
  });

  it('round-trips a category’s default units and validates them', async () => {
    const url = `/proposal-categories/${city.categoryId}/default-units`;
    const unitIds = [city.unitIds.housing, city.unitIds.reform];
    expect((await request('PUT', url, city.as('proposal_office'), { unitIds })).json()).toEqual({
      categoryId: city.categoryId,
      unitIds,
    });
    expect((await request('GET', url, city.as('proposal_office'))).json()).toEqual({ categoryId: city.categoryId, unitIds });
    const twice = await request('PUT', url, city.as('proposal_office'), { unitIds: [city.unitIds.reform, city.unitIds.reform] });
    expect(twice.statusCode).toBe(422);
    expect((await request('PUT', url, city.as('proposal_office'), { unitIds: [city.unitIds.closed] })).statusCode).toBe(422);
    expect((await request('PUT', url, city.as('proposal_office'), { unitIds: [other.unitIds.reform] })).statusCode).toBe(422);
    expect((await request('PUT', url, city.as('proposal_office'), { unitIds: ['nope'] })).statusCode).toBe(400);
    const party = `/proposal-categories/${city.partyId}/default-units`;
    expect((await request('GET', party, city.as('proposal_office'))).statusCode).toBe(404);
    expect((await request('GET', url, other.as('proposal_office'))).statusCode).toBe(404);
    expect((await request('PUT', url, city.as('reform'), { unitIds: [] })).statusCode).toBe(403);
    expect((await request('GET', url, city.as('proposal_office'))).json().unitIds).toEqual(unitIds);
    expect((await request('PUT', url, city.as('proposal_office'), { unitIds: [] })).json().unitIds).toEqual([]);
  });
});
