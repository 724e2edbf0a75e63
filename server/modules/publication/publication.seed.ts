import { and, eq, inArray } from 'drizzle-orm';
import type { AppDependencies } from '../../platform/module.ts';
import { demoActors } from '../proposals/proposals.seed.ts';
import { proposals } from '../proposals/proposals.tables.ts';
import { bulkPublish } from './actions/bulk-publish.ts';

/** Publishes the demo's replied and closed proposals (those whose proposers agreed) in bulk, as the office would. */
export async function seedDemoPublication(deps: AppDependencies, orgId: string): Promise<void> {
  const office = (await demoActors(deps, orgId)).get('office');
  if (!office) return;
  const rows = await deps.database.orm
    .select({ id: proposals.id, version: proposals.version })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), inArray(proposals.state, ['replied', 'closed']), eq(proposals.agreesToPublish, true)));
  if (rows.length > 0) await bulkPublish(deps, office, rows, { ip: null, requestId: 'demo-seed' });
}
