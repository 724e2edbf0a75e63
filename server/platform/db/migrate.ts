import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { installAppendOnlyGuards } from '../events/append-only.ts';
import { tuneSearchStatistics } from '../search/statistics.ts';
import type { Database } from './database.ts';

/** The committed SQL migrations of this program (server/migrations). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * Applies the committed SQL migrations that this database has not seen yet, then what drizzle-kit cannot express:
 * the audit trail's guards and the search words' statistics target. `migrationsFolder` is for tests only.
 */
export async function runMigrations(database: Database, options: { migrationsFolder?: string } = {}): Promise<void> {
  await migrate(database.orm, { migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER });
  await installAppendOnlyGuards(database.pool);
  await tuneSearchStatistics(database.pool);
}
