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
  unitReplies,
} from './micro-suggestions.test-support.ts';

describe('micro-suggestions API: history (办理过程) and the publication preview', () => {
  let test: TestApp;
  let city: MicroCommittee;
  let other: MicroCommittee;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(MICRO_TODAY);
    city = await createMicroCommittee(test.dependencies);
    other = await createMicroCommittee(test.dependencies);
  });
  afterAll(async () => test.close());

  it('shows the submit, accept and transfer steps oldest first, in Chinese, to the item readers only', async () => {
    const item = await transferredTo(test, city, city.unitIds.reform);
    const history = await send(test, 'GET', `/micro-suggestions/${item.id}/history`, city.as('lead'));
    expect(history.statusCode).toBe(200);
    const entries = history.json().items as { type: string; summary: string; actorName: string | null; occurredAt: string }[];
    const types = entries.map((entry) => entry.type);
    const order = ['micro_suggestion.submitted', 'micro_suggestion.accepted', 'micro_suggestion.transferred'].map((type) =>
      types.indexOf(type),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(types.indexOf('micro_suggestion.created')).toBe(0);
    for (const entry of entries) {
      expect(entry.summary).toMatch(/[\u4e00-\u9fff]/);
      expect(Number.isNaN(Date.parse(entry.occurredAt))).toBe(false);
    }
    expect(entries.find((entry) => entry.type === 'micro_suggestion.accepted')?.actorName).toBeTruthy();
    // The office, the unit it went to and the supervisors read it; another member and another committee do not.
    for (const who of ['proposal_office', 'reform', 'supervisor']) {
      expect((await send(test, 'GET', `/micro-suggestions/${item.id}/history`, city.as(who))).statusCode).toBe(200);
    }
    for (const [committee, who] of [
      [city, 'outsider'],
      [city, 'housing'],
      [other, 'proposal_office'],
      [other, 'lead'],
    ] as const) {
      const denied = await send(test, 'GET', `/micro-suggestions/${item.id}/history`, committee.as(who));
      expect(denied.statusCode).toBe(404);
    }
  });

  it('includes the unit handling events recorded on its assignment', async () => {
    const item = await transferredTo(test, city, city.unitIds.reform, { title: '人民路井盖缺失' });
    await unitReplies(test, city, item.id, '已补装井盖。', { photo: false });
    const history = await send(test, 'GET', `/micro-suggestions/${item.id}/history`, city.as('proposal_office'));
    const entries = history.json().items as { type: string }[];
    expect(entries.map((entry) => entry.type)).toEqual([
      'micro_suggestion.created',
      'micro_suggestion.submitted',
      'micro_suggestion.accepted',
      'micro_suggestion.transferred',
      'assignment.signed_for',
      'micro_suggestion.replied',
    ]);
  });

  it('previews the redacted public copy for the office once resolved, without writing', async () => {
    const item = await transferredTo(test, city, city.unitIds.reform, {
      title: '光明路积水',
      problem: '光明路雨后积水严重，联系我 13812345678。',
    });
    const preview = (who = 'proposal_office') =>
      send(test, 'GET', `/micro-suggestions/${item.id}/publication-preview`, city.as(who));
    // Not resolved yet: wrong state.
    expect((await preview()).statusCode).toBe(409);
    await unitReplies(test, city, item.id, '已疏通排水管道，电话 13900002222。', { photo: false });
    const view = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
    const replyId = view.json().handling.replies[0].id;
    const rated = await send(test, 'POST', `/replies/${replyId}/ratings`, city.as('lead'), { rating: 'satisfied' });
    expect(rated.statusCode).toBeLessThan(300);
    const before = (await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('proposal_office'))).json();
    expect(before.state).toBe('resolved');

    const shown = await preview();
    expect(shown.statusCode).toBe(200);
    const copy = shown.json();
    expect(copy.title).toBe('光明路积水');
    expect(copy.problem).not.toContain('13812345678');
    expect(copy.problem).toContain('光明路雨后积水严重');
    expect(copy.reply).not.toContain('13900002222');
    expect(copy.reply).toContain('已疏通排水管道');
    expect(Object.values(copy.removed as Record<string, number>).reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(
      2,
    );
    const after = (await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('proposal_office'))).json();
    expect(after.version).toBe(before.version);
    expect(after.published).toBe(false);

    // Only the office: the member and the unit may read the item but not preview it; another committee gets 404.
    expect((await preview('lead')).statusCode).toBe(403);
    expect((await preview('reform')).statusCode).toBe(403);
    expect((await preview('outsider')).statusCode).toBe(404);
    const foreign = await send(test, 'GET', `/micro-suggestions/${item.id}/publication-preview`, other.as('proposal_office'));
    expect(foreign.statusCode).toBe(404);

    // Publish stores exactly what the preview showed; afterwards the preview is a conflict.
    const published = await act(test, city, 'proposal_office', item.id, 'publish', {});
    expect(published.statusCode).toBe(200);
    const row = (
      await test.dependencies.database.pool.query(
        'select title, place, problem, suggestion, reply from micro_suggestion_publications where id = $1',
        [item.id],
      )
    ).rows[0];
    expect(row).toEqual({
      title: copy.title,
      place: copy.place,
      problem: copy.problem,
      suggestion: copy.suggestion,
      reply: copy.reply,
    });
    expect((await preview()).statusCode).toBe(409);
  });

  it('answers 409 on a submitted item and 404 on an unknown id', async () => {
    const item = await submitted(test, city);
    const early = await send(test, 'GET', `/micro-suggestions/${item.id}/publication-preview`, city.as('proposal_office'));
    expect(early.statusCode).toBe(409);
    expect(early.json().detail ?? early.json().title).toMatch(/[\u4e00-\u9fff]/);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await send(test, 'GET', `/micro-suggestions/${unknown}/history`, city.as('proposal_office'))).statusCode).toBe(404);
    expect(
      (await send(test, 'GET', `/micro-suggestions/${unknown}/publication-preview`, city.as('proposal_office'))).statusCode,
    ).toBe(404);
    expect((await send(test, 'GET', '/micro-suggestions/not-an-id/history', city.as('proposal_office'))).statusCode).toBe(400);
  });
});
