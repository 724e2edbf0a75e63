import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  act,
  createMicroCommittee,
  MICRO_TODAY,
  type MicroCommittee,
  send,
  submitted,
  transferredTo,
} from './micro-suggestions.test-support.ts';

describe('micro-suggestion lists and unit suggestions', () => {
  let test: TestApp;
  let city: MicroCommittee;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(MICRO_TODAY);
    city = await createMicroCommittee(test.dependencies);
    for (let index = 0; index < 5; index += 1) {
      ids[`queued${index}`] = (
        await submitted(test, city, index % 2 === 0 ? 'lead' : 'co1', { place: `城关街道第${index}社区` })
      ).id;
    }
    const accepted = await submitted(test, city, 'co2', { place: '东湖街道' });
    await act(test, city, 'proposal_office', accepted.id, 'accept', {});
    ids.accepted = accepted.id;
    ids.atReform = (await transferredTo(test, city, city.unitIds.reform, { place: '东湖街道' })).id;
    ids.atHousing = (await transferredTo(test, city, city.unitIds.housing, { place: '西城街道' }, 'co1')).id;
    ids.draft = (await send(test, 'POST', '/micro-suggestions', city.as('lead'), { title: '草稿' })).json().id;
  });
  afterAll(async () => test.close());

  /** Every page of a list, following the cursor. */
  async function allPages(who: string, query: string, limit = 2) {
    const seen: { id: string; state: string }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/micro-suggestions?limit=${limit}&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await send(test, 'GET', url, city.as(who));
      expect(response.statusCode).toBe(200);
      seen.push(...response.json().items);
      cursor = response.json().nextCursor;
    } while (cursor);
    return seen;
  }

  it('pages the office queue: submitted ones first (longest waiting first), then accepted ones', async () => {
    const queue = await allPages('proposal_office', 'queue=review');
    expect(queue.map((row) => row.id)).toEqual([0, 1, 2, 3, 4].map((index) => ids[`queued${index}`]).concat(ids.accepted));
  });

  it('pages a member’s own, newest first, with their draft; never another member’s', async () => {
    const mine = await allPages('lead', 'mine=true');
    expect(mine.map((row) => row.id)).toEqual([ids.draft, ids.atReform, ids.queued4, ids.queued2, ids.queued0]);
    const co1 = await allPages('co1', 'mine=true');
    expect(co1.map((row) => row.id)).toEqual([ids.atHousing, ids.queued3, ids.queued1]);
  });

  it('filters by state, unit, place text and month', async () => {
    const handling = await allPages('proposal_office', 'state=handling', 10);
    expect(handling.map((row) => row.id).sort()).toEqual([ids.atReform, ids.atHousing].sort());
    const reform = await allPages('proposal_office', `unitId=${city.unitIds.reform}`, 10);
    expect(reform.map((row) => row.id)).toEqual([ids.atReform]);
    expect(reform[0]).toMatchObject({ unitName: '市发展和改革委员会', dueOn: '2026-03-23', handlingMode: 'unit' });
    const east = await allPages('proposal_office', `place=${encodeURIComponent('东湖')}`, 10);
    expect(east.map((row) => row.id).sort()).toEqual([ids.accepted, ids.atReform].sort());
    expect(await allPages('proposal_office', 'month=2026-03', 10)).toHaveLength(8);
    expect(await allPages('proposal_office', 'month=2026-02', 10)).toHaveLength(0);
    const unitView = await allPages('housing', '', 10);
    expect(unitView.map((row) => row.id)).toEqual([ids.atHousing]);
  });

  it('answers a forged cursor and a bad month with a 400', async () => {
    const forged = await send(test, 'GET', '/micro-suggestions?cursor=bm90LWEtY3Vyc29y', city.as('proposal_office'));
    expect(forged.statusCode).toBe(400);
    const queueCursor = await send(
      test,
      'GET',
      `/micro-suggestions?queue=review&cursor=${Buffer.from('[1,"x","y"]').toString('base64url')}`,
      city.as('proposal_office'),
    );
    expect(queueCursor.statusCode).toBe(400);
    const month = await send(test, 'GET', '/micro-suggestions?month=2026-3', city.as('proposal_office'));
    expect(month.statusCode).toBe(400);
  });

  it('suggests the category’s default units for the transfer, and only to the office', async () => {
    const set = await send(test, 'PUT', `/proposal-categories/${city.categoryId}/default-units`, city.as('proposal_office'), {
      unitIds: [city.unitIds.transport],
    });
    expect(set.statusCode).toBe(200);
    const accepted = await act(test, city, 'proposal_office', ids.queued0, 'accept', { categoryId: city.categoryId });
    expect(accepted.statusCode).toBe(200);
    const suggestions = await send(test, 'GET', `/micro-suggestions/${ids.queued0}/unit-suggestions`, city.as('proposal_office'));
    expect(suggestions.statusCode).toBe(200);
    expect(suggestions.json().items[0]).toMatchObject({ unitId: city.unitIds.transport, sources: ['category'] });
    expect(suggestions.json().items[0].score).toBe(1);
    const byMember = await send(test, 'GET', `/micro-suggestions/${ids.queued0}/unit-suggestions`, city.as('lead'));
    expect(byMember.statusCode).toBe(403);
  });
});
