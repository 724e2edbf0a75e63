import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../platform/db/database.ts';
import { runMigrations } from '../platform/db/migrate.ts';
import { createDependencies } from '../platform/dependencies.ts';
import type { AppDependencies } from '../platform/module.ts';

/** A migrated, empty test database: PGlite in memory, or a fresh database on the server in DATABASE_URL. */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    await runMigrations(database);
    return database;
  }
  const name = `test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  await runMigrations(database);
  const close = database.close;
  database.close = async () => {
    await close();
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
  return database;
}

/** Configuration for tests: a throwaway secret, quiet logs, generous rate limits unless a test sets them. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      SESSION_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
      DATA_DIR: '/tmp/cppcc-test-data',
      NODE_ENV: 'test',
    }),
    rateLimitPerMinute: 100_000,
    loginRateLimit: 100_000,
    ...overrides,
  };
}

export type TestApp = {
  app: FastifyInstance;
  dependencies: AppDependencies;
  /** Moves the test clock; every rule that reads time uses it. */
  setNow: (instant: Date) => void;
  close: () => Promise<void>;
};

/** Builds the real app on a fresh test database, without the web bundle and without listening. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  let now: Date | undefined;
  const dependencies = createDependencies(testConfig(overrides), database, () => now ?? new Date());
  const app = await buildApp(dependencies, { serveWeb: false });
  await app.ready();
  return {
    app,
    dependencies,
    setNow: (instant) => {
      now = instant;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
