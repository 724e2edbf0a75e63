import type { HandledKind } from '../../../contracts/handling.ts';
import { microSuggestionKind } from '../micro-suggestions/micro-suggestions.handled-kind.ts';
import { proposalHandling } from '../proposals/proposals.handling.ts';
import type { HandledKindAdapter } from './handled-kinds.ts';

/**
 * The adapter of a kind of handled item. A switch read at call time, not an object built when the module loads:
 * the owning modules import the engine and the engine imports them, so their exports exist only once every module
 * has loaded (decision 0016).
 */
export function adapterFor(kind: string): HandledKindAdapter {
  switch (kind as HandledKind) {
    case 'proposal':
      return proposalHandling;
    case 'micro_suggestion':
      return microSuggestionKind;
    default:
      throw new Error(`unknown handled kind: ${kind}`);
  }
}
