/**
 * The login counters live in the database, so app nodes on one database share them: two nodes together allow no
 * more guesses than one. Two apps in one process on one database (both database modes), and, when DATABASE_URL
 * names a PostgreSQL server, two real server processes on one database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { runMigrations } from '../../platform/db/migrate.ts';
import { createDependencies } from '../../platform/dependencies.ts';
import { createOrganization, createUser } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const BUDGET = 6;

/** Sends one guess per name, alternating between the senders; answers the statuses in order. */
async function spray(senders: ((username: string) => Promise<number>)[], names: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const [index, name] of names.entries()) statuses.push(await senders[index % senders.length](name));
  return statuses;
}

/** Guesses that were checked against a password (401) before the address was stopped (429). */
const checked = (statuses: number[]) => statuses.filter((status) => status === 401).length;

describe('two app nodes on one database share the login counters', () => {
  let test: TestApp;
  let second: FastifyInstance;
  let names: string[];

  beforeAll(async () => {
    test = await createTestApp({ loginAddressFailureBudget: BUDGET });
    // A second node: its own app and process-local state, the same database and configuration.
    second = await buildApp(createDependencies(test.dependencies.config, test.dependencies.database), { serveWeb: false });
    await second.ready();
    const orgId = (await createOrganization(test.dependencies)).id;
    names = [];
    for (let index = 0; index < 20; index += 1) {
      names.push((await createUser(test.dependencies, { orgId, roles: ['member'] })).username);
    }
  });
  afterAll(async () => {
    await second.close();
    await test.close();
  });

  /** A guess through one node from an address. */
  const through = (app: FastifyInstance, ip: string) => async (username: string) =>
    (
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        payload: { username, password: 'Guess#2026x' },
      })
    ).statusCode;

  it('allows one address as many guesses through two nodes as through one', async () => {
    const alone = await spray([through(test.app, '198.51.100.1')], names);
    const together = await spray([through(test.app, '198.51.100.2'), through(second, '198.51.100.2')], names);
    expect(checked(alone)).toBe(BUDGET);
    expect(checked(together)).toBe(BUDGET);
    expect(together.slice(BUDGET).every((status) => status === 429)).toBe(true);
  });

  it('lets no parallel guesses past the budget (each failure is counted before its password is checked)', async () => {
    const guess = through(test.app, '198.51.100.3');
    const other = through(second, '198.51.100.3');
    const statuses = await Promise.all(names.map((name, index) => (index % 2 === 0 ? guess : other)(name)));
    expect(checked(statuses)).toBe(BUDGET);
  });
});

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Starts `server/main.ts` on a free loopback port and waits for its start banner. */
async function startServer(environment: NodeJS.ProcessEnv): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...environment, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /已启动：(http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', () => reject(new Error(`server exited early:\n${output}`)));
  });
  return { process: child, url };
}

/** Stops a server process and waits for it to exit. */
async function stopServer(server: { process: ChildProcess } | undefined): Promise<void> {
  if (!server || server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.on('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
}

describe.runIf(process.env.DATABASE_URL)('two server processes on one PostgreSQL database', () => {
  const name = `test_nodes_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const serverUrl = process.env.DATABASE_URL ?? '';
  const databaseUrl = (() => {
    const url = new URL(serverUrl || 'postgres://localhost/x');
    url.pathname = `/${name}`;
    return url.toString();
  })();
  const environment = {
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO: 'never',
    LOGIN_ADDRESS_FAILURE_BUDGET: String(BUDGET),
    DATA_DIR: `/tmp/cppcc-nodes-${name}`,
  };
  const servers: { process: ChildProcess; url: string }[] = [];
  const names: string[] = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl, poolSize: 2 });
    await runMigrations(database);
    const dependencies = createDependencies(loadConfig({ ...environment, LOG_LEVEL: 'silent' }), database);
    const orgId = (await createOrganization(dependencies)).id;
    for (let index = 0; index < 16; index += 1) {
      names.push((await createUser(dependencies, { orgId, roles: ['member'] })).username);
    }
    await database.close();
    servers.push(await startServer(environment));
    servers.push(await startServer(environment));
  }, 240_000);

  afterAll(async () => {
    for (const server of servers) await stopServer(server);
    rmSync(environment.DATA_DIR, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }, 120_000);

  it('gives a sprayer alternating between the two processes no more checked guesses than the budget', {
    timeout: 120_000,
  }, async () => {
    const senders = servers.map((server) => async (username: string) => {
      const response = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'Guess#2026x' }),
      });
      await response.arrayBuffer();
      return response.status;
    });
    const statuses = await spray(senders, names);
    expect(checked(statuses)).toBe(BUDGET);
    expect(statuses.slice(BUDGET).every((status) => status === 429)).toBe(true);
  });
});
