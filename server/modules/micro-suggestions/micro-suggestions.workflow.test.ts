import { describe, expect, it } from 'vitest';
import {
  type MicroSuggestionAction,
  type MicroSuggestionState,
  microSuggestionActions,
  microSuggestionStates,
} from '../../../contracts/micro-suggestions.ts';
import { type Role, roles } from '../../../contracts/roles.ts';
import { Problem } from '../../platform/http/problem.ts';
import { guardTransition } from '../../platform/workflow/workflow.ts';
import { actingRoles } from './micro-suggestions.policy.ts';
import { microSuggestionWorkflow } from './micro-suggestions.workflow.ts';

const member: Role[] = ['member'];
const office: Role[] = ['proposal_office'];
const raters: Role[] = ['member', 'proposal_office'];

/** The expected table, written out by hand: "state action" → [resulting state, roles allowed]. */
const expected: Record<string, [MicroSuggestionState, Role[]]> = {
  'draft edit': ['draft', member],
  'draft submit': ['submitted', member],
  'submitted accept': ['accepted', office],
  'submitted decline': ['declined', office],
  'submitted merge': ['merged', office],
  'accepted merge': ['merged', office],
  'submitted convert': ['converted', office],
  'accepted convert': ['converted', office],
  'accepted transfer': ['handling', office],
  'accepted take_on': ['member_handling', office],
  'member_handling report_result': ['resolved', member],
  'handling record_reply': ['replied', ['unit_handler', 'unit_leader', 'proposal_office']],
  'rehandling record_reply': ['replied', ['unit_handler', 'unit_leader', 'proposal_office']],
  'replied reopen': ['rehandling', raters],
  'replied resolve': ['resolved', raters],
  'resolved publish': ['resolved', office],
  'resolved unpublish': ['resolved', office],
};

/** What the guard answers: the new state, or the status it refuses with. */
function outcome(run: () => { to: MicroSuggestionState }): MicroSuggestionState | 403 | 409 {
  try {
    return run().to;
  } catch (error) {
    if (error instanceof Problem && (error.status === 403 || error.status === 409)) return error.status;
    throw error;
  }
}

const cases = microSuggestionStates.flatMap((state) =>
  microSuggestionActions.flatMap((action) =>
    roles.map((role) => [state, action, role] as [MicroSuggestionState, MicroSuggestionAction, Role]),
  ),
);

describe('micro-suggestion workflow: every (state, action, role)', () => {
  it.each(cases)('%s + %s by %s', (state, action, role) => {
    const entry = expected[`${state} ${action}`];
    const want = !entry ? 409 : entry[1].includes(role) ? entry[0] : 403;
    expect(outcome(() => guardTransition(microSuggestionWorkflow, state, action, [role]))).toBe(want);
  });

  it('lets a role the committee named review (and only review) as the office', () => {
    const named: Role[] = ['information_office'];
    for (const action of ['accept', 'decline', 'merge', 'convert'] as const) {
      expect(
        outcome(() =>
          guardTransition(microSuggestionWorkflow, 'submitted', action, actingRoles({ roles: named }, action, named)),
        ),
      ).not.toBe(403);
    }
    expect(
      outcome(() =>
        guardTransition(microSuggestionWorkflow, 'accepted', 'transfer', actingRoles({ roles: named }, 'transfer', named)),
      ),
    ).toBe('handling');
    expect(
      outcome(() =>
        guardTransition(microSuggestionWorkflow, 'resolved', 'publish', actingRoles({ roles: named }, 'publish', named)),
      ),
    ).toBe(403);
    expect(
      outcome(() => guardTransition(microSuggestionWorkflow, 'submitted', 'accept', actingRoles({ roles: named }, 'accept', []))),
    ).toBe(403);
  });

  it('names the state in the 409', () => {
    expect(() => guardTransition(microSuggestionWorkflow, 'declined', 'accept', office)).toThrow(/不予受理/);
  });

  it('reaches every state from a draft', () => {
    const reached = new Set<MicroSuggestionState>(['draft']);
    for (let round = 0; round < microSuggestionStates.length; round += 1) {
      for (const transition of microSuggestionWorkflow.transitions) {
        if (transition.from.some((state) => reached.has(state))) reached.add(transition.to);
      }
    }
    expect([...reached].sort()).toEqual([...microSuggestionStates].sort());
  });
});
