import type { AppModule } from '../../platform/module.ts';
import { auditRoutes } from './audit.routes.ts';

/** The audit log viewer: events are the audit trail; the auditor reads and verifies them. */
export const auditModule: AppModule = {
  name: 'audit',
  routes: auditRoutes,
};
