/** The pure rules of submitting: the confirmation text and when an Idempotency-Key is kept for a retry. */
import type { Proposal } from '../../../../contracts/proposals.ts';
import { ApiError } from '../../lib/api.ts';

/** True when a failed submission may be retried with the same key (no definite answer came back). */
export function keepsIdempotencyKey(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status >= 500;
}

/** The confirmation text of submitting. */
export function submitConfirmText(proposal: Pick<Proposal, 'coSigners' | 'state'>): string {
  const waiting = proposal.coSigners.filter((item) => item.state === 'invited').length;
  const base = '提交后提案正文将不能再修改，之后只能以“补充材料”的形式追加内容。';
  if (proposal.state === 'co_signing' && waiting > 0) {
    return `${base}还有 ${waiting} 位委员未答复联名邀请，提交后只计已同意联名的委员。`;
  }
  return base;
}
