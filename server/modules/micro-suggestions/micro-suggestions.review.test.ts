import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { eventsOf } from '../orgs/orgs.test-support.ts';
import {
  act,
  afterPng,
  createMicroCommittee,
  MICRO_TODAY,
  type MicroCommittee,
  noticesAbout,
  send,
  submitted,
  uploadPhoto,
  userOfMember,
} from './micro-suggestions.test-support.ts';

describe('micro-suggestions API: the office decides, the member takes it on, publication', () => {
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

  it('puts submitted ones first in the office queue, with the review actions', async () => {
    const item = await submitted(test, city);
    const queue = await send(test, 'GET', '/micro-suggestions?queue=review&limit=200', city.as('proposal_office'));
    expect(queue.statusCode).toBe(200);
    const row = queue.json().items.find((entry: { id: string }) => entry.id === item.id);
    expect(row).toMatchObject({ state: 'submitted', leadMemberName: '张委员', place: '城关街道幸福社区' });
    const view = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('proposal_office'));
    expect(view.json().actions.map((action: { action: string }) => action.action)).toEqual([
      'accept',
      'decline',
      'merge',
      'convert',
    ]);
    const leadView = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
    expect(leadView.json().actions).toEqual([]);
  });

  it('accepts (the office, or the role the committee named), notifies the member, refuses others', async () => {
    const item = await submitted(test, city);
    for (const who of ['lead', 'supervisor', 'reform']) {
      const refused = await act(test, city, who, item.id, 'accept', {});
      expect(refused.statusCode).toBe(who === 'reform' ? 404 : 403);
    }
    const accepted = await act(test, city, 'reviewer', item.id, 'accept', { note: '情况属实', categoryId: city.categoryId });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      state: 'accepted',
      stateName: '已受理',
      categoryId: city.categoryId,
      categoryName: '经济建设',
      decision: { action: 'accept', reason: '情况属实', decidedByName: 'reviewer' },
    });
    expect(accepted.json().actions.map((action: { action: string }) => action.action)).toEqual([
      'merge',
      'convert',
      'transfer',
      'take_on',
    ]);
    const notices = await noticesAbout(test, city.orgId, item.id);
    const leadUser = await userOfMember(test, city.orgId, city.memberIds.lead);
    expect(notices.filter((notice) => notice.user_id === leadUser).map((notice) => notice.title)).toContain('微建议已受理');
    const twice = await act(test, city, 'proposal_office', item.id, 'accept', {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toContain('已受理');
    const stale = await send(
      test,
      'POST',
      `/micro-suggestions/${item.id}/actions/take_on`,
      city.as('proposal_office', { 'if-match': '"1"' }),
      {},
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
  });

  it('declines with a reason the member reads; no reason is a 400', async () => {
    const item = await submitted(test, city);
    const noReason = await act(test, city, 'proposal_office', item.id, 'decline', {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toBeTruthy();
    const declined = await act(test, city, 'proposal_office', item.id, 'decline', { reason: '属于个人诉求，请通过信访渠道反映' });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ state: 'declined', decision: { action: 'decline' } });
    const notices = await noticesAbout(test, city.orgId, item.id);
    expect(notices.some((notice) => notice.body.includes('属于个人诉求'))).toBe(true);
    const jobs = await test.dependencies.database.pool.query(
      "select count(*)::int as n from jobs where org_id = $1 and type = 'notifications.deliver' and payload->>'title' = '微建议不予受理'",
      [city.orgId],
    );
    expect(jobs.rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('shows similar ones and merges a duplicate into another; its member reads and follows the target', async () => {
    const target = await submitted(test, city, 'lead', {
      title: '解放路公交站台顶棚破损',
      problem: '解放路公交站台顶棚破损漏雨，候车群众淋雨。',
    });
    const duplicate = await submitted(test, city, 'co1', {
      title: '解放路公交站顶棚漏雨',
      problem: '解放路公交站台的顶棚破损，下雨天漏雨。',
    });
    const similar = await send(test, 'GET', `/micro-suggestions/similar?id=${duplicate.id}`, city.as('proposal_office'));
    expect(similar.statusCode).toBe(200);
    expect(similar.json().items[0]).toMatchObject({ id: target.id, canMergeInto: true });
    const self = await act(test, city, 'proposal_office', duplicate.id, 'merge', { targetId: duplicate.id });
    expect(self.statusCode).toBe(422);
    const foreign = await submitted(test, other);
    const elsewhere = await act(test, city, 'proposal_office', duplicate.id, 'merge', { targetId: foreign.id });
    expect(elsewhere.statusCode).toBe(422);
    const merged = await act(test, city, 'proposal_office', duplicate.id, 'merge', { targetId: target.id, reason: '同一站台' });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ state: 'merged', mergedInto: { id: target.id } });
    const read = await send(test, 'GET', `/micro-suggestions/${target.id}`, city.as('co1'));
    expect(read.statusCode).toBe(200);
    expect(read.json().mergedFrom.map((row: { id: string }) => row.id)).toEqual([duplicate.id]);
    const declined = await submitted(test, city);
    await act(test, city, 'proposal_office', declined.id, 'decline', { reason: '不属实' });
    const another = await submitted(test, city);
    const closed = await act(test, city, 'proposal_office', another.id, 'merge', { targetId: declined.id });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('merge_target_closed');
  });

  it('converts one into a proposal draft of its member, through the proposals module', async () => {
    const item = await submitted(test, city, 'lead', { title: '关于完善老旧小区停车管理的建议' });
    const converted = await act(test, city, 'proposal_office', item.id, 'convert', { reason: '涉及面广，宜作提案' });
    expect(converted.statusCode).toBe(200);
    expect(converted.json().state).toBe('converted');
    const proposalId = converted.json().convertedProposalId;
    expect(proposalId).toBeTruthy();
    const proposal = await send(test, 'GET', `/proposals/${proposalId}`, city.as('lead'));
    expect(proposal.statusCode).toBe(200);
    expect(proposal.json()).toMatchObject({
      state: 'draft',
      leadMemberId: city.memberIds.lead,
      title: '关于完善老旧小区停车管理的建议',
      suggestions: '请尽快维修路灯，并建立定期巡查机制。',
    });
    expect(proposal.json().actions.map((action: { action: string }) => action.action)).toContain('submit');
    // The draft is the member's: private to them until submitted, also from the office that converted it.
    expect((await send(test, 'GET', `/proposals/${proposalId}`, city.as('proposal_office'))).statusCode).toBe(404);
    const events = await eventsOf(test.dependencies, city.orgId, 'proposal.created');
    expect(events.find((event) => event.subject_id === proposalId)?.actor_id).not.toBeNull();
  });

  it('lets the member take it on, report the result with a photo, and the office publish it', async () => {
    const item = await submitted(test, city);
    await act(test, city, 'proposal_office', item.id, 'accept', {});
    const taken = await act(test, city, 'proposal_office', item.id, 'take_on', { note: '请张委员跟进' });
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({ state: 'member_handling', handlingMode: 'member', handling: null });
    expect(taken.json().memberReport).toMatchObject({ text: '', reportedAt: null, photos: [] });
    const leadView = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
    expect(leadView.json().actions.map((action: { action: string }) => action.action)).toEqual(['report_result']);
    expect(leadView.json().memberReport.canAddPhotos).toBe(true);
    const photo = await uploadPhoto(test, city.as('lead'), item.id, afterPng(), '修好后.png');
    expect(photo.statusCode).toBe(201);
    expect(photo.json().kind).toBe('result');
    const byOffice = await act(test, city, 'proposal_office', item.id, 'report_result', { text: '已修好' });
    expect(byOffice.statusCode).toBe(403);
    const reported = await act(test, city, 'lead', item.id, 'report_result', {
      text: '已协调街道维修路灯，联系人王师傅 13812345678。',
    });
    expect(reported.statusCode).toBe(200);
    expect(reported.json()).toMatchObject({ state: 'resolved', resolution: 'member_reported', resolutionName: '委员领办已办结' });
    expect(reported.json().memberReport.photos).toHaveLength(1);
    const published = await act(test, city, 'proposal_office', item.id, 'publish', {});
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ published: true });
    expect(published.json().actions.map((action: { action: string }) => action.action)).toEqual(['unpublish']);
    const twice = await act(test, city, 'proposal_office', item.id, 'publish', {});
    expect(twice.statusCode).toBe(409);
    const code = (await test.dependencies.database.pool.query('select code from organizations where id = $1', [city.orgId]))
      .rows[0].code;
    const portal = await test.app.inject({ method: 'GET', url: `/api/v1/portal/micro-suggestions/${item.id}?org=${code}` });
    expect(portal.statusCode).toBe(200);
    expect(portal.json()).toMatchObject({ handlingMode: 'member', unitName: null, memberNames: ['张委员'] });
    expect(portal.json().reply).not.toContain('13812345678');
    expect(portal.json().photos.map((entry: { kind: string }) => entry.kind)).toEqual(['after']);
    const image = await test.app.inject({ method: 'GET', url: portal.json().photos[0].url });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    const unpublished = await act(test, city, 'proposal_office', item.id, 'unpublish', { reason: '委员要求' });
    expect(unpublished.statusCode).toBe(200);
    const gone = await test.app.inject({ method: 'GET', url: `/api/v1/portal/micro-suggestions/${item.id}?org=${code}` });
    expect(gone.statusCode).toBe(404);
    const events = await eventsOf(test.dependencies, city.orgId, 'micro_suggestion.unpublished');
    expect(events.map((event) => event.subject_id)).toContain(item.id);
  });
});
