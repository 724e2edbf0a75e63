import type { AppModule } from '../../platform/module.ts';
import { archiveJobs } from './archive.jobs.ts';
import { archiveRoutes } from './archive.routes.ts';

/** Archive (归档): closing a past session freezes its proposals and produces the archive package. */
export const archiveModule: AppModule = {
  name: 'archive',
  routes: async (app, deps) => archiveRoutes(app, deps),
  jobs: archiveJobs,
};
