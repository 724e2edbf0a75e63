import { importsModule } from '../platform/imports/imports.module.ts';
import { createMaintenanceModule } from '../platform/jobs/maintenance.ts';
import type { AppModule } from '../platform/module.ts';
import { appraisalModule } from './appraisal/appraisal.module.ts';
import { archiveModule } from './archive/archive.module.ts';
import { auditModule } from './audit/audit.module.ts';
import { authModule } from './auth/auth.module.ts';
import { awardsModule } from './awards/awards.module.ts';
import { handlingModule } from './handling/handling.module.ts';
import { keyProposalsModule } from './key-proposals/key-proposals.module.ts';
import { microSuggestionsModule } from './micro-suggestions/micro-suggestions.module.ts';
import { notificationsModule } from './notifications/notifications.module.ts';
import { orgsModule } from './orgs/orgs.module.ts';
import { peopleModule } from './people/people.module.ts';
import { portalModule } from './portal/portal.module.ts';
import { proposalsModule } from './proposals/proposals.module.ts';
import { publicationModule } from './publication/publication.module.ts';
import { routingModule } from './routing/routing.module.ts';
import { searchModule } from './search/search.module.ts';
import { stationsModule } from './stations/stations.module.ts';
import { statisticsModule } from './statistics/statistics.module.ts';
import { supervisionModule } from './supervision/supervision.module.ts';
import { workbenchModule } from './workbench/workbench.module.ts';

/** Every domain module, in registration order. */
const domainModules: AppModule[] = [
  importsModule, // background imports of any module: their progress route and purge
  auditModule,
  authModule,
  peopleModule,
  orgsModule,
  proposalsModule,
  handlingModule,
  microSuggestionsModule,
  supervisionModule,
  keyProposalsModule,
  appraisalModule,
  awardsModule,
  publicationModule,
  portalModule,
  statisticsModule,
  archiveModule,
  searchModule,
  routingModule,
  stationsModule,
  notificationsModule,
  workbenchModule,
];

/** The platform's housekeeping (over the domain modules' purges), then every domain module. */
export const modules: AppModule[] = [createMaintenanceModule(domainModules), ...domainModules];
