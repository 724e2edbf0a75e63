import type { ApiApp, AppDependencies, AppModule } from '../../platform/module.ts';
import { searchPortalRoutes } from './search.portal.routes.ts';
import { searchRoutes } from './search.routes.ts';

/** One Chinese full-text search over every text item of a tenant, similar items, and the portal's published search. */
export const searchModule: AppModule = {
  name: 'search',
  routes: (app: ApiApp, deps: AppDependencies) => {
    searchRoutes(app, deps);
    searchPortalRoutes(app, deps);
  },
};
