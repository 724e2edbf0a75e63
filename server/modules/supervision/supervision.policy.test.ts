import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import { canRemind, canSeeBoard, lightOf, rulesDue } from './supervision.policy.ts';

describe('lights', () => {
  const facts = { assignedOn: '2026-07-01', dueOn: '2026-10-09', replied: false }; // 100 days
  it.each([
    ['the first day', '2026-07-01', 'green', 100, 0],
    ['day 79 of 100', '2026-09-18', 'green', 21, 79],
    ['day 80 of 100 (80%)', '2026-09-19', 'yellow', 20, 80],
    ['the due date', '2026-10-09', 'yellow', 0, 100],
    ['the day after', '2026-10-10', 'red', -1, 101],
  ] as const)('%s → %s', (_name, today, light, daysLeft, percentUsed) => {
    expect(lightOf(facts, today, 80)).toEqual({ light, daysLeft, percentUsed });
  });
  it('is done once replied, even when late', () => {
    expect(lightOf({ ...facts, replied: true }, '2026-12-01', 80).light).toBe('done');
  });
  it('follows the committee’s threshold', () => {
    expect(lightOf(facts, '2026-08-20', 50).light).toBe('yellow');
    expect(lightOf(facts, '2026-08-19', 50).light).toBe('green');
  });
});

describe('scheduled reminder rules', () => {
  it.each([
    ['8 days before', '2026-09-30', []],
    ['7 days before', '2026-10-01', ['due_soon']],
    ['on the due date', '2026-10-08', ['due_soon']],
    ['the day after', '2026-10-09', ['overdue']],
  ] as const)('%s → %o', (_name, today, rules) => {
    expect(rulesDue('2026-10-08', today)).toEqual(rules);
  });
});

describe('who supervises', () => {
  it.each([
    ['proposal_office', true, true],
    ['supervisor', true, true],
    ['leader', true, false],
    ['unit_handler', false, false],
    ['member', false, false],
  ] as const)('%s: board %s, remind %s', (role, board, remind) => {
    expect(canSeeBoard({ roles: [role as Role] })).toBe(board);
    expect(canRemind({ roles: [role as Role] })).toBe(remind);
  });
});
