import type { AppModule } from '../../platform/module.ts';
import { awardRoutes } from './awards.routes.ts';

/** Awards (表彰): excellent proposals and model units per year, shown on proposals, units and the portal. */
export const awardsModule: AppModule = {
  name: 'awards',
  routes: async (app, deps) => awardRoutes(app, deps),
};
