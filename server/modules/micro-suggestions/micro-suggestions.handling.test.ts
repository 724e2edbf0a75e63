import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { closeUnrated } from '../handling/actions/close-unrated.ts';
import {
  act,
  assignmentOf as assignmentOfUnit,
  createMicroCommittee,
  MICRO_TODAY,
  type MicroCommittee,
  noticesAbout,
  send,
  signFor as signForUnit,
  unitReplies,
  uploadPhoto,
  userOfMember,
} from './micro-suggestions.test-support.ts';

describe('micro-suggestions API: one unit handles it through the handling engine', () => {
  let test: TestApp;
  let city: MicroCommittee;
  let code: string;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(MICRO_TODAY);
    city = await createMicroCommittee(test.dependencies);
    code = (await test.dependencies.database.pool.query('select code from organizations where id = $1', [city.orgId])).rows[0]
      .code;
  });
  afterAll(async () => test.close());

  /** A submitted micro-suggestion with a problem photo, accepted and transferred to the reform unit. */
  async function transferred(title = '幸福路路灯损坏') {
    const created = await send(test, 'POST', '/micro-suggestions', city.as('lead'), {
      title,
      place: '城关街道幸福社区',
      problem: '幸福路北段三盏路灯损坏一个多月，夜间出行不便。',
      suggestion: '请尽快维修路灯。',
    });
    const id = created.json().id;
    expect((await uploadPhoto(test, city.as('lead'), id)).statusCode).toBe(201);
    await send(test, 'POST', `/micro-suggestions/${id}/actions/submit`, city.as('lead', { 'if-match': '"1"' }));
    expect((await act(test, city, 'proposal_office', id, 'accept', {})).statusCode).toBe(200);
    const suggestions = await send(test, 'GET', `/micro-suggestions/${id}/unit-suggestions`, city.as('proposal_office'));
    expect(suggestions.statusCode).toBe(200);
    const done = await act(test, city, 'proposal_office', id, 'transfer', { unitId: city.unitIds.reform, note: '请尽快处理' });
    expect(done.statusCode).toBe(200);
    return done.json();
  }

  const assignmentOf = (itemId: string) => assignmentOfUnit(test, city, itemId);
  const signFor = (itemId: string) => signForUnit(test, city, itemId);
  const reply = (itemId: string, text: string, photo = true) => unitReplies(test, city, itemId, text, { photo });

  it('transfers to one unit: due in 15 working days, the unit told once, its inbox shows it', async () => {
    const item = await transferred();
    expect(item).toMatchObject({ state: 'handling', stateName: '办理中', handlingMode: 'unit' });
    expect(item.handling).toMatchObject({
      unitId: city.unitIds.reform,
      unitName: '市发展和改革委员会',
      assignmentState: 'pending',
      // 2026-03-02 (Monday) + 15 working days.
      dueOn: '2026-03-23',
      light: 'green',
    });
    const unitNotices = (await noticesAbout(test, city.orgId, item.handling.assignmentId)).filter((notice) =>
      notice.title.startsWith('新交办微建议'),
    );
    // Exactly once per user of the unit (its handler and its leader), none from the engine besides.
    expect(unitNotices).toHaveLength(2);
    expect(new Set(unitNotices.map((notice) => notice.user_id)).size).toBe(2);
    const assignment = await assignmentOf(item.id);
    expect(assignment.dueOn).toBe('2026-03-23');
    const unitView = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('reform'));
    expect(unitView.statusCode).toBe(200);
    expect((await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('housing'))).statusCode).toBe(404);
    const unitList = await send(test, 'GET', '/micro-suggestions', city.as('reform'));
    expect(unitList.json().items.map((row: { id: string }) => row.id)).toContain(item.id);
    expect((await signFor(item.id)).state).toBe('signed_for');
    const view = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
    expect(view.json().handling).toMatchObject({ assignmentState: 'signed_for', assignmentStateName: '已签收' });
  });

  it('lets the unit ask once for an extension', async () => {
    const item = await transferred('解放路井盖缺失');
    const assignment = await signFor(item.id);
    const first = await send(test, 'POST', `/assignments/${assignment.id}/extension-requests`, city.as('reform'), {
      requestedDueOn: '2026-04-03',
      reason: '需协调燃气公司',
    });
    expect(first.statusCode).toBe(201);
    const approved = await send(
      test,
      'POST',
      `/extension-requests/${first.json().id}/actions/approve`,
      city.as('proposal_office', { 'if-match': `"${first.json().version}"` }),
      {},
    );
    expect(approved.statusCode).toBe(200);
    const second = await send(test, 'POST', `/assignments/${assignment.id}/extension-requests`, city.as('reform'), {
      requestedDueOn: '2026-04-10',
      reason: '再延一次',
    });
    expect(second.statusCode).toBeGreaterThanOrEqual(400);
    expect(second.statusCode).toBeLessThan(500);
    const view = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
    expect(view.json().handling.dueOn).toBe('2026-04-03');
  });

  it('replies with a photo, is rated dissatisfied and reopened once, then resolved (the limit reached)', async () => {
    const item = await transferred('人民路垃圾清运不及时');
    await reply(item.id, '已安排环卫车辆每日清运两次。');
    const replied = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
    expect(replied.json()).toMatchObject({ state: 'replied', stateName: '已答复' });
    expect(replied.json().ratingDueOn).toBeTruthy();
    const first = replied.json().handling.replies[0];
    expect(first).toMatchObject({ round: 1, canRate: true, myRating: null, onTime: true });
    expect(first.photos).toHaveLength(1);
    const photo = await test.app.inject({ method: 'GET', url: first.photos[0].url, headers: city.as('lead') });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    const notices = await noticesAbout(test, city.orgId, item.id);
    // One notice per reply, the engine's (this module adds none of its own for a reply).
    const leadUser = await userOfMember(test, city.orgId, city.memberIds.lead);
    const aboutReply = notices.filter((notice) => notice.user_id === leadUser && notice.body.includes('已答复'));
    expect(aboutReply).toHaveLength(1);

    const dissatisfied = await send(test, 'POST', `/replies/${first.id}/ratings`, city.as('lead'), {
      rating: 'dissatisfied',
      comment: '只清运了一周',
    });
    expect(dissatisfied.statusCode).toBeLessThan(300);
    const reopened = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
    expect(reopened.json()).toMatchObject({ state: 'rehandling', rehandlingCount: 1 });

    await reply(item.id, '已建立长效清运机制并公示清运时间。', false);
    const second = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
    expect(second.json().state).toBe('replied');
    const round2 = second.json().handling.replies.find((entry: { round: number }) => entry.round === 2);
    expect(round2.canRate).toBe(true);
    const again = await send(test, 'POST', `/replies/${round2.id}/ratings`, city.as('lead'), { rating: 'dissatisfied' });
    expect(again.statusCode).toBeLessThan(300);
    const resolved = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
    expect(resolved.json()).toMatchObject({ state: 'resolved', resolution: 'dissatisfied', rehandlingCount: 1 });
  });

  it('resolves on a satisfied rating and is published with before and after photos; the portal counts it', async () => {
    const item = await transferred('和平路路面坑洼');
    await reply(item.id, '已完成路面修补，联系电话 13900001111。');
    const view = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
    const replyId = view.json().handling.replies[0].id;
    const rated = await send(test, 'POST', `/replies/${replyId}/ratings`, city.as('lead'), { rating: 'satisfied' });
    expect(rated.statusCode).toBeLessThan(300);
    const resolved = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('proposal_office'));
    expect(resolved.json()).toMatchObject({ state: 'resolved', resolution: 'satisfied', resolutionName: '满意' });
    expect(resolved.json().actions.map((action: { action: string }) => action.action)).toEqual(['publish']);
    const published = await act(test, city, 'proposal_office', item.id, 'publish', {});
    expect(published.statusCode).toBe(200);
    const list = await test.app.inject({ method: 'GET', url: `/api/v1/portal/micro-suggestions?org=${code}` });
    expect(list.statusCode).toBe(200);
    const row = list.json().items.find((entry: { id: string }) => entry.id === item.id);
    expect(row).toMatchObject({ unitName: '市发展和改革委员会', handlingMode: 'unit' });
    expect(row.beforePhoto.kind).toBe('before');
    expect(row.afterPhoto.kind).toBe('after');
    const detail = await test.app.inject({ method: 'GET', url: `/api/v1/portal/micro-suggestions/${item.id}?org=${code}` });
    expect(detail.json().reply).not.toContain('13900001111');
    expect(detail.json().photos.map((photo: { kind: string }) => photo.kind)).toEqual(['before', 'after']);
    for (const photo of detail.json().photos) {
      const image = await test.app.inject({ method: 'GET', url: photo.url });
      expect(image.statusCode).toBe(200);
    }
    const counts = await test.app.inject({ method: 'GET', url: `/api/v1/portal/micro-suggestions/counts?org=${code}&year=2026` });
    expect(counts.statusCode).toBe(200);
    expect(counts.json()).toMatchObject({ year: 2026, published: 1 });
    expect(counts.json().raised).toBeGreaterThanOrEqual(4);
    expect(counts.json().resolved).toBeGreaterThanOrEqual(2);
  });

  it('resolves unrated once the rating window passed (the engine hourly job)', async () => {
    const item = await transferred('建设路违章停车');
    await reply(item.id, '已加强巡查并施划停车位。', false);
    const replied = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
    const dueOn = replied.json().ratingDueOn as string;
    expect(await closeUnrated(test.dependencies, city.orgId, item.id)).toBe(false);
    test.setNow(new Date(`${dueOn}T18:00:00Z`));
    expect(await closeUnrated(test.dependencies, city.orgId, item.id)).toBe(true);
    test.setNow(MICRO_TODAY);
    await city.signInAgain();
    const resolved = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
    expect(resolved.json()).toMatchObject({ state: 'resolved', resolution: 'unrated' });
    expect(resolved.json().handling.replies[0].canRate).toBe(false);
    const notices = await noticesAbout(test, city.orgId, item.id);
    expect(notices.some((notice) => notice.body.includes('评价期已过'))).toBe(true);
  });
});
