import type { AppModule } from '../../platform/module.ts';
import { appraisalRoutes } from './appraisal.routes.ts';

/** Appraisal (民主评议): standing committee members score units' handling; results with a minimum of scores. */
export const appraisalModule: AppModule = {
  name: 'appraisal',
  routes: async (app, deps) => appraisalRoutes(app, deps),
};
