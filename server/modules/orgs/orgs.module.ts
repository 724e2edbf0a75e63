import type { AppModule } from '../../platform/module.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { dictionaryRoutes } from './dictionaries.routes.ts';
import { organizationRoutes } from './orgs.routes.ts';
import { termRoutes } from './terms.routes.ts';

/** Tenants, terms and sessions, dictionaries, settings and the working-day calendar. */
export const orgsModule: AppModule = {
  name: 'orgs',
  routes: (app, deps) => {
    organizationRoutes(app, deps);
    termRoutes(app, deps);
    dictionaryRoutes(app, deps);
    calendarRoutes(app, deps);
  },
};
