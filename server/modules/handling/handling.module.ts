import type { AppModule } from '../../platform/module.ts';
import { replyAttachmentRoutes } from './handling.attachments.routes.ts';
import { handlingJobs, handlingSchedules } from './handling.jobs.ts';
import { handlingRoutes } from './handling.routes.ts';

/** Proposal handling (提案办理): contacts, co-handlers' opinions, extensions, replies with sign-off, ratings, closing. */
export const handlingModule: AppModule = {
  name: 'handling',
  routes: async (app, deps) => {
    handlingRoutes(app, deps);
    replyAttachmentRoutes(app, deps);
  },
  jobs: handlingJobs,
  schedules: handlingSchedules,
};
