import type { AppModule } from '../../platform/module.ts';
import { routingJobs, routingSchedules } from './routing.jobs.ts';
import { routingRoutes } from './routing.routes.ts';

/** Category and unit suggestions learned from a tenant's history (imported items and filed proposals). */
export const routingModule: AppModule = {
  name: 'routing',
  routes: routingRoutes,
  jobs: routingJobs,
  schedules: routingSchedules,
};
