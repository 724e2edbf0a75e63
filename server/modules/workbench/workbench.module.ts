import type { AppModule } from '../../platform/module.ts';
import { workbenchRoutes } from './workbench.routes.ts';

/**
 * 工作台 (decision 0017): what waits for the current user, as counts that open the filtered lists. Modules register
 * providers (`<module>.workbench.ts`, listed in workbench.registry.ts); GET /workbench answers every card at once.
 */
export const workbenchModule: AppModule = {
  name: 'workbench',
  routes: async (app, deps) => workbenchRoutes(app, deps),
};
