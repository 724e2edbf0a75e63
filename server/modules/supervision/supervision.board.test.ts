import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardItem, Light } from '../../../contracts/supervision.ts';
import { newId } from '../../platform/db/columns.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { insertAssignments, writeHandledItem } from '../handling/handled-items.ts';
import type { Json } from '../handling/handling.test-support.ts';
import { type AssignmentCommittee, createAssignmentCommittee, type UnitKey } from '../proposals/assignment.test-support.ts';
import { lightOf } from './supervision.policy.ts';

const TODAY = '2026-06-10';
const rank: Record<Light, number> = { red: 0, yellow: 1, green: 2, done: 3 };

/**
 * The board reads each group of lights only as far as a page needs (supervision.board.ts): on a mixed data set
 * written straight into the engine's tables, every page, light and kind filter must agree with the whole list
 * sorted by the rule (red by most overdue, yellow, green, done; then due date and id), and the counts with it.
 */
describe('the supervision board’s pages and counts', () => {
  let test: TestApp;
  let city: AssignmentCommittee;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(new Date(`${TODAY}T02:00:00Z`));
    city = await createAssignmentCommittee(test.dependencies);
    const units: UnitKey[] = ['reform', 'housing', 'transport'];
    await test.dependencies.database.orm.transaction(async (tx) => {
      for (let index = 0; index < 30; index += 1) {
        const kind = index % 3 === 0 ? 'micro_suggestion' : 'proposal';
        const id = newId();
        // Assigned between 2026-03-01 and 2026-05-30, due between 2026-05-20 and 2026-07-09; a third replied.
        const assignedOn = `2026-0${3 + (index % 3)}-${String(1 + ((index * 7) % 28)).padStart(2, '0')}`;
        const dueDay = new Date(Date.UTC(2026, 4, 20 + ((index * 11) % 50)));
        const dueOn = dueDay.toISOString().slice(0, 10);
        const replied = index % 4 === 1;
        await writeHandledItem(tx, {
          orgId: city.orgId,
          id,
          kind,
          title: `事项 ${index}`,
          state: replied ? 'replied' : 'handling',
          phase: index === 29 ? 'archived' : replied ? 'replied' : 'handling',
        });
        const [row] = await insertAssignments(tx, [
          {
            orgId: city.orgId,
            itemId: id,
            unitId: city.unitIds[units[index % 3]],
            role: 'sole',
            dueOn,
            adjustmentUntil: assignedOn,
            assignedAt: `${assignedOn}T02:00:00Z`,
          },
        ]);
        if (replied) await tx.execute(`update item_assignments set replied_at = now() where id = '${row.id}'`);
        if (index === 28) await tx.execute(`update item_assignments set state = 'reassigned' where id = '${row.id}'`);
      }
    });
  });
  afterAll(async () => test.close());

  const board = async (query: string) => {
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/v1/supervision/board?${query}`,
      headers: city.as('proposal_office'),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  /** Every row of a filter, page after page of `limit`. */
  const allPages = async (query: string, limit: number) => {
    const rows: BoardItem[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await board(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  };

  it('sorts the whole list by the rule and pages through it without losing or repeating a row', async () => {
    const whole = await board('limit=100');
    const items = whole.items as BoardItem[];
    expect(items).toHaveLength(28); // 30 less the archived item and the replaced assignment
    for (const item of items) {
      const expected = lightOf({ assignedOn: item.assignedOn, dueOn: item.dueOn, replied: item.repliedAt !== null }, TODAY, 80);
      expect(item.light).toBe(expected.light);
    }
    const sorted = [...items].sort(
      (left, right) =>
        rank[left.light] - rank[right.light] ||
        left.dueOn.localeCompare(right.dueOn) ||
        left.assignmentId.localeCompare(right.assignmentId),
    );
    expect(items.map((item) => item.assignmentId)).toEqual(sorted.map((item) => item.assignmentId));
    expect(new Set(items.map((item) => item.light))).toEqual(new Set(['red', 'yellow', 'green', 'done']));
    const counted = { red: 0, yellow: 0, green: 0, done: 0, total: items.length };
    for (const item of items) counted[item.light] += 1;
    expect(whole.counts).toEqual(counted);
    for (const limit of [1, 3, 7]) {
      expect((await allPages('', limit)).map((item) => item.assignmentId)).toEqual(items.map((item) => item.assignmentId));
    }
    for (const light of ['red', 'yellow', 'green', 'done'] as const) {
      const only = await allPages(`light=${light}`, 4);
      expect(only.map((item) => item.assignmentId)).toEqual(
        items.filter((item) => item.light === light).map((item) => item.assignmentId),
      );
    }
    const micro = await allPages('kind=micro_suggestion', 2);
    expect(micro.map((item) => item.assignmentId)).toEqual(
      items.filter((item) => item.kind === 'micro_suggestion').map((item) => item.assignmentId),
    );
    const unit = await board(`unitId=${city.unitIds.housing}&limit=100`);
    expect(unit.items.map((item: BoardItem) => item.assignmentId)).toEqual(
      items.filter((item) => item.unitId === city.unitIds.housing).map((item) => item.assignmentId),
    );
    expect(unit.counts.total).toBe(unit.items.length);
    expect(unit.counts.red).toBe(unit.items.filter((item: BoardItem) => item.light === 'red').length);
  });
});
