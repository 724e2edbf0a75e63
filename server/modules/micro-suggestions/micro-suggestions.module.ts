import type { AppModule } from '../../platform/module.ts';
import { microPortalRoutes } from './micro-suggestions.portal.routes.ts';
import { microSuggestionRoutes } from './micro-suggestions.routes.ts';
import { microStatisticsRoutes } from './micro-suggestions.statistics.routes.ts';

/**
 * Micro-suggestions (微建议): a member's short suggestion on a local problem — writing with photos, the office's
 * review (accept, decline, merge, convert into a proposal draft), transfer to one unit through the handling engine or
 * the member taking it on, publication on the portal, statistics with Excel.
 */
export const microSuggestionsModule: AppModule = {
  name: 'micro-suggestions',
  routes: async (app, deps) => {
    microStatisticsRoutes(app, deps);
    microSuggestionRoutes(app, deps);
    microPortalRoutes(app, deps);
  },
};
