import type { HandledKind } from '../../../../contracts/handling.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { loadHandledSubject, loadHandlingRules } from '../handling.queries.ts';
import { itemWords } from './reply-action.ts';

/**
 * Closes a replied item of any kind whose rating window has passed (the job of the hourly scan). Safe to run twice
 * or from two processes: the owner is locked and an item no longer replied, or still in its window, is left alone.
 * Returns whether it closed the item.
 */
export async function closeUnrated(deps: AppDependencies, orgId: string, itemId: string): Promise<boolean> {
  return deps.database.orm.transaction(async (tx) => {
    const { owner, adapter, item } = await loadHandledSubject(tx, orgId, itemId, true);
    const rules = await loadHandlingRules(tx, deps, orgId, item.kind as HandledKind);
    if (owner.phase !== 'replied' || !owner.ratingDueOn || owner.ratingDueOn >= rules.today) return false;
    await adapter.move(
      tx,
      deps,
      owner,
      'close',
      { closedAt: deps.now().toISOString() },
      {
        actor: null,
        roles: ['proposal_office'],
        summary: `${itemWords(rules, owner.title)}评价期（至 ${owner.ratingDueOn}）已过，自动办结`,
      },
    );
    return true;
  });
}
