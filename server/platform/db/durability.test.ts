/**
 * Durability of the embedded database through the real server process: writes go on while the server gets
 * SIGTERM (graceful) or SIGKILL (crash); after a restart every write the server acknowledged must be there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createOrganization, createUser, FIXTURE_PASSWORD } from '../../test/fixtures.ts';
import { createDependencies } from '../dependencies.ts';
import { openDatabase } from './database.ts';
import { runMigrations } from './migrate.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

type Server = { process: ChildProcess; url: string; exited: Promise<number | null> };

/** Starts `server/main.ts` on a free port and waits for its start banner. */
async function startServer(environment: NodeJS.ProcessEnv): Promise<Server> {
  // This test is about the embedded database: a DATABASE_URL from the PostgreSQL run must not reach the child.
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...inherited, ...environment, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      // A failed shutdown is explained by the server's own log of its shutdown phases.
      if (code !== 0 && code !== null) console.error(`server exited with ${code}:\n${output}`);
      resolve(code);
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
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
  return { process: child, url, exited };
}

/** Logs in and returns the headers for cookie-authenticated writes. */
async function logIn(url: string, username: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const csrf = cookies.find((cookie) => cookie.startsWith('csrf='))?.slice(5) ?? '';
  return { cookie: cookies.join('; '), 'x-csrf-token': csrf, 'content-type': 'application/json' };
}

/** Writes dictionary entries with 4 concurrent writers until told to stop or the server goes away. */
function writeUntilStopped(url: string, headers: Record<string, string>, prefix: string) {
  const acknowledged: string[] = [];
  let stopped = false;
  let counter = 0;
  const writer = async () => {
    while (!stopped) {
      const name = `${prefix}-${counter++}`;
      try {
        const response = await fetch(`${url}/api/v1/dictionaries`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ kind: 'group', name }),
        });
        if (response.status === 201 || response.status === 200) acknowledged.push(name);
        else if (response.status !== 503) throw new Error(`unexpected ${response.status}: ${await response.text()}`);
      } catch (error) {
        if ((error as Error).message.startsWith('unexpected')) throw error;
        return; // connection refused or reset: the server is gone
      }
    }
  };
  const writers = Promise.all([writer(), writer(), writer(), writer()]);
  return { acknowledged, stop: () => (stopped = true), done: writers };
}

/** Waits until the writers have had this many writes acknowledged, so the signal lands amid a steady load. */
async function acknowledgedAtLeast(acknowledged: string[], count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (acknowledged.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Names of the dictionary entries in the data directory, read with the server stopped. */
async function storedNames(dataDir: string, prefix: string): Promise<Set<string>> {
  const database = await openDatabase({ dataDir });
  const result = await database.pool.query<{ name: string }>('select name from dictionary_entries where name like $1', [
    `${prefix}-%`,
  ]);
  await database.close();
  return new Set(result.rows.map((row) => row.name));
}

describe('durability of acknowledged writes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cppcc-durability-'));
  const environment = {
    DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO: 'never',
    RATE_LIMIT_PER_MINUTE: '1000000',
    // Under a loaded CI machine a clean shutdown can take a while; this test is about losing nothing, not speed.
    SHUTDOWN_GRACE_SECONDS: '90',
  };
  let username = '';

  beforeAll(async () => {
    const database = await openDatabase({ dataDir });
    await runMigrations(database);
    const dependencies = createDependencies(loadConfig({ ...environment, LOG_LEVEL: 'silent' }), database);
    const organization = await createOrganization(dependencies);
    username = (await createUser(dependencies, { orgId: organization.id, roles: ['system_admin'] })).username;
    await database.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged write across SIGTERM during writes, and exits cleanly', { timeout: 150_000 }, async () => {
    const server = await startServer(environment);
    const load = writeUntilStopped(server.url, await logIn(server.url, username), 'term');
    await acknowledgedAtLeast(load.acknowledged, 10);
    server.process.kill('SIGTERM');
    const code = await server.exited;
    load.stop();
    await load.done;
    expect(code).toBe(0);
    expect(load.acknowledged.length).toBeGreaterThanOrEqual(10);
    const stored = await storedNames(dataDir, 'term');
    expect(load.acknowledged.filter((name) => !stored.has(name))).toEqual([]);
  });

  it('keeps every acknowledged write across a crash (SIGKILL) and restarts on the stale lock', { timeout: 150_000 }, async () => {
    const server = await startServer(environment);
    const load = writeUntilStopped(server.url, await logIn(server.url, username), 'kill');
    await acknowledgedAtLeast(load.acknowledged, 10);
    server.process.kill('SIGKILL');
    await server.exited;
    load.stop();
    await load.done;
    expect(load.acknowledged.length).toBeGreaterThanOrEqual(10);
    const stored = await storedNames(dataDir, 'kill');
    expect(load.acknowledged.filter((name) => !stored.has(name))).toEqual([]);
    const restarted = await startServer(environment);
    const health = await (await fetch(`${restarted.url}/api/health`)).json();
    restarted.process.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
  });
});
