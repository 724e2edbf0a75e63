/**
 * Latency and SQL statements per request of the proposal read endpoints, on the committee that
 * generate-proposals.ts filled (the newest `bench-*` committee, or `--org <code>`). Builds the real app
 * (buildApp, no web bundle, never listens) and sends requests with app.inject, one at a time, as an office user,
 * as a member (the member leading the most proposals: the heaviest member list) and as the handler of the unit
 * with the most assignments. Per endpoint: a warm-up, then
 * N requests; prints p50 / p95 in ms and the SQL statements of one request (counted on every connection the pool
 * hands out, so statements inside transactions count too), a table, then one JSON line per endpoint.
 * An endpoint slower than 100 ms at p95 or with more than 10 statements gets EXPLAIN (ANALYZE, BUFFERS) of its
 * slowest statement. The list filters are detected, not assumed: a filter the server ignores is reported.
 *
 * Run: npx tsx bench/proposal-endpoints.ts [--requests 200] [--warmup 20] [--org code] [--embedded dir] [--sql]
 *   [--only text]: only the endpoints whose "role name" contains the text (e.g. --only member, --only search).
 *   server: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench); --sql prints every endpoint's statements.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { createDependencies } from '../server/platform/dependencies.ts';
import { createUser, signIn } from '../server/test/fixtures.ts';
import { testConfig } from '../server/test/test-app.ts';
import { DEFAULT_BENCH_URL, openBenchDatabase, parseArguments, seededRandom } from './bench-database.ts';
import { recordStatements, type Statement } from './statement-recorder.ts';

const { flags } = parseArguments(process.argv.slice(2));
const requests = Number(flags.get('requests') ?? 200);
const warmup = Number(flags.get('warmup') ?? 20);
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_BENCH_URL;
const embeddedDir = typeof flags.get('embedded') === 'string' ? (flags.get('embedded') as string) : undefined;
const printSql = flags.has('sql');
const SLOW_MS = 100;
const MANY_STATEMENTS = 10;
const random = seededRandom(7);

// ───────────────────────────── set-up ─────────────────────────────

const database = await openBenchDatabase({ databaseUrl, embeddedDir, poolSize: 10 });
const recorder = recordStatements(database.pool);
const deps = createDependencies(testConfig(), database);
const app: FastifyInstance = await buildApp(deps, { serveWeb: false });
await app.ready();
const query = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
  (await database.pool.query(text, values)).rows as T[];

const orgCode = flags.get('org');
const [organization] = await query<{ id: string; code: string }>(
  typeof orgCode === 'string'
    ? 'select id, code from organizations where code = $1'
    : "select id, code from organizations where code like 'bench-%' order by created_at desc limit 1",
  typeof orgCode === 'string' ? [orgCode] : [],
);
if (!organization) throw new Error('没有找到压测政协：请先运行 bench/generate-proposals.ts');
const orgId = organization.id;
const [{ total }] = await query<{ total: number }>('select count(*)::int as total from proposals where org_id = $1', [orgId]);
const sessionRows = await query<{ id: string; name: string; is_current: boolean }>(
  'select id, name, is_current from sessions where org_id = $1 order by number',
  [orgId],
);
const currentSession = sessionRows.find((row) => row.is_current) ?? sessionRows[sessionRows.length - 1];
const [busiest] = await query<{ member_id: string; name: string; led: number; co_signed: number }>(
  `select m.id as member_id, m.name,
     (select count(*)::int from proposals p where p.org_id = m.org_id and p.lead_member_id = m.id) as led,
     (select count(*)::int from proposal_co_signers c where c.org_id = m.org_id and c.member_id = m.id) as co_signed
   from members m where m.org_id = $1 order by led desc limit 1`,
  [orgId],
);
const [unit] = await query<{ unit_id: string; name: string; n: number }>(
  `select a.unit_id, u.name, count(*)::int as n from item_assignments a join units u on u.org_id = a.org_id and u.id = a.unit_id
   where a.org_id = $1 and a.state <> 'reassigned' group by a.unit_id, u.name order by n desc limit 1`,
  [orgId],
);
const officeUser = await createUser(deps, {
  orgId,
  roles: ['proposal_office'],
  username: `bench-office-${Date.now().toString(36)}`,
});
const memberUser = await createUser(deps, {
  orgId,
  roles: ['member'],
  memberId: busiest.member_id,
  username: `bench-member-${Date.now().toString(36)}`,
  displayName: busiest.name,
});
const unitUser = await createUser(deps, {
  orgId,
  roles: ['unit_handler'],
  unitId: unit?.unit_id ?? null,
  username: `bench-unit-${Date.now().toString(36)}`,
});
const headers = {
  office: await signIn(deps, officeUser),
  member: await signIn(deps, memberUser),
  unit: await signIn(deps, unitUser),
};

const officeIds = (
  await query<{ id: string }>(
    "select id from proposals where org_id = $1 and (author_type = 'collective' or state not in ('draft', 'co_signing')) order by random() limit 1000",
    [orgId],
  )
).map((row) => row.id);
const memberIds = (
  await query<{ id: string }>(
    `select id from proposals p where org_id = $1 and (lead_member_id = $2 or exists (select 1 from proposal_co_signers c
       where c.org_id = p.org_id and c.proposal_id = p.id and c.member_id = $2 and c.state <> 'cancelled')) order by random() limit 1000`,
    [orgId, busiest.member_id],
  )
).map((row) => row.id);
const unitIds = unit
  ? (
      await query<{ id: string }>(
        "select item_id as id from item_assignments where org_id = $1 and unit_id = $2 and state <> 'reassigned' order by random() limit 1000",
        [orgId, unit.unit_id],
      )
    ).map((row) => row.id)
  : [];
const [deep] = await query<{ id: string }>(
  "select id from proposals where org_id = $1 and (author_type = 'collective' or state not in ('draft', 'co_signing')) order by id desc offset $2 limit 1",
  [orgId, Math.floor(total / 2)],
);
const hits = async (word: string) =>
  (
    await query<{ n: number }>('select count(*)::int as n from proposals where org_id = $1 and title like $2', [
      orgId,
      `%${word}%`,
    ])
  )[0].n;
const commonWord = '小区';
const rareWord = '婚纱';
console.log(
  `committee ${organization.code}: ${total} proposals; member ${busiest.name} leads ${busiest.led}, co-signs ${busiest.co_signed}; ` +
    `unit ${unit?.name ?? '—'} has ${unit?.n ?? 0} live assignments; “${commonWord}” in ${await hits(commonWord)} titles, “${rareWord}” in ${await hits(rareWord)}`,
);

/** A deep page: the first page's cursor with its row id replaced by the id halfway down the list. */
async function deepCursor(role: 'office' | 'member' | 'unit'): Promise<string | null> {
  const first = await app.inject({ method: 'GET', url: '/api/v1/proposals', headers: headers[role] });
  const cursor = first.json().nextCursor as string | null;
  if (!cursor || !deep) return null;
  const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
  key[key.length - 1] = deep.id;
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}
const deepOffice = await deepCursor('office');

// ───────────────────────────── endpoints ─────────────────────────────

type Item = { state?: string; number?: string | null; title?: string };
type Endpoint = {
  name: string;
  role: 'office' | 'member' | 'unit';
  url: () => string;
  /** Whether the answer shows the filter was applied (null: nothing to check). */
  check?: (body: { items?: Item[] }) => string | null;
};
const list = (parameters: Record<string, string>) => `/api/v1/proposals?${new URLSearchParams(parameters)}`;
const allItems = (predicate: (item: Item) => boolean, what: string) => (body: { items?: Item[] }) =>
  (body.items ?? []).every(predicate) ? null : `filter not applied (${what})`;
const sessionFilter = { sessionId: currentSession.id, state: 'assigned', sort: 'number' };
const byNumber = (body: { items?: Item[] }) => {
  const items = body.items ?? [];
  if (!items.every((item) => item.state === 'assigned')) return 'state filter not applied';
  const numbers = items.map((item) => Number(item.number));
  return numbers.every((value, index) => index === 0 || value > numbers[index - 1]) ? null : 'sort=number not applied';
};
const endpoints: Endpoint[] = [];
for (const role of ['office', 'member'] as const) {
  const ids = role === 'office' ? officeIds : memberIds;
  endpoints.push(
    {
      name: 'review queue',
      role,
      url: () => list({ queue: 'review' }),
      check: allItems((item) => item.state === 'submitted', 'items not all submitted'),
    },
    { name: 'list, first page', role, url: () => '/api/v1/proposals' },
    ...(role === 'office' && deepOffice
      ? [{ name: 'list, deep page (cursor)', role, url: () => list({ cursor: deepOffice }) } as Endpoint]
      : []),
    {
      name: `search q=${commonWord}`,
      role,
      url: () => list({ q: commonWord }),
      check: (body) => (body.items?.length ? null : 'no hits'),
    },
    {
      name: `search q=${rareWord} (rare)`,
      role,
      url: () => list({ q: rareWord }),
    },
    {
      name: 'search q=无此词 (no hit)',
      role,
      url: () => list({ q: '无此词语' }),
      check: (body) => (body.items?.length ? 'q filter not applied (hits for a word in no title)' : null),
    },
    { name: 'session+assigned, sort=number', role, url: () => list(sessionFilter), check: byNumber },
    { name: 'detail (random id)', role, url: () => `/api/v1/proposals/${pick(ids)}` },
  );
}
if (unit) {
  endpoints.push(
    {
      name: 'assignments?unitId',
      role: 'office',
      url: () => `/api/v1/assignments?${new URLSearchParams({ unitId: unit.unit_id })}`,
    },
    { name: 'assignments (own unit inbox)', role: 'unit', url: () => '/api/v1/assignments' },
    { name: 'list, first page', role: 'unit', url: () => '/api/v1/proposals' },
    { name: 'detail (random id)', role: 'unit', url: () => `/api/v1/proposals/${pick(unitIds)}` },
  );
}

function pick<T>(items: T[]): T {
  return items[Math.floor(random() * items.length)];
}
function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

type Result = {
  endpoint: string;
  role: string;
  url: string;
  status: number;
  items: number | null;
  p50: number;
  p95: number;
  max: number;
  statements: number;
  statementsMax: number;
  note: string | null;
  slowest?: Statement;
  sample?: Statement[];
};
const results: Result[] = [];

const only = flags.get('only');
for (const endpoint of endpoints) {
  if (typeof only === 'string' && !`${endpoint.role} ${endpoint.name}`.includes(only)) continue;
  const probe = await app.inject({ method: 'GET', url: endpoint.url(), headers: headers[endpoint.role] });
  const body = probe.json() as { items?: Item[]; code?: string; detail?: string };
  const label = `${endpoint.role.padEnd(6)} ${endpoint.name}`;
  if (probe.statusCode === 404 && body.code === 'route_not_found') {
    console.log(`${label}: skipped, the route does not exist yet (${body.detail})`);
    results.push({
      endpoint: endpoint.name,
      role: endpoint.role,
      url: endpoint.url(),
      status: 404,
      items: null,
      p50: 0,
      p95: 0,
      max: 0,
      statements: 0,
      statementsMax: 0,
      note: 'route missing',
    });
    continue;
  }
  if (probe.statusCode !== 200) {
    console.log(`${label}: HTTP ${probe.statusCode} ${body.detail ?? ''} — measured anyway`);
  }
  for (let index = 0; index < warmup; index += 1) {
    await app.inject({ method: 'GET', url: endpoint.url(), headers: headers[endpoint.role] });
  }
  const timings: number[] = [];
  const counts: number[] = [];
  let slowestRequest: Statement[] = [];
  let slowestMs = -1;
  let status = probe.statusCode;
  for (let index = 0; index < requests; index += 1) {
    const url = endpoint.url();
    recorder.start();
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url, headers: headers[endpoint.role] });
    const ms = performance.now() - started;
    const statements = recorder.stop();
    status = response.statusCode;
    timings.push(ms);
    counts.push(statements.length);
    if (ms > slowestMs) {
      slowestMs = ms;
      slowestRequest = statements;
    }
  }
  timings.sort((a, b) => a - b);
  const note = status === 200 ? (endpoint.check?.(body) ?? null) : `HTTP ${status}`;
  const slowest = [...slowestRequest].sort((a, b) => b.ms - a.ms)[0];
  const result: Result = {
    endpoint: endpoint.name,
    role: endpoint.role,
    url: endpoint.url().replace(/cursor=[^&]+/, 'cursor=…'),
    status,
    items: Array.isArray(body.items) ? body.items.length : null,
    p50: Number(percentile(timings, 0.5).toFixed(2)),
    p95: Number(percentile(timings, 0.95).toFixed(2)),
    max: Number(timings[timings.length - 1].toFixed(2)),
    statements: Math.round(counts.reduce((sum, value) => sum + value, 0) / counts.length),
    statementsMax: Math.max(...counts),
    note,
    slowest,
    sample: slowestRequest,
  };
  results.push(result);
  console.log(
    `${label}: p50 ${result.p50} ms, p95 ${result.p95} ms, ${result.statements} statements${result.note ? ` — ${result.note}` : ''}`,
  );
}

// ───────────────────────────── report ─────────────────────────────

const where = embeddedDir ? 'embedded PGlite' : 'PostgreSQL server';
console.log(`\n${where}, ${total} proposals, ${requests} requests per endpoint after ${warmup} warm-up, one at a time`);
const header = ['role', 'endpoint', 'status', 'items', 'p50 ms', 'p95 ms', 'max ms', 'SQL/request', 'note'];
const rows = results.map((result) => [
  result.role,
  result.endpoint,
  String(result.status),
  result.items === null ? '' : String(result.items),
  result.p50.toFixed(1),
  result.p95.toFixed(1),
  result.max.toFixed(1),
  result.statements === result.statementsMax ? String(result.statements) : `${result.statements} (max ${result.statementsMax})`,
  result.note ?? '',
]);
/** Display width: CJK characters take two columns. */
const width = (text: string) => [...text].reduce((sum, character) => sum + (/[\u2e80-\uffef]/.test(character) ? 2 : 1), 0);
const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column]))));
const line = (cells: string[]) => cells.map((cell, column) => cell + ' '.repeat(widths[column] - width(cell))).join(' | ');
console.log(line(header));
console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
for (const row of rows) console.log(line(row));
console.log('');
for (const result of results) {
  const { slowest: _slowest, sample: _sample, ...json } = result;
  console.log(
    JSON.stringify({ bench: 'proposal-endpoints', database: embeddedDir ? 'pglite' : 'postgres', proposals: total, ...json }),
  );
}

const literal = (value: unknown) =>
  value === null || value === undefined
    ? 'null'
    : `'${String(Array.isArray(value) ? `{${value.join(',')}}` : value).replace(/'/g, "''")}'`;
/** The statement with its parameters inlined, for EXPLAIN. */
const inline = (statement: Statement) =>
  statement.text.replace(/\$(\d+)/g, (_, position) => literal(statement.values[Number(position) - 1]));

for (const result of results) {
  const flagged = result.p95 > SLOW_MS || result.statements > MANY_STATEMENTS;
  if (!(flagged || printSql) || !result.sample) continue;
  console.log(
    `\n── ${result.role} ${result.endpoint}: ${result.statements} statements, p95 ${result.p95} ms (slowest request's statements, ms each)`,
  );
  for (const statement of result.sample)
    console.log(`  ${statement.ms.toFixed(2).padStart(8)}  ${statement.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  if (flagged && result.slowest && /^\s*select/i.test(result.slowest.text)) {
    console.log(`  EXPLAIN (ANALYZE, BUFFERS) of the slowest (${result.slowest.ms.toFixed(1)} ms):`);
    console.log(`  ${inline(result.slowest).replace(/\s+/g, ' ')}`);
    const plan = await query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${inline(result.slowest)}`);
    for (const row of plan) console.log(`    ${row['QUERY PLAN']}`);
  }
}

await app.close();
await database.close();
