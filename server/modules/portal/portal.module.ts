import type { AppModule } from '../../platform/module.ts';
import { portalRoutes } from './portal.routes.ts';

/** The public portal's API (公众): published proposals and replies, sessions, statistics. No login. */
export const portalModule: AppModule = {
  name: 'portal',
  routes: async (app, deps) => portalRoutes(app, deps),
};
