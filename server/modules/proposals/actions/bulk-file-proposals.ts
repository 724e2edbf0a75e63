import type { BulkResult } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { forbidden, Problem } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { proposalWorkflow } from '../proposals.workflow.ts';
import { fileProposalInTransaction } from './file-proposal.ts';

/** One proposal to file and the version the office saw. */
export type BulkFileItem = { id: string; version: number };

/**
 * POST /proposals/bulk-actions/file: files the proposals in the given order, each in its own transaction, so a
 * refused item (stale version, wrong state, not found) is reported and the others still get their numbers.
 * An unexpected failure of one item is reported as a 500 for that item and handed to `onUnexpected` (the log).
 */
export async function bulkFileProposals(
  deps: AppDependencies,
  actor: Actor,
  items: readonly BulkFileItem[],
  context: RequestContext,
  onUnexpected: (error: unknown) => void = () => {},
): Promise<BulkResult> {
  // A user who may file nothing is refused once, rather than item by item.
  const mayFile = proposalWorkflow.transitions.some(
    (transition) => transition.action === 'file' && transition.roles.some((role) => actor.roles.includes(role)),
  );
  if (!mayFile) throw forbidden('您无权批量立案');
  const results: BulkResult['items'] = [];
  for (const item of items) {
    try {
      const { proposal } = await deps.database.orm.transaction((tx) =>
        fileProposalInTransaction(tx, deps, actor, item.id, item.version, {}, context),
      );
      results.push({ id: item.id, ok: true, number: proposal.number, status: 200 });
    } catch (error) {
      if (error instanceof Problem) {
        results.push({ id: item.id, ok: false, status: error.status, detail: error.detail });
        continue;
      }
      onUnexpected(error);
      results.push({ id: item.id, ok: false, status: 500, detail: '立案时发生内部错误，请稍后重试' });
    }
  }
  return { items: results };
}
