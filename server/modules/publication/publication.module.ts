import type { AppModule } from '../../platform/module.ts';
import { publicationRoutes } from './publication.routes.ts';

/** Publication (公开): the office's decision after the reply, redacted public copies, the secret flag. */
export const publicationModule: AppModule = {
  name: 'publication',
  routes: async (app, deps) => publicationRoutes(app, deps),
};
