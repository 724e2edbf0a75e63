import { maintenanceModule } from '../platform/jobs/maintenance.ts';
import type { AppModule } from '../platform/module.ts';
import { auditModule } from './audit/audit.module.ts';
import { authModule } from './auth/auth.module.ts';
import { handlingModule } from './handling/handling.module.ts';
import { notificationsModule } from './notifications/notifications.module.ts';
import { orgsModule } from './orgs/orgs.module.ts';
import { peopleModule } from './people/people.module.ts';
import { proposalsModule } from './proposals/proposals.module.ts';
import { routingModule } from './routing/routing.module.ts';
import { searchModule } from './search/search.module.ts';

/** Every domain module, in registration order. */
export const modules: AppModule[] = [
  maintenanceModule,
  auditModule,
  authModule,
  peopleModule,
  orgsModule,
  proposalsModule,
  handlingModule,
  searchModule,
  routingModule,
  notificationsModule,
];
