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

/** What a refusal says of another kind of item than a proposal (the rules speak of proposals and their proposers). */
const otherKindDetails: Record<string, (kindName: string) => string> = {
  forbidden_rating: (kindName) => `只有提出该${kindName}的委员可以评价答复`,
};

/** The refusal in the words of the item's kind: 提案 becomes 微建议… (a proposal's refusal is unchanged). */
export function inKindWords(refusal: Refusal, kindName: string, topic?: string): Refusal {
  if (kindName === '提案') return refusal;
  const special = topic ? otherKindDetails[`${refusal.code}_${topic}`] : undefined;
  const detail = special ? special(kindName) : refusal.detail.replaceAll('提案人', '建议人').replaceAll('提案', kindName);
  return { code: refusal.code, detail };
}

/** Throws the refusal's problem when there is one, in the words of the item's kind when given. */
export function throwIfRefused(refusal: Refusal | null, kindName = '提案', topic?: string): void {
  if (refusal) throw refusalProblem(inKindWords(refusal, kindName, topic));
}
