import type { AppModule } from '../../platform/module.ts';
import { peopleJobs } from './people.imports.ts';
import { peopleRoutes } from './people.routes.ts';

/** People: members (委员), handling units (承办单位), user accounts and roles, Excel import/export. */
export const peopleModule: AppModule = {
  name: 'people',
  routes: peopleRoutes,
  jobs: peopleJobs,
};
