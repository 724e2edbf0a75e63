import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../platform/db/database.ts';

/** Creates an empty database on the PostgreSQL server of `serverUrl`; returns its URL and how to drop it. */
export async function createServerDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * A database without any migration applied, for tests of the migration path itself: PGlite in memory, or a fresh
 * database on the server in DATABASE_URL (dropped on close).
 */
export async function openEmptyDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return openDatabase({});
  const created = await createServerDatabase(serverUrl, 'test_empty');
  const database = await openDatabase({ databaseUrl: created.url, poolSize: 5 });
  const close = database.close;
  database.close = async () => {
    await close();
    await created.drop();
  };
  return database;
}
