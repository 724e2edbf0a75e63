import { describe, expect, it } from 'vitest';
import type { WorkbenchCard } from '../../../contracts/workbench.ts';
import { workbenchCard } from './workbench.provider.ts';
import { mergeCards, providersFor } from './workbench.queries.ts';
import {
  chainTone,
  type DeadlineLight,
  daysBetween,
  daysLeftNote,
  failedLoginsTone,
  lightTone,
  urgencyTone,
  waitingTone,
} from './workbench.tones.ts';

describe('workbench tone rules', () => {
  it.each<[DeadlineLight, string]>([
    ['red', 'danger'],
    ['yellow', 'warning'],
    ['green', 'normal'],
  ])('a %s light is %s', (light, tone) => {
    expect(lightTone(light)).toBe(tone);
  });

  it.each([
    [{ overdue: 0, near: 0 }, 'normal'],
    [{ overdue: 0, near: 3 }, 'warning'],
    [{ overdue: 1, near: 0 }, 'danger'],
    [{ overdue: 2, near: 5 }, 'danger'],
  ])('urgency %o is %s', (counts, tone) => {
    expect(urgencyTone(counts)).toBe(tone);
  });

  it.each([
    [0, 'normal'],
    [1, 'warning'],
    [40, 'warning'],
  ])('a queue of %i waiting is %s', (count, tone) => {
    expect(waitingTone(count)).toBe(tone);
  });

  it.each([
    [0, 'normal'],
    [9, 'normal'],
    [10, 'warning'],
    [49, 'warning'],
    [50, 'danger'],
  ])('%i failed logins today is %s', (count, tone) => {
    expect(failedLoginsTone(count)).toBe(tone);
  });

  const now = new Date('2026-07-10T02:00:00Z');
  it.each([
    [null, 'warning'],
    [{ verifiedAt: '2026-07-09T02:00:00Z', valid: true }, 'normal'],
    [{ verifiedAt: '2026-07-03T02:00:00Z', valid: true }, 'normal'],
    [{ verifiedAt: '2026-07-02T01:59:00Z', valid: true }, 'warning'],
    [{ verifiedAt: '2026-07-09T02:00:00Z', valid: false }, 'danger'],
  ])('the chain verified %o is %s', (last, tone) => {
    expect(chainTone(last, now)).toBe(tone);
  });

  it.each([
    ['2026-07-10', '2026-07-15', '还剩 5 天'],
    ['2026-07-10', '2026-07-10', '今天到期'],
    ['2026-07-10', '2026-07-07', '逾期 3 天'],
    ['2026-12-31', '2027-01-01', '还剩 1 天'],
    ['2026-03-28', '2026-03-30', '还剩 2 天'],
  ])('on %s a due date %s reads %s', (today, dueOn, note) => {
    expect(daysLeftNote(dueOn, today)).toBe(note);
  });

  it('counts days between business dates across months and years', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-07-01', '2026-10-08')).toBe(99);
  });
});

describe('workbench assembly', () => {
  const card = (provider: string, key: string): WorkbenchCard =>
    workbenchCard(provider, { key, label: key, count: 1, link: null });

  it('fills a card’s defaults and prefixes its key with the provider', () => {
    expect(card('proposals', 'review')).toEqual({
      key: 'proposals.review',
      provider: 'proposals',
      label: 'review',
      count: 1,
      link: null,
      tone: 'normal',
      hint: null,
      display: 'count',
      items: [],
      parts: [],
      figures: [],
    });
  });

  it('keeps the providers of the actor’s roles, and each card once in provider order', () => {
    const providers = [
      { id: 'a', roles: ['member'] as const, count: async () => [] },
      { id: 'b', roles: ['unit_handler', 'unit_leader'] as const, count: async () => [] },
      { id: 'c', roles: ['auditor'] as const, count: async () => [] },
    ];
    expect(providersFor({ roles: ['unit_leader', 'member'] }, providers).map((provider) => provider.id)).toEqual(['a', 'b']);
    expect(providersFor({ roles: [] }, providers)).toEqual([]);
    expect(
      mergeCards([
        [card('a', 'x'), card('a', 'y')],
        [card('a', 'x'), card('b', 'z')],
      ]).map((item) => item.key),
    ).toEqual(['a.x', 'a.y', 'b.z']);
  });
});
