import { describe, expect, it } from 'vitest';
import {
  type ExtensionAction,
  type ExtensionState,
  extensionActions,
  extensionStates,
  type ReplyAction,
  type ReplyState,
  replyActions,
  replyStates,
} from '../../../contracts/handling.ts';
import { type Role, roles } from '../../../contracts/roles.ts';
import { Problem } from '../../platform/http/problem.ts';
import { guardTransition } from '../../platform/workflow/workflow.ts';
import { extensionWorkflow, replyWorkflow } from './handling.workflow.ts';

/** What the guard answers: the new state, or the status it refuses with. */
function outcome(run: () => { to: string }): string | 403 | 409 {
  try {
    return run().to;
  } catch (error) {
    if (error instanceof Problem && (error.status === 403 || error.status === 409)) return error.status;
    throw error;
  }
}

const unit: Role[] = ['unit_handler', 'unit_leader'];

/** The reply table written out by hand: "state action" → [next state, roles allowed]. */
const replyTable: Record<string, [ReplyState, Role[]]> = {
  'draft submit': ['pending_signoff', unit],
  'draft send': ['sent', unit],
  'pending_signoff sign_off': ['office_review', ['unit_leader']],
  'pending_signoff sign_off_and_send': ['sent', ['unit_leader']],
  'pending_signoff return': ['draft', ['unit_leader']],
  'office_review return': ['draft', ['proposal_office']],
  'office_review release': ['sent', ['proposal_office']],
};

const extensionTable: Record<string, [ExtensionState, Role[]]> = {
  'requested approve': ['approved', ['proposal_office']],
  'requested refuse': ['refused', ['proposal_office']],
};

describe('reply workflow: every (state, action, role)', () => {
  const cases = replyStates.flatMap((state) =>
    replyActions.flatMap((action) => roles.map((role) => [state, action, role] as [ReplyState, ReplyAction, Role])),
  );
  it.each(cases)('%s + %s by %s', (state, action, role) => {
    const entry = replyTable[`${state} ${action}`];
    const want = !entry ? 409 : entry[1].includes(role) ? entry[0] : 403;
    expect(outcome(() => guardTransition(replyWorkflow, state, action, [role]))).toBe(want);
  });
  it('has nothing after sent: a sent reply is never changed', () => {
    expect(replyWorkflow.transitions.filter((transition) => transition.from.includes('sent'))).toEqual([]);
  });
});

describe('extension workflow: every (state, action, role)', () => {
  const cases = extensionStates.flatMap((state) =>
    extensionActions.flatMap((action) => roles.map((role) => [state, action, role] as [ExtensionState, ExtensionAction, Role])),
  );
  it.each(cases)('%s + %s by %s', (state, action, role) => {
    const entry = extensionTable[`${state} ${action}`];
    const want = !entry ? 409 : entry[1].includes(role) ? entry[0] : 403;
    expect(outcome(() => guardTransition(extensionWorkflow, state, action, [role]))).toBe(want);
  });
});
