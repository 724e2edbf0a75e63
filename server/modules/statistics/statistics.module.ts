import type { AppModule } from '../../platform/module.ts';
import { statisticsRoutes } from './statistics.routes.ts';

/** Statistics (统计): the rates of a session with numerator and denominator, Excel and Word. */
export const statisticsModule: AppModule = {
  name: 'statistics',
  routes: async (app, deps) => statisticsRoutes(app, deps),
};
