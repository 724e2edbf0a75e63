import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import {
  afterRating,
  canTakeReplyAction,
  contactRefusal,
  extensionRefusal,
  type HandlingAssignment,
  opinionRefusal,
  ratingRefusal,
  submitRefusal,
} from './handling.policy.ts';
import { assignmentsOwingReply, currentReplies, missingRatings, nextRound } from './handling.progress.ts';

const U = 'unit-a';
const handler = { roles: ['unit_handler'] as Role[], unitId: U };
const leader = { roles: ['unit_leader'] as Role[], unitId: U };
const otherUnit = { roles: ['unit_handler'] as Role[], unitId: 'unit-b' };
const office = { roles: ['proposal_office'] as Role[], unitId: null };
const signed = (role: string, extra: Partial<HandlingAssignment> = {}): HandlingAssignment => ({
  unitId: U,
  role,
  state: 'signed_for',
  dueOn: '2026-10-08',
  assignedOn: '2026-07-01',
  ...extra,
});
const code = (refusal: { code: string } | null) => refusal?.code ?? null;

describe('contacts and co-handlers’ opinions', () => {
  it.each([
    ['the sole unit, signed for, handling', handler, signed('sole'), 'assigned', null],
    ['the lead unit in re-handling', leader, signed('lead'), 'rehandling', null],
    ['a parallel unit', handler, signed('parallel'), 'assigned', null],
    ['another unit', otherUnit, signed('sole'), 'assigned', 'forbidden'],
    ['the office', office, signed('sole'), 'assigned', 'forbidden'],
    ['before signing for', handler, signed('sole', { state: 'pending' }), 'assigned', 'not_signed_for'],
    ['a co-handler', handler, signed('co'), 'assigned', 'co_handler'],
    ['after the reply', handler, signed('sole'), 'replied', 'not_handling'],
    ['archived', handler, signed('sole'), 'archived', 'not_handling'],
  ] as const)('contact: %s → %s', (_name, actor, assignment, state, expected) => {
    expect(code(contactRefusal(actor, assignment, state))).toBe(expected);
  });

  it.each([
    ['a co-handler, first time', handler, signed('co'), false, null],
    ['a co-handler, second time', handler, signed('co'), true, 'already_sent'],
    ['the lead unit', handler, signed('lead'), false, 'not_co_handler'],
    ['another unit', otherUnit, signed('co'), false, 'forbidden'],
  ] as const)('opinion: %s → %s', (_name, actor, assignment, sent, expected) => {
    expect(code(opinionRefusal(actor, assignment, 'assigned', sent))).toBe(expected);
  });
});

describe('extension requests', () => {
  const facts = {
    proposalState: 'assigned',
    today: '2026-09-01',
    requestedDueOn: '2026-12-01',
    latest: '2027-01-01',
    openRequest: false,
  };
  it.each([
    ['within the cap, before the deadline', {}, null],
    ['on the last allowed day', { requestedDueOn: '2027-01-01' }, null],
    ['beyond the cap', { requestedDueOn: '2027-01-02' }, 'extension_cap'],
    ['not later than now', { requestedDueOn: '2026-10-08' }, 'not_later'],
    ['on the deadline day', { today: '2026-10-08' }, null],
    ['after the deadline', { today: '2026-10-09' }, 'deadline_passed'],
    ['with one open', { openRequest: true }, 'already_requested'],
    ['after the reply', { proposalState: 'replied' }, 'not_handling'],
  ])('%s → %s', (_name, change, expected) => {
    expect(code(extensionRefusal(handler, signed('sole'), { ...facts, ...change }))).toBe(expected);
  });
  it('is the replying unit’s: a co-handler asks the lead unit instead', () => {
    expect(code(extensionRefusal(handler, signed('co'), facts))).toBe('co_handler');
  });
});

describe('sending a reply for sign-off', () => {
  const base = {
    kind: 'reply' as const,
    requireContact: true,
    contactCount: 1,
    resultClass: 'A',
    classNeedsFollowUp: false,
    followUpDueOn: null,
    today: '2026-08-01',
    awaitingCoHandlers: [],
  };
  it.each([
    ['everything in place', {}, null],
    ['no contact, required', { contactCount: 0 }, 'contact_required'],
    ['no contact, not required', { contactCount: 0, requireContact: false }, null],
    [
      'a co-handler still within its deadline',
      { awaitingCoHandlers: [{ unitName: '市财政局', dueOn: '2026-08-01' }] },
      'awaiting_co_handlers',
    ],
    ['a co-handler past its deadline', { awaitingCoHandlers: [{ unitName: '市财政局', dueOn: '2026-07-31' }] }, null],
    ['no class', { resultClass: null }, 'result_class_required'],
    ['class B without a follow-up date', { resultClass: 'B', classNeedsFollowUp: true }, 'follow_up_date_required'],
    [
      'class B with a past follow-up date',
      { resultClass: 'B', classNeedsFollowUp: true, followUpDueOn: '2026-08-01' },
      'follow_up_date_past',
    ],
    ['class B with a follow-up date', { resultClass: 'B', classNeedsFollowUp: true, followUpDueOn: '2027-02-01' }, null],
    ['a follow-up report (no class, no contact)', { kind: 'follow_up' as const, contactCount: 0, resultClass: null }, null],
  ])('%s → %s', (_name, change, expected) => {
    expect(code(submitRefusal({ ...base, ...change }))).toBe(expected);
  });
});

describe('who moves a reply', () => {
  const draft = { unitId: U, state: 'draft' };
  const inReview = { unitId: U, state: 'office_review' };
  it.each([
    [handler, 'submit', draft, false, true],
    [otherUnit, 'submit', draft, false, false],
    [leader, 'sign_off_and_send', draft, false, true],
    [leader, 'sign_off_and_send', draft, true, false],
    [leader, 'sign_off', draft, true, true],
    [leader, 'sign_off', draft, false, false],
    [handler, 'sign_off_and_send', draft, false, false],
    [{ roles: ['unit_leader'] as Role[], unitId: 'unit-b' }, 'sign_off_and_send', draft, false, false],
    [leader, 'return', { unitId: U, state: 'pending_signoff' }, false, true],
    [leader, 'return', inReview, true, false],
    [office, 'return', inReview, true, true],
    [office, 'release', inReview, true, true],
  ] as const)('%o %s (%o, office reviews %s) → %s', (actor, action, reply, reviews, expected) => {
    expect(canTakeReplyAction(actor, reply, action, reviews)).toBe(expected);
  });
});

describe('ratings', () => {
  const base = {
    raterFound: true,
    replyKind: 'reply' as const,
    replyState: 'sent',
    replyIsCurrent: true,
    proposalState: 'replied',
    alreadyRated: false,
  };
  it.each([
    ['a proposer, first time', {}, null],
    ['not a proposer', { raterFound: false }, 'forbidden'],
    ['twice', { alreadyRated: true }, 'already_rated'],
    ['a follow-up report', { replyKind: 'follow_up' as const }, 'not_rateable'],
    ['a superseded reply', { replyIsCurrent: false }, 'rating_closed'],
    ['during re-handling', { proposalState: 'rehandling' }, 'rating_closed'],
    ['after closing', { proposalState: 'closed' }, 'rating_closed'],
  ])('%s → %s', (_name, change, expected) => {
    expect(code(ratingRefusal({ ...base, ...change }))).toBe(expected);
  });
  it.each([
    ['dissatisfied, limit not reached', 'dissatisfied', 0, 1, 3, 'reopen'],
    ['dissatisfied, limit reached, others missing', 'dissatisfied', 1, 1, 2, 'wait'],
    ['dissatisfied, limit reached, all rated', 'dissatisfied', 1, 1, 0, 'close'],
    ['dissatisfied, re-handling switched off', 'dissatisfied', 0, 0, 0, 'close'],
    ['satisfied, others missing', 'satisfied', 0, 1, 1, 'wait'],
    ['basically satisfied, the last one', 'basically_satisfied', 0, 1, 0, 'close'],
  ] as const)('%s → %s', (_name, rating, count, limit, missing, expected) => {
    expect(afterRating({ rating, rehandlingCount: count, rehandlingLimit: limit, missingRatings: missing })).toBe(expected);
  });
});

describe('progress of a proposal’s replies', () => {
  const reply = (
    id: string,
    assignmentId: string,
    round: number,
    state = 'sent',
    reopenedAt: string | null = null,
    kind = 'reply',
  ) => ({
    id,
    assignmentId,
    round,
    state,
    reopenedAt,
    kind,
  });
  const replies = [
    reply('r1', 'a', 1, 'sent', '2026-08-01T00:00:00Z'),
    reply('r2', 'a', 2, 'draft'),
    reply('r3', 'b', 1),
    reply('f1', 'b', 1, 'sent', null, 'follow_up'),
  ];
  it('owes a reply where the latest is missing, unsent or reopened', () => {
    expect(assignmentsOwingReply(['a', 'b', 'c'], replies)).toEqual(['a', 'c']);
    expect(assignmentsOwingReply(['b'], replies)).toEqual([]);
  });
  it('rates the latest sent, not reopened reply of each unit (never a follow-up report)', () => {
    expect(currentReplies(['a', 'b'], replies).map((row) => row.id)).toEqual(['r3']);
  });
  it('numbers the next round after a reopened reply', () => {
    expect(nextRound('a', [reply('r1', 'a', 1, 'sent', 'x')])).toBe(2);
    expect(nextRound('a', replies)).toBe(2);
    expect(nextRound('c', replies)).toBe(1);
  });
  it('counts the missing (reply, proposer) ratings, the collective author as null', () => {
    const current = [{ id: 'r3' }, { id: 'r4' }];
    expect(missingRatings(current, ['m1', 'm2'], [{ replyId: 'r3', memberId: 'm1' }])).toBe(3);
    expect(
      missingRatings(
        current,
        [null],
        [
          { replyId: 'r3', memberId: null },
          { replyId: 'r4', memberId: null },
        ],
      ),
    ).toBe(0);
  });
});
