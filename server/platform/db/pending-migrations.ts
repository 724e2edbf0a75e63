import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database.ts';

/** One committed migration as drizzle-kit lists it in `meta/_journal.json`. */
export type JournalEntry = { idx: number; tag: string; when: number };

/** What the database has applied compared with the migrations this program carries. */
export type MigrationStatus = {
  /** The last migration the database applied (null for a new, empty database). */
  applied: { tag: string | null; when: number } | null;
  /** The program's migrations the database has not applied yet, in order. */
  pending: JournalEntry[];
  /** True when the database applied a migration newer than this program's last one (an older program on newer data). */
  newerThanProgram: boolean;
};

/** The committed migrations of a migrations folder, oldest first. */
export function readMigrationJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries.map(({ idx, tag, when }) => ({ idx, tag, when }));
}

/**
 * Compares `drizzle.__drizzle_migrations` with the journal the way drizzle's migrator decides what to run: every
 * journal entry whose timestamp is later than the last applied one is pending.
 */
export async function findPendingMigrations(database: Database, migrationsFolder: string): Promise<MigrationStatus> {
  const journal = readMigrationJournal(migrationsFolder);
  const exists = await database.pool.query<{ found: string | null }>(
    `select to_regclass('drizzle.__drizzle_migrations')::text as found`,
  );
  let applied: MigrationStatus['applied'] = null;
  if (exists.rows[0].found) {
    const last = await database.pool.query<{ when: string }>(
      'select created_at::text as when from drizzle.__drizzle_migrations order by created_at desc limit 1',
    );
    if (last.rows.length > 0) {
      const when = Number(last.rows[0].when);
      applied = { tag: journal.find((entry) => entry.when === when)?.tag ?? null, when };
    }
  }
  const pending = applied ? journal.filter((entry) => entry.when > applied.when) : journal;
  const newest = journal.at(-1)?.when ?? 0;
  return { applied, pending, newerThanProgram: applied !== null && applied.when > newest };
}
