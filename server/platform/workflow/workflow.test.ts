import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import { Problem } from '../http/problem.ts';
import { availableActions, defineWorkflow, guardTransition } from './workflow.ts';

type State = 'draft' | 'submitted' | 'filed' | 'rejected' | 'withdrawn';
type Action = 'submit' | 'file' | 'reject' | 'withdraw';

/** A small example in the shape of the proposal intake. */
const example = defineWorkflow<State, Action>({
  name: 'example',
  itemName: '示例提案',
  states: { draft: '草稿', submitted: '已提交', filed: '已立案', rejected: '不予立案', withdrawn: '已撤回' },
  transitions: [
    { action: 'submit', from: ['draft'], to: 'submitted', roles: ['member'], label: '提交' },
    { action: 'file', from: ['submitted'], to: 'filed', roles: ['proposal_office'], label: '立案' },
    { action: 'reject', from: ['submitted'], to: 'rejected', roles: ['proposal_office'], label: '不予立案', needsReason: true },
    { action: 'withdraw', from: ['draft', 'submitted'], to: 'withdrawn', roles: ['member', 'proposal_office'], label: '撤回' },
  ],
});

const states: State[] = ['draft', 'submitted', 'filed', 'rejected', 'withdrawn'];
const actions: Action[] = ['submit', 'file', 'reject', 'withdraw'];
const testedRoles: Role[] = ['member', 'proposal_office', 'auditor'];

/**
 * The specification, written out by hand: for each state and action, the roles that may take it there, or
 * 'invalid' when the action does not exist from that state (409 whoever asks).
 */
const spec: Record<State, Record<Action, Role[] | 'invalid'>> = {
  draft: { submit: ['member'], file: 'invalid', reject: 'invalid', withdraw: ['member', 'proposal_office'] },
  submitted: {
    submit: 'invalid',
    file: ['proposal_office'],
    reject: ['proposal_office'],
    withdraw: ['member', 'proposal_office'],
  },
  filed: { submit: 'invalid', file: 'invalid', reject: 'invalid', withdraw: 'invalid' },
  rejected: { submit: 'invalid', file: 'invalid', reject: 'invalid', withdraw: 'invalid' },
  withdrawn: { submit: 'invalid', file: 'invalid', reject: 'invalid', withdraw: 'invalid' },
};
const targets: Record<Action, State> = { submit: 'submitted', file: 'filed', reject: 'rejected', withdraw: 'withdrawn' };

type Outcome = 'allowed' | 409 | 403;
const cases: { state: State; action: Action; role: Role; expected: Outcome }[] = states.flatMap((state) =>
  actions.flatMap((action) =>
    testedRoles.map((role) => {
      const allowedRoles = spec[state][action];
      const expected: Outcome = allowedRoles === 'invalid' ? 409 : allowedRoles.includes(role) ? 'allowed' : 403;
      return { state, action, role, expected };
    }),
  ),
);

/** The guard's answer as an outcome: the status of the Problem it throws, or 'allowed'. */
function outcome(run: () => unknown): Outcome | string {
  try {
    run();
    return 'allowed';
  } catch (error) {
    if (error instanceof Problem) return error.status as Outcome;
    return `unexpected ${String(error)}`;
  }
}

describe('workflow guard', () => {
  it('covers every (state, action, role)', () => {
    expect(cases).toHaveLength(states.length * actions.length * testedRoles.length);
  });

  it.each(cases)('$state · $action · $role → $expected', ({ state, action, role, expected }) => {
    expect(outcome(() => guardTransition(example, state, action, [role]))).toBe(expected);
    if (expected === 'allowed') {
      expect(guardTransition(example, state, action, [role]).to).toBe(targets[action]);
    }
  });

  it('explains a 409 with the state name and code invalid_transition', () => {
    try {
      guardTransition(example, 'filed', 'submit', ['member']);
      expect.unreachable();
    } catch (error) {
      const problem = error as Problem;
      expect(problem.status).toBe(409);
      expect(problem.code).toBe('invalid_transition');
      expect(problem.detail).toBe('示例提案当前状态为"已立案"，不能执行"提交"');
      expect(problem.extra).toEqual({ state: 'filed' });
    }
  });

  it('answers an unknown action with 409 unknown_action', () => {
    const problem = (() => {
      try {
        guardTransition(example, 'draft', 'explode', ['member']);
      } catch (error) {
        return error as Problem;
      }
    })();
    expect(problem?.status).toBe(409);
    expect(problem?.code).toBe('unknown_action');
  });

  it('checks the state before the role: a wrong state is 409 even for a role that may never act', () => {
    expect(outcome(() => guardTransition(example, 'filed', 'file', ['auditor']))).toBe(409);
  });

  it('refuses with 403 when the item-level check says no, even for an allowed role', () => {
    expect(outcome(() => guardTransition(example, 'draft', 'submit', ['member'], false))).toBe(403);
    const problem = (() => {
      try {
        guardTransition(example, 'draft', 'submit', ['member'], false);
      } catch (error) {
        return error as Problem;
      }
    })();
    expect(problem?.code).toBe('forbidden');
    expect(problem?.detail).toContain('提交');
  });

  it('allows an actor with several roles when any of them may act', () => {
    expect(guardTransition(example, 'submitted', 'file', ['member', 'proposal_office']).to).toBe('filed');
    expect(outcome(() => guardTransition(example, 'submitted', 'file', []))).toBe(403);
  });
});

describe('available actions', () => {
  it.each(states.flatMap((state) => testedRoles.map((role) => ({ state, role }))))(
    '$state · $role lists exactly the actions the guard allows',
    ({ state, role }) => {
      const listed = availableActions(example, state, [role]).map((item) => item.action);
      const allowed = actions.filter((action) => outcome(() => guardTransition(example, state, action, [role])) === 'allowed');
      expect(listed).toEqual(allowed);
    },
  );

  it('gives labels and whether a reason is needed', () => {
    expect(availableActions(example, 'submitted', ['proposal_office'])).toEqual([
      { action: 'file', label: '立案', needsReason: false },
      { action: 'reject', label: '不予立案', needsReason: true },
      { action: 'withdraw', label: '撤回', needsReason: false },
    ]);
  });

  it('drops the actions the item-level check refuses', () => {
    const listed = availableActions(example, 'submitted', ['proposal_office'], (action) => action !== 'reject');
    expect(listed.map((item) => item.action)).toEqual(['file', 'withdraw']);
  });

  it('lists nothing in a final state', () => {
    expect(availableActions(example, 'filed', ['member', 'proposal_office', 'auditor'])).toEqual([]);
  });
});

describe('defineWorkflow', () => {
  it('rejects a transition naming an unknown state', () => {
    expect(() =>
      defineWorkflow<'a' | 'b', 'go'>({
        name: 'broken',
        itemName: '坏流程',
        states: { a: '甲', b: '乙' },
        transitions: [{ action: 'go', from: ['a'], to: 'c' as 'b', roles: ['member'], label: '前进' }],
      }),
    ).toThrow(/unknown state c in go/);
    expect(() =>
      defineWorkflow<'a' | 'b', 'go'>({
        name: 'broken',
        itemName: '坏流程',
        states: { a: '甲', b: '乙' },
        transitions: [{ action: 'go', from: ['z' as 'a'], to: 'b', roles: ['member'], label: '前进' }],
      }),
    ).toThrow(/unknown state z/);
  });

  it('returns the workflow unchanged when it is consistent', () => {
    expect(example.transitions).toHaveLength(4);
    expect(example.states.filed).toBe('已立案');
  });
});
