/**
 * Latency and SQL statements per request of the supervision board (督办台账) and the statistics (统计), on the
 * committee generate-proposals.ts and generate-handling.ts filled (the newest `bench-*` committee, or
 * `--org <code>`). Builds the real app (buildApp, no web bundle, never listens) and sends requests with
 * app.inject, one at a time, as an office user (created and signed in as in proposal-endpoints.ts). Per endpoint:
 * a warm-up, then N requests; prints p50 / p95 in ms and the SQL statements of one request, a table, then one JSON
 * line. The Excel export is measured over fewer requests (`--export-requests`, default 1). An endpoint slower than
 * its target (statistics 200 ms, board 100 ms at p95) gets EXPLAIN (ANALYZE, BUFFERS) of its slowest statement.
 *
 * Run: npx tsx bench/supervision-statistics.ts [--requests 50] [--warmup 5] [--export-requests 1] [--org code]
 *   [--only text] [--sql]
 *   DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench); --sql prints every endpoint's statements.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { clearStatisticsCache } from '../server/modules/statistics/statistics.cache.ts';
import { createDependencies } from '../server/platform/dependencies.ts';
import { createUser, signIn } from '../server/test/fixtures.ts';
import { testConfig } from '../server/test/test-app.ts';
import { DEFAULT_BENCH_URL, openBenchDatabase, parseArguments } from './bench-database.ts';
import { recordStatements, type Statement } from './statement-recorder.ts';

const { flags } = parseArguments(process.argv.slice(2));
const requests = Number(flags.get('requests') ?? 50);
const warmup = Number(flags.get('warmup') ?? 5);
const exportRequests = Number(flags.get('export-requests') ?? 1);
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_BENCH_URL;
const printSql = flags.has('sql');
const only = flags.get('only');

// ───────────────────────────── set-up ─────────────────────────────

const database = await openBenchDatabase({ databaseUrl, poolSize: 10 });
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
if (!organization) throw new Error('没有找到压测政协：请先运行 bench/generate-proposals.ts 和 bench/generate-handling.ts');
const orgId = organization.id;
const [shape] = await query<{ proposals: number; assignments: number; replies: number; ratings: number; reminders: number }>(
  `select (select count(*)::int from proposals where org_id = $1) as proposals,
     (select count(*)::int from item_assignments where org_id = $1 and state <> 'reassigned') as assignments,
     (select count(*)::int from item_replies where org_id = $1) as replies,
     (select count(*)::int from reply_ratings where org_id = $1) as ratings,
     (select count(*)::int from reminders where org_id = $1) as reminders`,
  [orgId],
);
if (shape.replies === 0)
  console.log('注意：这个压测政协还没有办理数据（先运行 bench/generate-handling.ts），统计和台账几乎不做事');
const sessionRows = await query<{ id: string; name: string; is_current: boolean }>(
  'select id, name, is_current from sessions where org_id = $1 order by number',
  [orgId],
);
const currentSession = sessionRows.find((row) => row.is_current) ?? sessionRows[sessionRows.length - 1];
const previousSession = sessionRows.find((row) => row.id !== currentSession.id);
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
const headers = await signIn(deps, officeUser);
console.log(
  `committee ${organization.code}: ${shape.proposals} proposals, ${shape.assignments} live assignments, ` +
    `${shape.replies} replies, ${shape.ratings} ratings, ${shape.reminders} reminders; unit ${unit.name} has ${unit.n} assignments`,
);

// ───────────────────────────── endpoints ─────────────────────────────

type Body = {
  items?: { light?: string; unitId?: string }[];
  counts?: Record<string, number>;
  rows?: unknown[];
  total?: { assigned?: number; replied?: number; rated?: number };
  code?: string;
  detail?: string;
};
type Endpoint = {
  name: string;
  url: string;
  /** p95 target in ms (an endpoint over it gets EXPLAIN of its slowest statement). */
  target: number;
  requests: number;
  /** What the answer shows (a filter not applied is reported). */
  check?: (body: Body) => string | null;
  /** Keep the statistics cache between requests (unchanged data); otherwise every request computes afresh. */
  cached?: boolean;
};
const board = (parameters: Record<string, string> = {}) =>
  `/api/v1/supervision/board${Object.keys(parameters).length ? `?${new URLSearchParams(parameters)}` : ''}`;
const statistics = (sessionId: string, groupBy?: string, path = '/api/v1/statistics') =>
  `${path}?${new URLSearchParams({ sessionId, ...(groupBy ? { groupBy } : {}) })}`;
const boardNote = (body: Body) =>
  body.counts
    ? `${body.items?.length ?? 0} items; red ${body.counts.red}, yellow ${body.counts.yellow}, green ${body.counts.green}, done ${body.counts.done}`
    : null;
const statisticsNote = (body: Body) =>
  body.total
    ? `${body.rows?.length ?? 0} rows; assigned ${body.total.assigned}, replied ${body.total.replied}, rated ${body.total.rated}`
    : null;
const BOARD_MS = 100;
const STATISTICS_MS = 200;
const endpoints: Endpoint[] = [
  { name: 'board, first page', url: board(), target: BOARD_MS, requests, check: boardNote },
  {
    name: 'board, unit',
    url: board({ unitId: unit.unit_id }),
    target: BOARD_MS,
    requests,
    check: (body) =>
      (body.items ?? []).every((item) => item.unitId === unit.unit_id) ? boardNote(body) : 'unit filter not applied',
  },
  {
    name: 'board, light red',
    url: board({ light: 'red' }),
    target: BOARD_MS,
    requests,
    check: (body) => ((body.items ?? []).every((item) => item.light === 'red') ? boardNote(body) : 'light filter not applied'),
  },
  {
    name: 'board, session + light yellow',
    url: board({ sessionId: currentSession.id, light: 'yellow' }),
    target: BOARD_MS,
    requests,
    check: (body) => ((body.items ?? []).every((item) => item.light === 'yellow') ? boardNote(body) : 'light filter not applied'),
  },
  { name: 'statistics, session', url: statistics(currentSession.id), target: STATISTICS_MS, requests, check: statisticsNote },
  {
    name: 'statistics, session, data unchanged (cached)',
    url: statistics(currentSession.id),
    target: STATISTICS_MS,
    requests,
    check: statisticsNote,
    cached: true,
  },
  ...(previousSession
    ? [
        {
          name: 'statistics, previous session',
          url: statistics(previousSession.id),
          target: STATISTICS_MS,
          requests,
          check: statisticsNote,
        },
      ]
    : []),
  ...['unit', 'category', 'proposerType'].map((groupBy) => ({
    name: `statistics, session by ${groupBy}`,
    url: statistics(currentSession.id, groupBy),
    target: STATISTICS_MS,
    requests,
    check: statisticsNote,
  })),
  {
    name: 'statistics export.xlsx by unit',
    url: statistics(currentSession.id, 'unit', '/api/v1/statistics/export.xlsx'),
    target: 1_000,
    requests: exportRequests,
  },
];

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

type Result = {
  endpoint: string;
  url: string;
  status: number;
  requests: number;
  p50: number;
  p95: number;
  max: number;
  target: number;
  statements: number;
  bytes: number;
  note: string | null;
  slowest?: Statement;
  sample?: Statement[];
};
const results: Result[] = [];

for (const endpoint of endpoints) {
  if (typeof only === 'string' && !endpoint.name.includes(only)) continue;
  const probe = await app.inject({ method: 'GET', url: endpoint.url, headers });
  const isJson = String(probe.headers['content-type'] ?? '').includes('json');
  const body = (isJson ? probe.json() : {}) as Body;
  if (probe.statusCode !== 200) console.log(`${endpoint.name}: HTTP ${probe.statusCode} ${body.detail ?? ''} — measured anyway`);
  const runs = endpoint.requests;
  for (let index = 0; index < (runs > 1 ? warmup : 0); index += 1)
    await app.inject({ method: 'GET', url: endpoint.url, headers });
  const timings: number[] = [];
  const counts: number[] = [];
  let slowestRequest: Statement[] = [];
  let slowestMs = -1;
  let status = probe.statusCode;
  let bytes = probe.rawPayload.length;
  for (let index = 0; index < runs; index += 1) {
    // Every request computes the figures, as the first one after a change does, unless the row measures the cache.
    if (!endpoint.cached) clearStatisticsCache();
    recorder.start();
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url: endpoint.url, headers });
    const ms = performance.now() - started;
    const statements = recorder.stop();
    status = response.statusCode;
    bytes = response.rawPayload.length;
    timings.push(ms);
    counts.push(statements.length);
    if (ms > slowestMs) {
      slowestMs = ms;
      slowestRequest = statements;
    }
  }
  timings.sort((a, b) => a - b);
  const result: Result = {
    endpoint: endpoint.name,
    url: endpoint.url,
    status,
    requests: runs,
    p50: Number(percentile(timings, 0.5).toFixed(2)),
    p95: Number(percentile(timings, 0.95).toFixed(2)),
    max: Number(timings[timings.length - 1].toFixed(2)),
    target: endpoint.target,
    statements: Math.round(counts.reduce((sum, value) => sum + value, 0) / counts.length),
    bytes,
    note: status === 200 ? (endpoint.check?.(body) ?? null) : `HTTP ${status}`,
    slowest: [...slowestRequest].sort((a, b) => b.ms - a.ms)[0],
    sample: slowestRequest,
  };
  results.push(result);
  console.log(
    `${endpoint.name}: p50 ${result.p50} ms, p95 ${result.p95} ms, ${result.statements} statements${result.note ? ` — ${result.note}` : ''}`,
  );
}

// ───────────────────────────── report ─────────────────────────────

console.log(
  `\nPostgreSQL server, ${shape.proposals} proposals, ${requests} requests per endpoint after ${warmup} warm-up ` +
    `(export: ${exportRequests}), one at a time`,
);
const header = ['endpoint', 'status', 'requests', 'p50 ms', 'p95 ms', 'max ms', 'target', 'SQL/request', 'note'];
const rows = results.map((result) => [
  result.endpoint,
  String(result.status),
  String(result.requests),
  result.p50.toFixed(1),
  result.p95.toFixed(1),
  result.max.toFixed(1),
  `${result.p95 <= result.target ? '≤' : '>'} ${result.target}`,
  String(result.statements),
  result.note ?? '',
]);
const width = (text: string) => [...text].reduce((sum, character) => sum + (/[\u2e80-\uffef]/.test(character) ? 2 : 1), 0);
const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column]))));
const line = (cells: string[]) => cells.map((cell, column) => cell + ' '.repeat(widths[column] - width(cell))).join(' | ');
console.log(line(header));
console.log(widths.map((size) => '-'.repeat(size)).join('-|-'));
for (const row of rows) console.log(line(row));
console.log('');
console.log(
  JSON.stringify({
    bench: 'supervision-statistics',
    database: 'postgres',
    ...shape,
    requests,
    results: results.map(({ slowest: _slowest, sample: _sample, url: _url, ...json }) => json),
  }),
);

const literal = (value: unknown) =>
  value === null || value === undefined
    ? 'null'
    : `'${String(Array.isArray(value) ? `{${value.join(',')}}` : value).replace(/'/g, "''")}'`;
/** The statement with its parameters inlined, for EXPLAIN. */
const inline = (statement: Statement) =>
  statement.text.replace(/\$(\d+)/g, (_, position) => literal(statement.values[Number(position) - 1]));

for (const result of results) {
  const flagged = result.p95 > result.target;
  if (!(flagged || printSql) || !result.sample) continue;
  console.log(
    `\n── ${result.endpoint}: ${result.statements} statements, p95 ${result.p95} ms (slowest request's statements, ms each)`,
  );
  for (const statement of result.sample)
    console.log(`  ${statement.ms.toFixed(2).padStart(8)}  ${statement.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  if (flagged && result.slowest && /^\s*(select|with)/i.test(result.slowest.text)) {
    console.log(`  EXPLAIN (ANALYZE, BUFFERS) of the slowest (${result.slowest.ms.toFixed(1)} ms):`);
    const plan = await query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${inline(result.slowest)}`);
    for (const row of plan) console.log(`    ${row['QUERY PLAN']}`);
  }
}

await app.close();
await database.close();
