import type { AppModule } from '../../platform/module.ts';
import { supervisionJobs, supervisionSchedules } from './supervision.jobs.ts';
import { supervisionRoutes } from './supervision.routes.ts';

/** Supervision (督办): the board of lights, manual and scheduled reminders to units. */
export const supervisionModule: AppModule = {
  name: 'supervision',
  routes: async (app, deps) => supervisionRoutes(app, deps),
  jobs: supervisionJobs,
  schedules: supervisionSchedules,
};
