import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/columns.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import { createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { units } from '../people/people.tables.ts';
import { syncProposalHandledItemsById } from './proposals.handled-item.ts';
import { call, createProposalCommittee, draftBody, TODAY } from './proposals.test-support.ts';

describe('proposals API: history timeline', () => {
  let test: TestApp;
  let city: Awaited<ReturnType<typeof createProposalCommittee>>;
  let other: Awaited<ReturnType<typeof createProposalCommittee>>;
  let proposalId: string;
  let otherProposalId: string;
  let unitHeaders: Record<string, string>;
  let otherUnitHeaders: Record<string, string>;

  /** Appends an event as an action would, in its own transaction. */
  async function record(input: Parameters<typeof recordEvent>[2]) {
    await test.dependencies.database.orm.transaction((tx) => recordEvent(tx, test.dependencies.config.auditHash, input));
  }

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(TODAY);
    city = await createProposalCommittee(test.dependencies);
    other = await createProposalCommittee(test.dependencies);
    const deps = test.dependencies;
    const orgId = city.orgId;

    const created = await call(test, 'POST', '/proposals', city.as('lead'), draftBody('关于完善社区食堂的建议'));
    proposalId = created.json().id;
    const submitted = await call(test, 'POST', `/proposals/${proposalId}/actions/submit`, city.as('lead', { 'if-match': '"1"' }));
    expect(submitted.statusCode).toBe(200);
    const second = await call(test, 'POST', '/proposals', city.as('co1'), draftBody('另一件提案'));
    otherProposalId = second.json().id;

    const [unit, otherUnit] = await deps.database.orm
      .insert(units)
      .values([
        { orgId, code: 'U10', name: '市民政局' },
        { orgId, code: 'U11', name: '市交通局' },
      ])
      .returning({ id: units.id });
    const handler = await createUser(deps, { orgId, roles: ['unit_handler'], unitId: unit.id, displayName: '民政局经办人' });
    unitHeaders = await signIn(deps, handler);
    const otherHandler = await createUser(deps, { orgId, roles: ['unit_handler'], unitId: otherUnit.id });
    otherUnitHeaders = await signIn(deps, otherHandler);
    const office = await createUser(deps, { orgId, roles: ['proposal_office'], displayName: '提案委李处长' });

    const assignmentId = newId();
    await syncProposalHandledItemsById(deps.database.orm, orgId, [proposalId]);
    await deps.database.orm.insert(itemAssignments).values({
      id: assignmentId,
      orgId,
      itemId: proposalId,
      unitId: unit.id,
      role: 'sole',
      assignedAt: '2026-01-10T03:00:00Z',
      dueOn: '2026-04-10',
      adjustmentUntil: '2026-01-16',
    });
    // The office's name changed since it acted: the timeline shows the current name from the users table.
    const officeActor = { userId: office.id, displayName: '旧名字' };
    await record({
      orgId,
      type: 'proposal.filed',
      summary: '立案，第0001号',
      actor: officeActor,
      subjectType: 'proposal',
      subjectId: proposalId,
    });
    await record({
      orgId,
      type: 'proposal_assignment.created',
      summary: '交办市民政局（单办）',
      actor: officeActor,
      subjectType: 'proposal_assignment',
      subjectId: assignmentId,
      after: { proposalId, unitId: unit.id },
    });
    await record({
      orgId,
      type: 'proposal_assignment.signed_for',
      summary: '市民政局签收',
      actor: { userId: handler.id, displayName: '民政局经办人' },
      subjectType: 'proposal_assignment',
      subjectId: assignmentId,
      after: { state: 'signed_for' },
    });
    await record({
      orgId,
      type: 'proposal_assignment.reminded',
      summary: '系统提醒：答复期限临近',
      subjectType: 'proposal_assignment',
      subjectId: newId(),
      before: { proposalId },
    });
    // Events of another proposal and of its assignment stay out.
    await record({
      orgId,
      type: 'proposal.filed',
      summary: '他案立案',
      actor: officeActor,
      subjectType: 'proposal',
      subjectId: otherProposalId,
    });
    await record({
      orgId,
      type: 'proposal_assignment.created',
      summary: '他案交办',
      actor: officeActor,
      subjectType: 'proposal_assignment',
      subjectId: newId(),
      after: { proposalId: otherProposalId },
    });
  });
  afterAll(async () => test.close());

  it('lists the proposal and assignment events oldest first, with who did it', async () => {
    const response = await call(test, 'GET', `/proposals/${proposalId}/history`, city.as('lead'));
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { type: string; actorName: string | null; summary: string; occurredAt: string }[];
    expect(items.map((item) => item.type)).toEqual([
      'proposal.created',
      'proposal.submitted',
      'proposal.filed',
      'proposal_assignment.created',
      'proposal_assignment.signed_for',
      'proposal_assignment.reminded',
    ]);
    expect(items.map((item) => item.actorName)).toEqual([
      '张委员',
      '张委员',
      '提案委李处长',
      '提案委李处长',
      '民政局经办人',
      null,
    ]);
    expect(items[3].summary).toBe('交办市民政局（单办）');
    const times = items.map((item) => Date.parse(item.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(items.some((item) => item.summary.startsWith('他案'))).toBe(false);
  });

  it('shows the same timeline to the office and the assigned unit', async () => {
    const mine = (await call(test, 'GET', `/proposals/${proposalId}/history`, city.as('lead'))).json();
    for (const headers of [city.as('proposal_office'), unitHeaders]) {
      const response = await call(test, 'GET', `/proposals/${proposalId}/history`, headers);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(mine);
    }
  });

  it('is a 404 for those who may not read the proposal, a 400 for a bad id, a 401 without login', async () => {
    for (const headers of [city.as('co2'), otherUnitHeaders, other.as('proposal_office'), city.as('unit_handler')]) {
      const response = await call(test, 'GET', `/proposals/${proposalId}/history`, headers);
      expect(response.statusCode).toBe(404);
      expect(response.json().detail).toContain('提案不存在');
    }
    // A draft's history is as private as the draft.
    expect((await call(test, 'GET', `/proposals/${otherProposalId}/history`, city.as('proposal_office'))).statusCode).toBe(404);
    expect((await call(test, 'GET', `/proposals/${otherProposalId}/history`, city.as('co1'))).statusCode).toBe(200);
    expect((await call(test, 'GET', '/proposals/not-an-id/history', city.as('lead'))).statusCode).toBe(400);
    expect((await call(test, 'GET', `/proposals/${proposalId}/history`, {})).statusCode).toBe(401);
  });
});
