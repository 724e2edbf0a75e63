/**
 * A plenary's login and a password spray, both from one address, against the real HTTP server on loopback.
 *
 * 1. Prepares a database: the embedded one in a temporary DATA_DIR, or a fresh database on the server in
 *    DATABASE_URL (dropped afterwards); migrations, the demo committee, and 300 member accounts.
 * 2. Starts `server/main.ts` on 127.0.0.1 (a free port) with the deployment's default limits.
 * 3. Plenary: 300 members log in from 127.0.0.1 within 60 s, 20 phones at a time; each loads the login page, the
 *    environment and /auth/me (401) as a phone does, logs in (every 10th mistypes the password once first) and
 *    loads /auth/me again.
 * 4. Spray: 500 guesses of common passwords from the same address across the accounts (5 at a time), within 60 s.
 *
 * Prints: members logged in / 300, the time taken, refused page loads, and the spray's guesses checked against a
 * password before the address was stopped. Loopback only; bounded in count and time.
 * Run: npm run bench:login   (or with DATABASE_URL=postgres://… for the PostgreSQL server)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../server/config.ts';
import { seedDemoIfEmpty } from '../server/modules/demo-seed.ts';
import { organizations } from '../server/modules/orgs/orgs.tables.ts';
import { userRoles, users } from '../server/modules/people/people.tables.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import { createDependencies } from '../server/platform/dependencies.ts';

const MEMBERS = 300;
const PHONES = 20;
const SPRAY_GUESSES = 500;
const SPRAY_PARALLEL = 5;
const PHASE_SECONDS = 60;
const PASSWORD = 'Huiyi#2026plenary';
/** What a sprayer tries: passwords that pass the usual rules and are still guessed first. */
const SPRAY_PASSWORDS = ['Password1!', 'Passw0rd!', 'Admin@123', 'Qwer1234!', 'Abc@123456', 'Welcome1!', 'Zhengxie@2026'];

const root = fileURLToPath(new URL('..', import.meta.url));
const run = randomBytes(3).toString('hex');
const serverDatabase = process.env.DATABASE_URL;
const dataDir = mkdtempSync(join(tmpdir(), 'cppcc-bench-login-'));
const databaseName = `bench_login_${Date.now()}_${run}`;
const databaseUrl = serverDatabase ? withDatabase(serverDatabase, databaseName) : undefined;
const environment = {
  DATA_DIR: dataDir,
  SESSION_SECRET: randomBytes(32).toString('hex'),
  SEED_DEMO: 'never',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
};

/** The URL of another database on the same server. */
function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Runs a statement on the server's maintenance database (create/drop the bench database). */
async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverDatabase });
  await client.connect();
  await client.query(statement);
  await client.end();
}

/** Migrates, seeds the demo committee and adds the plenary's member accounts; answers their usernames. */
async function prepare(): Promise<string[]> {
  if (serverDatabase) await onServer(`create database ${databaseName}`);
  const database = await openDatabase({ dataDir, databaseUrl });
  await runMigrations(database);
  const dependencies = createDependencies({ ...loadConfig({ ...environment, SEED_DEMO: 'auto' }), logLevel: 'silent' }, database);
  await seedDemoIfEmpty(dependencies);
  const [city] = await database.orm
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.code, 'demo-city'));
  const passwordHash = await hashPassword(PASSWORD);
  const usernames = Array.from({ length: MEMBERS }, (_, index) => `plenary-${run}-${String(index + 1).padStart(3, '0')}`);
  await database.orm.transaction(async (tx) => {
    const rows = await tx
      .insert(users)
      .values(usernames.map((username) => ({ orgId: city.id, username, displayName: username, passwordHash })))
      .returning({ id: users.id });
    await tx.insert(userRoles).values(rows.map((row) => ({ orgId: city.id, userId: row.id, role: 'member' })));
  });
  await database.close();
  return usernames;
}

/** Starts the server on a free loopback port and waits for its start banner. */
async function startServer(): Promise<{ process: ChildProcess; url: string }> {
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...inherited, ...environment, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      if (output.length < 100_000) output += chunk.toString();
      const match = /已启动：http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', () => reject(new Error(`server exited early:\n${output}`)));
  });
  return { process: child, url };
}

/** One HTTP request; answers the status and the session cookies it set. */
async function request(url: string, init: RequestInit = {}): Promise<{ status: number; cookie: string }> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((item) => item.split(';')[0])
    .join('; ');
  return { status: response.status, cookie };
}

/** Runs `work` over the items with `parallel` workers, starting no new item after the deadline. */
async function pool<T>(items: T[], parallel: number, deadline: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length && Date.now() < deadline) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** 300 members behind one address: login page, environment, who-am-I, login, who-am-I. */
async function plenary(base: string, usernames: string[]) {
  const started = Date.now();
  const tally = { loggedIn: 0, pageLoads: 0, pageLoadsRefused: 0, typos: 0, refusedLogins: 0 };
  const page = async (path: string, expected: number[], cookie = '') => {
    const { status } = await request(`${base}${path}`, { headers: cookie ? { cookie } : {} });
    tally.pageLoads += 1;
    if (!expected.includes(status)) tally.pageLoadsRefused += 1;
    return status;
  };
  const login = (username: string, password: string) =>
    request(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  await pool(usernames, PHONES, started + PHASE_SECONDS * 1000, async (username, index) => {
    await page('/login', [200, 404]); // 404 when the web bundle was not built: the server still answered
    await page('/api/v1/environment', [200]);
    await page('/api/v1/auth/me', [401]);
    if (index % 10 === 0) {
      tally.typos += 1;
      await login(username, `${PASSWORD}x`);
    }
    const answer = await login(username, PASSWORD);
    if (answer.status !== 200) {
      tally.refusedLogins += 1;
      return;
    }
    if ((await page('/api/v1/auth/me', [200], answer.cookie)) === 200) tally.loggedIn += 1;
  });
  return { ...tally, seconds: (Date.now() - started) / 1000 };
}

/** 500 guesses from the same address across the accounts. */
async function passwordSpray(base: string, usernames: string[]) {
  const started = Date.now();
  const tally = { sent: 0, checked: 0, stopped: 0, other: 0, firstStopAfter: null as number | null };
  const guesses = Array.from({ length: SPRAY_GUESSES }, (_, index) => ({
    username: usernames[index % usernames.length],
    password: SPRAY_PASSWORDS[Math.floor(index / usernames.length) % SPRAY_PASSWORDS.length],
  }));
  await pool(guesses, SPRAY_PARALLEL, started + PHASE_SECONDS * 1000, async (guess) => {
    const { status } = await request(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(guess),
    });
    tally.sent += 1;
    if (status === 401) tally.checked += 1;
    else if (status === 429) {
      tally.stopped += 1;
      tally.firstStopAfter ??= tally.sent;
    } else tally.other += 1;
  });
  return { ...tally, seconds: (Date.now() - started) / 1000 };
}

const config = loadConfig({ ...environment });
console.log(`数字政协 login bench: ${serverDatabase ? 'PostgreSQL server' : 'embedded PGlite'}, one address (127.0.0.1)`);
console.log(
  `limits: ${config.loginAddressFailureBudget} failed logins per address per ${config.loginAddressWindowMinutes} min; ` +
    `${config.rateLimitPerMinute} API requests/min per user or anonymous address (login page excepted)`,
);
const preparing = Date.now();
const usernames = await prepare();
console.log(
  `prepared: demo committee + ${usernames.length} member accounts in ${((Date.now() - preparing) / 1000).toFixed(1)} s`,
);
const server = await startServer();
try {
  const hall = await plenary(server.url, usernames);
  console.log('');
  console.log(
    `plenary: members logged in ${hall.loggedIn} / ${MEMBERS} in ${hall.seconds.toFixed(1)} s (${PHONES} phones at a time)`,
  );
  console.log(`         page loads refused ${hall.pageLoadsRefused} of ${hall.pageLoads}; logins refused ${hall.refusedLogins}`);
  console.log(`         mistyped passwords (failures counted against the address) ${hall.typos}`);
  const spray = await passwordSpray(server.url, usernames);
  console.log('');
  console.log(`spray:   ${spray.sent} guesses sent in ${spray.seconds.toFixed(1)} s (${SPRAY_PARALLEL} at a time)`);
  console.log(`         checked against a password before being stopped: ${spray.checked}`);
  console.log(
    `         stopped unchecked (429): ${spray.stopped}${spray.firstStopAfter ? ` (from guess ${spray.firstStopAfter} on)` : ''}`,
  );
  if (spray.other > 0) console.log(`         other answers: ${spray.other}`);
} finally {
  const exited = new Promise((resolve) => server.process.on('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
  if (serverDatabase) await onServer(`drop database if exists ${databaseName} with (force)`);
}
