import { and, desc, eq, isNull } from 'drizzle-orm';
import type { AppDependencies } from '../../platform/module.ts';
import { sessions } from '../orgs/orgs.tables.ts';
import { demoActors } from '../proposals/proposals.seed.ts';
import { archiveSession } from './actions/archive-session.ts';

/**
 * Archives the demo committee's previous session through the real action (its proposals become read-only; the
 * job runner writes the package once the app runs), so the archive and read-only records are on screen.
 */
export async function seedDemoArchive(deps: AppDependencies, orgId: string): Promise<void> {
  const office = (await demoActors(deps, orgId)).get('office');
  if (!office) return;
  const [previous] = await deps.database.orm
    .select()
    .from(sessions)
    .where(and(eq(sessions.orgId, orgId), eq(sessions.isCurrent, false), isNull(sessions.archivedAt)))
    .orderBy(desc(sessions.number))
    .limit(1);
  if (!previous) return;
  await archiveSession(deps, office, previous.id, previous.version, { ip: null, requestId: 'demo-seed' });
}
