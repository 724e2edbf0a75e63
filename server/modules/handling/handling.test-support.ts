import { expect } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { type AssignmentCommittee, insertFiledProposal, type UnitKey } from '../proposals/assignment.test-support.ts';
import { proposalCoSigners } from '../proposals/proposals.tables.ts';

// biome-ignore lint/suspicious/noExplicitAny: API responses are read loosely in assertions
export type Json = Record<string, any>;

/** Sends a request to /api/v1 as someone of the committee, with an If-Match version when given. */
export function requestAs(test: TestApp, committee: AssignmentCommittee) {
  return (method: 'GET' | 'POST' | 'PATCH', url: string, who: string, payload?: object, version?: number) =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: committee.as(who, version === undefined ? {} : { 'if-match': `"${version}"` }),
      payload,
    });
}

let counter = 0;

/**
 * A filed proposal of the lead member (with `coSigners` accepted), assigned by the office with `plan`, every unit
 * signed for; returns the proposal and each unit's assignment as the unit sees it.
 */
export async function startHandling(
  test: TestApp,
  committee: AssignmentCommittee,
  plan: { mode: 'sole' | 'parallel' | 'lead'; units: UnitKey[]; coUnits?: UnitKey[] },
  coSigners: ('co1' | 'co2')[] = [],
): Promise<{ proposalId: string; assignments: Record<string, Json> }> {
  const request = requestAs(test, committee);
  counter += 1;
  const proposal = await insertFiledProposal(test.dependencies, committee, { title: `关于改进社区养老服务的建议${counter}` });
  if (coSigners.length > 0) {
    await test.dependencies.database.orm.insert(proposalCoSigners).values(
      coSigners.map((who) => ({
        orgId: committee.orgId,
        proposalId: proposal.id,
        memberId: committee.memberIds[who],
        state: 'accepted',
      })),
    );
  }
  const assigned = await request(
    'POST',
    `/proposals/${proposal.id}/actions/assign`,
    'proposal_office',
    {
      mode: plan.mode,
      unitIds: plan.units.map((unit) => committee.unitIds[unit]),
      coUnitIds: (plan.coUnits ?? []).map((unit) => committee.unitIds[unit]),
    },
    proposal.version,
  );
  expect(assigned.statusCode, assigned.body).toBe(200);
  const assignments: Record<string, Json> = {};
  for (const unit of [...plan.units, ...(plan.coUnits ?? [])]) {
    const [item] = (await request('GET', `/assignments?proposalId=${proposal.id}`, unit)).json().items as Json[];
    const signed = await request('POST', `/assignments/${item.id}/actions/sign_for`, unit, {}, item.version);
    expect(signed.statusCode, signed.body).toBe(200);
    assignments[unit] = signed.json();
  }
  return { proposalId: proposal.id, assignments };
}

/** A contact body for today (the test clock). */
export function contactBody(contactedOn: string) {
  return { method: 'visit', contactedOn, people: '承办处长张三；提案人', summary: '上门听取提案人意见，介绍办理思路。' };
}

/** A reply draft body. */
export function replyBody(extra: Json = {}) {
  return {
    text: '经研究，我局将于年内完成社区养老服务中心建设，并建立长效运营机制。',
    resultClass: 'A',
    contactPerson: '李四',
    contactPhone: '0571-87001234',
    ...extra,
  };
}
