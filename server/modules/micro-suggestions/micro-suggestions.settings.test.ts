import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveSettings, microSuggestionSettings } from '../../../contracts/settings.ts';
import { createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  act,
  createMicroCommittee,
  MICRO_TODAY,
  type MicroCommittee,
  send,
  signFor,
  submitted,
  transferredTo,
} from './micro-suggestions.test-support.ts';

describe('micro-suggestion settings', () => {
  it('keeps old settings JSON valid and reads the reply period where it always was', () => {
    const old = microSuggestionSettings(effectiveSettings({ microSuggestionReplyWorkingDays: 10 }));
    expect(old).toMatchObject({
      replyWorkingDays: 10,
      maxLength: 500,
      leaderSignOff: false,
      rehandlingLimit: 1,
      reviewerRoles: [],
    });
    const named = microSuggestionSettings(effectiveSettings({ microSuggestions: { maxLength: 300, reviewerRoles: ['leader'] } }));
    expect(named).toMatchObject({ maxLength: 300, replyWorkingDays: 15, reviewerRoles: ['leader'] });
    // An administrator role never reviews: the stored value is refused and the defaults apply.
    expect(
      microSuggestionSettings(effectiveSettings({ microSuggestions: { reviewerRoles: ['auditor'] } })).reviewerRoles,
    ).toEqual([]);
  });

  describe('applied by the API', () => {
    let test: TestApp;
    let city: MicroCommittee;
    let admin: Record<string, string>;

    beforeAll(async () => {
      test = await createTestApp();
      test.setNow(MICRO_TODAY);
      city = await createMicroCommittee(test.dependencies, { leaderSignOff: true, rehandlingLimit: 0 });
      const account = await createUser(test.dependencies, { orgId: city.orgId, roles: ['system_admin'] });
      admin = await signIn(test.dependencies, account);
    });
    afterAll(async () => test.close());

    it('lets the system administrator change them (the length limit, the reply period) and the rules follow', async () => {
      const organization = await send(test, 'GET', '/orgs/current', admin);
      const patched = await send(
        test,
        'PATCH',
        '/orgs/current/settings',
        { ...admin, 'if-match': `"${organization.json().version}"` },
        {
          microSuggestions: { maxLength: 100 },
          microSuggestionReplyWorkingDays: 10,
        },
      );
      expect(patched.statusCode).toBe(200);
      const tooLong = await send(test, 'POST', '/micro-suggestions', city.as('lead'), {
        title: '长度限制',
        problem: '问'.repeat(60),
        suggestion: '建'.repeat(41),
      });
      expect(tooLong.statusCode).toBe(422);
      expect(tooLong.json().detail).toContain('100');
      const item = await transferredTo(test, city, city.unitIds.reform, { problem: '短问题', suggestion: '短建议' });
      // 2026-03-02 + 10 working days.
      expect(item.handling.dueOn).toBe('2026-03-16');
      const bad = await send(
        test,
        'PATCH',
        '/orgs/current/settings',
        { ...admin, 'if-match': `"${patched.json().version}"` },
        {
          microSuggestions: { reviewerRoles: ['security_admin'] },
        },
      );
      expect(bad.statusCode).toBe(400);
    });

    it('asks for the unit leader’s sign-off when the committee switches it on', async () => {
      const item = await transferredTo(test, city, city.unitIds.reform, { problem: '短问题', suggestion: '短建议' });
      const assignment = await signFor(test, city, item.id);
      const drafted = await send(test, 'POST', `/assignments/${assignment.id}/replies`, city.as('reform'), {
        text: '已处理。',
        contactPerson: '李科长',
        contactPhone: '0571-88886666',
      });
      expect(drafted.statusCode).toBe(201);
      const actions = drafted.json().actions.map((action: { action: string }) => action.action);
      expect(actions).toContain('submit');
      expect(actions).not.toContain('send');
      const submittedReply = await send(
        test,
        'POST',
        `/replies/${drafted.json().id}/actions/submit`,
        city.as('reform', { 'if-match': `"${drafted.json().version}"` }),
      );
      expect(submittedReply.statusCode).toBe(200);
      const signed = await send(
        test,
        'POST',
        `/replies/${drafted.json().id}/actions/sign_off_and_send`,
        city.as('reformLeader', { 'if-match': `"${submittedReply.json().version}"` }),
      );
      expect(signed.statusCode).toBe(200);
      const view = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
      expect(view.json().state).toBe('replied');
      // No re-handling at all under this committee's limit of 0: dissatisfied resolves it.
      const rated = await send(test, 'POST', `/replies/${drafted.json().id}/ratings`, city.as('lead'), {
        rating: 'dissatisfied',
      });
      expect(rated.statusCode).toBeLessThan(300);
      const after = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
      expect(after.json()).toMatchObject({ state: 'resolved', resolution: 'dissatisfied', rehandlingCount: 0 });
    });

    it('lets no other role review when the committee names none', async () => {
      const plain = await createMicroCommittee(test.dependencies, { reviewerRoles: [] });
      const item = await submitted(test, plain);
      const refused = await act(test, plain, 'reviewer', item.id, 'accept', {});
      expect(refused.statusCode).toBe(404);
      expect((await act(test, plain, 'proposal_office', item.id, 'accept', {})).statusCode).toBe(200);
    });
  });
});
