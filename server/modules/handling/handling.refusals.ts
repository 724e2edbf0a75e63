import { conflict, forbidden, type Problem, unprocessable } from '../../platform/http/problem.ts';
import type { Refusal } from './handling.policy.ts';

/** Refusals about what the user typed (a date, a class): 422 naming the field. */
const inputCodes: Record<string, string> = {
  not_later: 'requestedDueOn',
  extension_cap: 'requestedDueOn',
  result_class_required: 'resultClass',
  unknown_result_class: 'resultClass',
  follow_up_date_required: 'followUpDueOn',
  follow_up_date_past: 'followUpDueOn',
};

/** The problem for a policy refusal: 403 for who, 422 for what was typed, 409 for the state of things. */
export function refusalProblem(refusal: Refusal): Problem {
  if (refusal.code === 'forbidden') return forbidden(refusal.detail);
  const field = inputCodes[refusal.code];
  if (field) return unprocessable(refusal.detail, [{ field, message: refusal.detail }], refusal.code);
  return conflict(refusal.detail, refusal.code);
}

/** Throws the refusal's problem when there is one. */
export function throwIfRefused(refusal: Refusal | null): void {
  if (refusal) throw refusalProblem(refusal);
}
