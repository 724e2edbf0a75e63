import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { versionConflict } from '../../../platform/http/concurrency.ts';
import { forbidden, Problem } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { loadVisibleProposal } from '../../proposals/proposals.queries.ts';
import { canPublish } from '../publication.policy.ts';
import { applyPublication } from './decide-publication.ts';

/** One item's outcome in a bulk publication. */
export type BulkItemResult = { id: string; ok: boolean; code: string | null; detail: string | null };

/**
 * POST /publication/bulk: publishes many proposals as they are (automatic redaction), each in its own transaction
 * with its version checked, so one refusal (declined, secret, not replied, edited meanwhile) does not hold back the
 * rest; every item's outcome is reported.
 */
export async function bulkPublish(
  deps: AppDependencies,
  actor: Actor,
  items: { id: string; version: number }[],
  context: RequestContext,
): Promise<{ published: number; items: BulkItemResult[] }> {
  if (!canPublish(actor)) throw forbidden('只有提案委可以决定公开');
  const results: BulkItemResult[] = [];
  for (const item of items) {
    try {
      await deps.database.orm.transaction(async (tx) => {
        const { proposal } = await loadVisibleProposal(tx, actor, item.id, true);
        if (proposal.version !== item.version) throw versionConflict('提案');
        await applyPublication(tx, deps, actor, proposal, { decision: 'published' }, context);
      });
      results.push({ id: item.id, ok: true, code: null, detail: null });
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      results.push({ id: item.id, ok: false, code: error.code, detail: error.detail });
    }
  }
  return { published: results.filter((result) => result.ok).length, items: results };
}
