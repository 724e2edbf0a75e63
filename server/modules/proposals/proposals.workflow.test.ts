import { describe, expect, it } from 'vitest';
import {
  type CoSignerAction,
  type CoSignerState,
  coSignerActions,
  coSignerStates,
  type ProposalAction,
  type ProposalState,
  proposalActions,
  proposalStates,
} from '../../../contracts/proposals.ts';
import { type Role, roles } from '../../../contracts/roles.ts';
import { Problem } from '../../platform/http/problem.ts';
import { availableActions, guardTransition } from '../../platform/workflow/workflow.ts';
import { coSignerWorkflow, proposalWorkflow } from './proposals.workflow.ts';

const writers: Role[] = ['member', 'proposal_office'];
const office: Role[] = ['proposal_office'];

/** The expected table, written out by hand: "state action" → [resulting state, roles allowed]. */
const expected: Record<string, [ProposalState, Role[]]> = {
  'draft edit': ['draft', writers],
  'returned edit': ['returned', writers],
  'draft invite_co_signers': ['co_signing', ['member']],
  'co_signing invite_co_signers': ['co_signing', ['member']],
  'draft submit': ['submitted', writers],
  'co_signing submit': ['submitted', writers],
  'returned submit': ['submitted', writers],
  'co_signing withdraw': ['withdrawn', writers],
  'submitted withdraw': ['withdrawn', writers],
  'returned withdraw': ['withdrawn', writers],
  'submitted add_supplement': ['submitted', writers],
  'filed add_supplement': ['filed', writers],
  'assigned add_supplement': ['assigned', writers],
  'submitted file': ['filed', office],
  'submitted reject': ['rejected', office],
  'submitted merge': ['merged', office],
  'submitted convert': ['converted', office],
  'submitted return': ['returned', office],
  'filed assign': ['assigned', office],
  'assigned record_reply': ['replied', ['unit_leader', 'proposal_office']],
  'rehandling record_reply': ['replied', ['unit_leader', 'proposal_office']],
  'replied reopen': ['rehandling', writers],
  'replied close': ['closed', writers],
  ...Object.fromEntries(
    proposalStates.filter((state) => state !== 'archived').map((state) => [`${state} archive`, ['archived', office]]),
  ),
};

/** What the guard answers: the new state, or the status it refuses with. */
function outcome<S extends string>(run: () => { to: S }): S | 403 | 409 {
  try {
    return run().to;
  } catch (error) {
    if (error instanceof Problem && (error.status === 403 || error.status === 409)) return error.status;
    throw error;
  }
}

const proposalCases = proposalStates.flatMap((state) =>
  proposalActions.flatMap((action) => roles.map((role) => [state, action, role] as [ProposalState, ProposalAction, Role])),
);

describe('proposal workflow: every (state, action, role)', () => {
  it.each(proposalCases)('%s + %s by %s', (state, action, role) => {
    const entry = expected[`${state} ${action}`];
    const want = !entry ? 409 : entry[1].includes(role) ? entry[0] : 403;
    expect(outcome(() => guardTransition(proposalWorkflow, state, action, [role]))).toBe(want);
  });

  it('refuses an action the item-level check rejects with 403', () => {
    expect(outcome(() => guardTransition(proposalWorkflow, 'draft', 'submit', ['member'], false))).toBe(403);
  });

  it('names the state in the 409', () => {
    expect(() => guardTransition(proposalWorkflow, 'filed', 'withdraw', ['member'])).toThrow(/已立案/);
  });

  it('lists the actions of a submitted proposal for the office', () => {
    expect(availableActions(proposalWorkflow, 'submitted', ['proposal_office']).map((action) => action.action)).toEqual([
      'withdraw',
      'add_supplement',
      'file',
      'reject',
      'merge',
      'convert',
      'return',
      // Archiving a session moves every proposal; the presenter never shows it as a button (automaticActions).
      'archive',
    ]);
  });

  it('has a Chinese name for every state', () => {
    for (const state of proposalStates) expect(proposalWorkflow.states[state]).toMatch(/\p{Script=Han}/u);
  });
});

const invitationExpected: Record<string, CoSignerState> = {
  'invited accept': 'accepted',
  'declined accept': 'accepted',
  'invited decline': 'declined',
  'accepted decline': 'declined',
  'invited cancel': 'cancelled',
  'accepted cancel': 'cancelled',
  'declined cancel': 'cancelled',
};

const invitationCases = coSignerStates.flatMap((state) =>
  coSignerActions.flatMap((action) => roles.map((role) => [state, action, role] as [CoSignerState, CoSignerAction, Role])),
);

describe('co-signing invitation workflow: every (state, action, role)', () => {
  it.each(invitationCases)('%s + %s by %s', (state, action, role) => {
    const to = invitationExpected[`${state} ${action}`];
    const want = !to ? 409 : role === 'member' ? to : 403;
    expect(outcome(() => guardTransition(coSignerWorkflow, state, action, [role]))).toBe(want);
  });
});
