import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type Json, requestAs, startHandling } from '../handling/handling.test-support.ts';
import {
  type AssignmentCommittee,
  createAssignmentCommittee,
  insertFiledProposal,
} from '../proposals/assignment.test-support.ts';

describe('awards API', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(new Date('2026-07-01T02:00:00Z'));
    city = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
  });
  afterAll(async () => test.close());

  it('records excellent proposals and model units per year, once each, shown by proposal, unit and on the portal', async () => {
    const { proposalId } = await startHandling(test, city, { mode: 'sole', units: ['reform'] });
    const proposal = await request('POST', '/awards', 'proposal_office', {
      year: 2026,
      kind: 'excellent_proposal',
      proposalId,
      citation: '建议具体可行',
    });
    expect(proposal.statusCode, proposal.body).toBe(201);
    expect(proposal.json()).toMatchObject({ kindName: '优秀提案', proposalId, citation: '建议具体可行' });
    expect(
      (await request('POST', '/awards', 'proposal_office', { year: 2026, kind: 'excellent_proposal', proposalId })).json().code,
    ).toBe('already_awarded');
    const unit = await request('POST', '/awards', 'proposal_office', {
      year: 2026,
      kind: 'model_unit',
      unitId: city.unitIds.reform,
    });
    expect(unit.json()).toMatchObject({ unitName: '市发展和改革委员会' });
    expect((await request('POST', '/awards', 'proposal_office', { year: 2026, kind: 'model_unit', proposalId })).statusCode).toBe(
      400,
    );
    const submitted = await insertFiledProposal(test.dependencies, city, { title: '未立案', state: 'submitted' });
    expect(
      (await request('POST', '/awards', 'proposal_office', { year: 2026, kind: 'excellent_proposal', proposalId: submitted.id }))
        .statusCode,
    ).toBe(422);
    expect(
      (await request('POST', '/awards', 'lead', { year: 2026, kind: 'model_unit', unitId: city.unitIds.reform })).statusCode,
    ).toBe(403);

    const onProposal = (await request('GET', `/awards?proposalId=${proposalId}`, 'lead')).json().items as Json[];
    expect(onProposal.map((item) => item.kindName)).toEqual(['优秀提案']);
    const onUnit = (await request('GET', `/awards?unitId=${city.unitIds.reform}`, 'reform')).json().items as Json[];
    expect(onUnit.map((item) => item.kindName)).toEqual(['提案办理先进单位']);
    const [org] = (
      await test.dependencies.database.pool.query<{ code: string }>('select code from organizations where id = $1', [city.orgId])
    ).rows;
    const portal = await test.app.inject({ method: 'GET', url: `/api/v1/portal/awards?org=${org.code}&year=2026` });
    expect(portal.json().items).toHaveLength(2);
  });
});
