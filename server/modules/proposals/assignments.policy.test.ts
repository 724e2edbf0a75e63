import { describe, expect, it } from 'vitest';
import type { AssignmentAction } from '../../../contracts/proposals.ts';
import type { Role } from '../../../contracts/roles.ts';
import {
  adjustmentWindowOpen,
  canListAssignments,
  canManageAssignments,
  canSeeAssignment,
  canTakeAssignmentAction,
  isUnitUserOf,
} from './assignments.policy.ts';

type Who = { roles: Role[]; unitId: string | null };
const handlerA: Who = { roles: ['unit_handler'], unitId: 'unit-a' };
const leaderA: Who = { roles: ['unit_leader'], unitId: 'unit-a' };
const handlerB: Who = { roles: ['unit_handler'], unitId: 'unit-b' };
const unlinkedHandler: Who = { roles: ['unit_handler'], unitId: null };
const memberLinkedToA: Who = { roles: ['member'], unitId: 'unit-a' };
const office: Who = { roles: ['proposal_office'], unitId: null };
const supervisor: Who = { roles: ['supervisor'], unitId: null };
const leader: Who = { roles: ['leader'], unitId: null };
const member: Who = { roles: ['member'], unitId: null };
const admin: Who = { roles: ['system_admin'], unitId: null };

const ofUnitA = { unitId: 'unit-a', adjustmentUntil: '2026-07-08' };

describe('isUnitUserOf', () => {
  it.each([
    ['a handler of the unit', handlerA, true],
    ['the unit leader', leaderA, true],
    ['a handler of another unit', handlerB, false],
    ['a handler with no unit', unlinkedHandler, false],
    ['a member account linked to the unit', memberLinkedToA, false],
    ['the office', office, false],
  ] as const)('%s → %s', (_label, who, expected) => {
    expect(isUnitUserOf(who, 'unit-a')).toBe(expected);
  });
});

describe('canSeeAssignment and canListAssignments', () => {
  it.each([
    ['the office', office, true, true],
    ['a supervisor', supervisor, true, true],
    ['a leader', leader, true, true],
    ['a handler of the unit', handlerA, true, true],
    ['the unit leader', leaderA, true, true],
    ['a handler of another unit', handlerB, false, true],
    ['a handler with no unit', unlinkedHandler, false, false],
    ['a member', member, false, false],
    ['an administrator', admin, false, false],
  ] as const)('%s: sees unit A’s item %s, lists %s', (_label, who, sees, lists) => {
    expect(canSeeAssignment(who, ofUnitA)).toBe(sees);
    expect(canListAssignments(who)).toBe(lists);
  });
});

describe('adjustmentWindowOpen', () => {
  it.each([
    ['2026-07-01', true],
    ['2026-07-08', true],
    ['2026-07-09', false],
  ])('on %s → %s', (today, expected) => {
    expect(adjustmentWindowOpen(ofUnitA, today)).toBe(expected);
  });
});

describe('canTakeAssignmentAction', () => {
  const inWindow = '2026-07-08';
  const afterWindow = '2026-07-09';
  it.each([
    ['sign_for', handlerA, inWindow, true],
    ['sign_for', leaderA, afterWindow, true],
    ['sign_for', handlerB, inWindow, false],
    ['sign_for', office, inWindow, false],
    ['request_adjustment', handlerA, inWindow, true],
    ['request_adjustment', leaderA, inWindow, true],
    ['request_adjustment', handlerA, afterWindow, false],
    ['request_adjustment', handlerB, inWindow, false],
    ['request_adjustment', office, inWindow, false],
    ['approve_adjustment', office, afterWindow, true],
    ['approve_adjustment', handlerA, inWindow, false],
    ['approve_adjustment', supervisor, inWindow, false],
    ['refuse_adjustment', office, inWindow, true],
    ['refuse_adjustment', leaderA, inWindow, false],
    ['refuse_adjustment', member, inWindow, false],
  ] as const)('%s by %o on %s → %s', (action, who, today, expected) => {
    expect(canTakeAssignmentAction(who, ofUnitA, action as AssignmentAction, today)).toBe(expected);
  });
});

describe('canManageAssignments', () => {
  it.each([
    [office, true],
    [supervisor, false],
    [handlerA, false],
    [member, false],
  ] as const)('%o → %s', (who, expected) => {
    expect(canManageAssignments(who)).toBe(expected);
  });
});
