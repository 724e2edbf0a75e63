import { eq } from 'drizzle-orm';
import { effectiveSettings } from '../../../contracts/settings.ts';
import type { Executor } from '../../platform/db/database.ts';
import { organizations } from '../orgs/orgs.tables.ts';

/** The committee's import row limits (tenant settings 导入行数上限): rosters and routing history. */
export async function importRowLimits(executor: Executor, orgId: string): Promise<{ roster: number; history: number }> {
  const [row] = await executor
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const { importMaxRows, historyImportMaxRows } = effectiveSettings(row?.settings).proposals;
  return { roster: importMaxRows, history: historyImportMaxRows };
}
