import type { AvailableAction } from '../../../contracts/common.ts';
import type { Role } from '../../../contracts/roles.ts';
import { conflict, forbidden } from '../http/problem.ts';

/** One allowed move of a workflow: from some states, by some roles, to a state. */
export type Transition<State extends string, Action extends string> = {
  action: Action;
  from: readonly State[];
  to: State;
  /** Roles that may take this action at all; item-level checks (ownership, unit) are the policy's. */
  roles: readonly Role[];
  /** Chinese label shown on the button. */
  label: string;
  /** The action needs a written reason (rejection, return, refusal…). */
  needsReason?: boolean;
};

/** A workflow: its states (with Chinese names) and its transition table. Pure data. */
export type Workflow<State extends string, Action extends string> = {
  name: string;
  /** The item's Chinese name, for messages. */
  itemName: string;
  states: Record<State, string>;
  transitions: readonly Transition<State, Action>[];
};

/** Declares a workflow, checking that every transition names known states. */
export function defineWorkflow<State extends string, Action extends string>(
  workflow: Workflow<State, Action>,
): Workflow<State, Action> {
  for (const transition of workflow.transitions) {
    for (const state of [...transition.from, transition.to]) {
      if (!(state in workflow.states)) throw new Error(`${workflow.name}: unknown state ${state} in ${transition.action}`);
    }
  }
  return workflow;
}

/**
 * The one guard every action calls. Returns the transition to apply, or throws:
 * 409 when the action does not exist from this state (naming the state), 403 when the role may not take it, or
 * when the item-level check (`allowed`) says no.
 */
export function guardTransition<State extends string, Action extends string>(
  workflow: Workflow<State, Action>,
  state: State,
  action: string,
  actorRoles: readonly Role[],
  allowed = true,
): Transition<State, Action> {
  const byAction = workflow.transitions.filter((transition) => transition.action === action);
  if (byAction.length === 0) throw conflict(`${workflow.itemName}没有"${action}"这个操作`, 'unknown_action');
  const transition = byAction.find((candidate) => candidate.from.includes(state));
  if (!transition) {
    throw conflict(
      `${workflow.itemName}当前状态为"${workflow.states[state] ?? state}"，不能执行"${byAction[0].label}"`,
      'invalid_transition',
      { state },
    );
  }
  if (!transition.roles.some((role) => actorRoles.includes(role)) || !allowed) {
    throw forbidden(`您无权对${workflow.itemName}执行"${transition.label}"`);
  }
  return transition;
}

/**
 * The actions the actor may take now: transitions from the state, for the actor's roles, that the item-level
 * check accepts. `GET` of every workflow item returns this list, and the UI shows only these buttons.
 */
export function availableActions<State extends string, Action extends string>(
  workflow: Workflow<State, Action>,
  state: State,
  actorRoles: readonly Role[],
  allowed: (action: Action) => boolean = () => true,
): AvailableAction[] {
  return workflow.transitions
    .filter((transition) => transition.from.includes(state))
    .filter((transition) => transition.roles.some((role) => actorRoles.includes(role)))
    .filter((transition) => allowed(transition.action))
    .map((transition) => ({ action: transition.action, label: transition.label, needsReason: Boolean(transition.needsReason) }));
}
