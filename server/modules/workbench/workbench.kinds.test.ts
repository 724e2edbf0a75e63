import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '../../../contracts/workbench.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { startHandling } from '../handling/handling.test-support.ts';
import {
  createMicroCommittee,
  MICRO_TODAY,
  type MicroCommittee,
  signFor,
  transferredTo,
} from '../micro-suggestions/micro-suggestions.test-support.ts';

const at = (day: string) => new Date(`${day}T02:00:00Z`);

describe('GET /workbench: a unit counts every kind of handled item', () => {
  let test: TestApp;
  let city: MicroCommittee;

  const cards = async (who: string) => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/workbench', headers: city.as(who) });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as Workbench;
    return new Map(page.cards.map((card) => [card.key, card]));
  };

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(MICRO_TODAY);
    city = await createMicroCommittee(test.dependencies);
  });
  afterAll(async () => test.close());

  it('puts a transferred micro-suggestion beside the proposals: 待签收, 办理中, then 逾期', async () => {
    await startHandling(test, city, { mode: 'sole', units: ['education'] });
    const micro = await transferredTo(test, city, city.unitIds.education);
    const before = await cards('education');
    expect(before.get('handling.unit_pending')?.count).toBe(1);
    expect(before.get('handling.unit_handling')?.count).toBe(1);

    await signFor(test, city, micro.id, 'education');
    const after = await cards('education');
    const handling = after.get('handling.unit_handling');
    expect(handling?.count).toBe(2);
    // The micro-suggestion is due in 15 working days, so it comes first, marked with its kind.
    expect(handling?.items[0].title).toBe(micro.number ? `${micro.number} ${micro.title}` : micro.title);
    expect(handling?.items[0].note).toMatch(/^微建议 · 还剩 \d+ 天$/);

    // A month later the micro-suggestion is overdue, the proposal is not.
    test.setNow(at('2026-04-02'));
    await city.signInAgain();
    const late = await cards('education');
    expect(late.get('handling.unit_overdue')?.count).toBe(1);
    expect(late.get('handling.unit_overdue')?.items[0].note).toMatch(/^微建议 · 逾期 \d+ 天$/);
    const office = await cards('proposal_office');
    expect(office.get('handling.overdue')?.count).toBe(1);
    const board = await test.app.inject({
      method: 'GET',
      url: '/api/v1/supervision/board?light=red',
      headers: city.as('proposal_office'),
    });
    expect(board.json().counts.red).toBe(1);
  });
});
