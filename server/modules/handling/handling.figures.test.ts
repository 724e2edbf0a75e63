import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/columns.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type AssignmentCommittee, createAssignmentCommittee } from '../proposals/assignment.test-support.ts';
import { insertAssignments, writeHandledItem } from './handled-items.ts';
import { unitHandlingFigures } from './handling.figures.ts';
import { itemReplies, replyRatings } from './handling.tables.ts';

/**
 * A small known data set written straight into the engine's tables (the figures read nothing else): micro-
 * suggestions at two units and a proposal, each assignment with what its unit did.
 */
describe('unitHandlingFigures: per unit, one kind, from the engine’s tables', () => {
  let test: TestApp;
  let city: AssignmentCommittee;

  type Reply = { round: number; sentOn: string; dueOnAtSend: string; reopened?: boolean; ratings: string[] };
  /** One item of `kind` at `unit`, assigned on `assignedOn`, due `dueOn`, with its replies and their ratings. */
  async function item(input: {
    kind: 'proposal' | 'micro_suggestion';
    unit: 'reform' | 'housing';
    assignedOn: string;
    dueOn: string;
    phase: 'handling' | 'replied' | 'closed';
    state?: string;
    replies?: Reply[];
  }) {
    const orm = test.dependencies.database.orm;
    const id = newId();
    const unitId = city.unitIds[input.unit];
    const memberId = city.memberIds.lead;
    await orm.transaction(async (tx) => {
      await writeHandledItem(tx, {
        orgId: city.orgId,
        id,
        kind: input.kind,
        title: `办理件 ${id.slice(-4)}`,
        state: input.phase,
        phase: input.phase,
      });
      const [assignment] = await insertAssignments(tx, [
        {
          orgId: city.orgId,
          itemId: id,
          unitId,
          role: 'sole',
          dueOn: input.dueOn,
          adjustmentUntil: input.assignedOn,
          assignedAt: `${input.assignedOn}T02:00:00Z`,
        },
      ]);
      if (input.state) {
        await tx.execute(`update item_assignments set state = '${input.state}' where id = '${assignment.id}'`);
      }
      for (const reply of input.replies ?? []) {
        const [row] = await tx
          .insert(itemReplies)
          .values({
            orgId: city.orgId,
            itemId: id,
            assignmentId: assignment.id,
            unitId,
            kind: 'reply',
            round: reply.round,
            state: 'sent',
            text: '已处理',
            contactPerson: '李科长',
            contactPhone: '0571-88886666',
            draftedBy: memberId,
            draftedByName: '承办人',
            sentAt: `${reply.sentOn}T02:00:00Z`,
            dueOnAtSend: reply.dueOnAtSend,
            reopenedAt: reply.reopened ? `${reply.sentOn}T08:00:00Z` : null,
          })
          .returning();
        for (const rating of reply.ratings) {
          await tx
            .insert(replyRatings)
            .values({ orgId: city.orgId, replyId: row.id, itemId: id, memberId, ratedBy: memberId, rating });
        }
        if (reply.round === 1 && !reply.reopened) {
          await tx.execute(`update item_assignments set replied_at = '${reply.sentOn}T02:00:00Z' where id = '${assignment.id}'`);
        }
      }
    });
    return id;
  }

  beforeAll(async () => {
    test = await createTestApp();
    city = await createAssignmentCommittee(test.dependencies);
    const micro = 'micro_suggestion' as const;
    // reform: on time and satisfied; late, reopened (dissatisfied) then basically satisfied; overdue; before the range;
    // replaced after an adjustment.
    await item({
      kind: micro,
      unit: 'reform',
      assignedOn: '2026-03-02',
      dueOn: '2026-03-20',
      phase: 'closed',
      replies: [{ round: 1, sentOn: '2026-03-18', dueOnAtSend: '2026-03-20', ratings: ['satisfied'] }],
    });
    await item({
      kind: micro,
      unit: 'reform',
      assignedOn: '2026-03-02',
      dueOn: '2026-04-20',
      phase: 'closed',
      replies: [
        { round: 1, sentOn: '2026-03-25', dueOnAtSend: '2026-03-20', reopened: true, ratings: ['dissatisfied'] },
        { round: 2, sentOn: '2026-04-10', dueOnAtSend: '2026-04-20', ratings: ['basically_satisfied'] },
      ],
    });
    await item({ kind: micro, unit: 'reform', assignedOn: '2026-03-03', dueOn: '2026-03-10', phase: 'handling' });
    await item({ kind: micro, unit: 'reform', assignedOn: '2026-02-02', dueOn: '2026-02-20', phase: 'handling' });
    await item({
      kind: micro,
      unit: 'reform',
      assignedOn: '2026-03-02',
      dueOn: '2026-03-10',
      phase: 'handling',
      state: 'reassigned',
    });
    // housing: not due yet.
    await item({ kind: micro, unit: 'housing', assignedOn: '2026-03-05', dueOn: '2026-04-30', phase: 'handling' });
    // A proposal at reform, late and unrated: counted only for proposals.
    await item({
      kind: 'proposal',
      unit: 'reform',
      assignedOn: '2026-03-02',
      dueOn: '2026-03-09',
      phase: 'replied',
      replies: [{ round: 1, sentOn: '2026-03-12', dueOnAtSend: '2026-03-09', ratings: [] }],
    });
  });
  afterAll(async () => test.close());

  const zero = { replied: 0, onTime: 0, overdueNow: 0, rated: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 };

  it('counts assigned, replied, on time, overdue now and the current ratings of one kind, by unit', async () => {
    const figures = await unitHandlingFigures(test.dependencies.database.orm, city.orgId, {
      kind: 'micro_suggestion',
      from: '2026-03-01',
      to: '2026-03-31',
      today: '2026-03-30',
    });
    expect(figures).toEqual([
      {
        unitId: city.unitIds.reform,
        unitName: '市发展和改革委员会',
        assigned: 3,
        replied: 2,
        onTime: 1,
        overdueNow: 1,
        rated: 2,
        satisfied: 1,
        basicallySatisfied: 1,
        dissatisfied: 0,
      },
      { unitId: city.unitIds.housing, unitName: '市住房和城乡建设局', assigned: 1, ...zero },
    ]);
  });

  it('keeps the kinds apart, takes the whole history without a range, and judges overdue on the day given', async () => {
    const proposals = await unitHandlingFigures(test.dependencies.database.orm, city.orgId, {
      kind: 'proposal',
      today: '2026-03-30',
    });
    expect(proposals).toEqual([
      { unitId: city.unitIds.reform, unitName: '市发展和改革委员会', assigned: 1, ...zero, replied: 1 },
    ]);
    const all = await unitHandlingFigures(test.dependencies.database.orm, city.orgId, {
      kind: 'micro_suggestion',
      today: '2026-03-05',
    });
    expect(all.map((row) => [row.unitName, row.assigned, row.overdueNow])).toEqual([
      ['市发展和改革委员会', 4, 1],
      ['市住房和城乡建设局', 1, 0],
    ]);
  });
});
