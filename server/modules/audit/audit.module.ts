import type { AppModule } from '../../platform/module.ts';
import { sealAuditChains } from './actions/seal-audit-chains.ts';
import { auditRoutes } from './audit.routes.ts';

/**
 * The audit log viewer: events are the audit trail; the auditor reads and verifies them. Every hour each app node
 * appends a signed checkpoint of every chain that grew to its own checkpoint folder (run on each node, not as a
 * shared job, so that every node's folder witnesses the chains).
 */
export const auditModule: AppModule = {
  name: 'audit',
  routes: auditRoutes,
  schedules: [
    { name: 'audit.checkpoints', cron: '5 * * * *', run: (dependencies) => sealAuditChains(dependencies).then(() => {}) },
  ],
};
