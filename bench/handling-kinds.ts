/**
 * Latency and SQL statements per request of the unit inbox (GET /assignments) and the supervision board
 * (GET /supervision/board) with both kinds of handled item — the 100k proposals of generate-proposals.ts /
 * generate-handling.ts and the 100k micro-suggestions of generate-micro-suggestions.ts — on the committee they filled
 * (the newest `bench-*` committee, or `--org <code>`). Builds the real app (never listens) and sends requests with
 * app.inject, one at a time: the busiest unit's handler for its inbox, an office user for the board. Per endpoint a
 * warm-up, then N requests; prints p50 / p95 in ms and the SQL statements of one request, a table, then one JSON
 * line. The board's counts are cached per state of the data (supervision.counts.ts): the rows "counts computed"
 * forget them before every request, as the first request after a change computes them. An endpoint over its target (a unit 50 ms, the whole board's first page 150 ms at p95) gets EXPLAIN
 * (ANALYZE, BUFFERS) of its slowest statement.
 *
 * Run: npx tsx bench/handling-kinds.ts [--requests 50] [--warmup 5] [--org code] [--only text] [--sql]
 *   DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench).
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { clearBoardCounts } from '../server/modules/supervision/supervision.counts.ts';
import { createDependencies } from '../server/platform/dependencies.ts';
import { createUser, signIn } from '../server/test/fixtures.ts';
import { testConfig } from '../server/test/test-app.ts';
import { DEFAULT_BENCH_URL, openBenchDatabase, parseArguments } from './bench-database.ts';
import { recordStatements, type Statement } from './statement-recorder.ts';

const { flags } = parseArguments(process.argv.slice(2));
const requests = Number(flags.get('requests') ?? 50);
const warmup = Number(flags.get('warmup') ?? 5);
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_BENCH_URL;
const printSql = flags.has('sql');
const only = flags.get('only');

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
if (!organization)
  throw new Error('没有找到压测政协：请先运行 generate-proposals、generate-handling 和 generate-micro-suggestions');
const orgId = organization.id;
const kinds = await query<{ kind: string; items: number; assignments: number }>(
  `select h.kind, count(distinct h.id)::int as items, count(a.id)::int as assignments
   from handled_items h join item_assignments a on a.org_id = h.org_id and a.item_id = h.id and a.state <> 'reassigned'
   where h.org_id = $1 group by h.kind order by h.kind`,
  [orgId],
);
if (!kinds.some((row) => row.kind === 'micro_suggestion'))
  console.log('注意：这个压测政协还没有微建议（先运行 bench/generate-micro-suggestions.ts）');
const [unit] = await query<{ unit_id: string; name: string; n: number; micro: number }>(
  `select a.unit_id, u.name, count(*)::int as n, count(*) filter (where h.kind = 'micro_suggestion')::int as micro
   from item_assignments a join units u on u.org_id = a.org_id and u.id = a.unit_id
   join handled_items h on h.org_id = a.org_id and h.id = a.item_id
   where a.org_id = $1 and a.state <> 'reassigned' group by a.unit_id, u.name order by n desc limit 1`,
  [orgId],
);
const stamp = Date.now().toString(36);
const officeUser = await createUser(deps, { orgId, roles: ['proposal_office'], username: `bench-office-${stamp}` });
const unitUser = await createUser(deps, {
  orgId,
  roles: ['unit_handler'],
  unitId: unit.unit_id,
  username: `bench-unit-${stamp}`,
});
const headers = { office: await signIn(deps, officeUser), unit: await signIn(deps, unitUser) };
console.log(
  `committee ${organization.code}: ${kinds.map((row) => `${row.kind} ${row.items} items / ${row.assignments} live assignments`).join('; ')}; ` +
    `unit ${unit.name} holds ${unit.n} (${unit.micro} micro-suggestions)`,
);

type Body = {
  items?: { kind?: string; unitId?: string; light?: string }[];
  counts?: Record<string, number>;
  detail?: string;
};
type Endpoint = {
  name: string;
  url: string;
  who: keyof typeof headers;
  target: number;
  check?: (body: Body) => string | null;
  /** Forget the board's cached counts before each request (the first request after any change computes them). */
  cold?: boolean;
};
const UNIT_MS = 50;
const BOARD_MS = 150;
const kindsOf = (body: Body) => {
  const seen = new Map<string, number>();
  for (const item of body.items ?? []) seen.set(item.kind ?? '?', (seen.get(item.kind ?? '?') ?? 0) + 1);
  return [...seen].map(([kind, n]) => `${kind} ${n}`).join(', ');
};
const boardNote = (body: Body) =>
  body.counts
    ? `${kindsOf(body)}; red ${body.counts.red}, yellow ${body.counts.yellow}, green ${body.counts.green}, done ${body.counts.done}`
    : null;
const endpoints: Endpoint[] = [
  { name: 'unit inbox, both kinds', url: '/api/v1/assignments?limit=20', who: 'unit', target: UNIT_MS, check: kindsOf },
  {
    name: 'unit inbox, pending',
    url: '/api/v1/assignments?limit=20&state=pending',
    who: 'unit',
    target: UNIT_MS,
    check: kindsOf,
  },
  {
    name: 'unit inbox, micro-suggestions',
    url: '/api/v1/assignments?limit=20&kind=micro_suggestion',
    who: 'unit',
    target: UNIT_MS,
    check: kindsOf,
  },
  {
    name: 'unit inbox, proposals',
    url: '/api/v1/assignments?limit=20&kind=proposal',
    who: 'unit',
    target: UNIT_MS,
    check: kindsOf,
  },
  {
    name: 'board, unit (both kinds)',
    url: `/api/v1/supervision/board?unitId=${unit.unit_id}`,
    who: 'office',
    target: UNIT_MS,
    check: boardNote,
  },
  {
    name: 'board, unit, counts computed',
    url: `/api/v1/supervision/board?unitId=${unit.unit_id}`,
    who: 'office',
    target: UNIT_MS,
    check: boardNote,
    cold: true,
  },
  { name: 'board, first page (both kinds)', url: '/api/v1/supervision/board', who: 'office', target: BOARD_MS, check: boardNote },
  {
    name: 'board, first page, counts computed',
    url: '/api/v1/supervision/board',
    who: 'office',
    target: BOARD_MS,
    check: boardNote,
    cold: true,
  },
  {
    name: 'board, micro-suggestions',
    url: '/api/v1/supervision/board?kind=micro_suggestion',
    who: 'office',
    target: BOARD_MS,
    check: boardNote,
  },
  {
    name: 'board, light red',
    url: '/api/v1/supervision/board?light=red',
    who: 'office',
    target: BOARD_MS,
    check: boardNote,
  },
];

const percentile = (sorted: number[], fraction: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
type Result = {
  endpoint: string;
  status: number;
  p50: number;
  p95: number;
  target: number;
  statements: number;
  note: string | null;
  sample: Statement[];
};
const results: Result[] = [];
for (const endpoint of endpoints) {
  if (typeof only === 'string' && !endpoint.name.includes(only)) continue;
  const inject = () => app.inject({ method: 'GET', url: endpoint.url, headers: headers[endpoint.who] });
  const probe = await inject();
  const body = probe.json() as Body;
  if (probe.statusCode !== 200) console.log(`${endpoint.name}: HTTP ${probe.statusCode} ${body.detail ?? ''}`);
  for (let index = 0; index < warmup; index += 1) await inject();
  const timings: number[] = [];
  const counts: number[] = [];
  let slowest: Statement[] = [];
  let slowestMs = -1;
  for (let index = 0; index < requests; index += 1) {
    if (endpoint.cold) clearBoardCounts();
    recorder.start();
    const started = performance.now();
    await inject();
    const ms = performance.now() - started;
    const statements = recorder.stop();
    timings.push(ms);
    counts.push(statements.length);
    if (ms > slowestMs) {
      slowestMs = ms;
      slowest = statements;
    }
  }
  timings.sort((a, b) => a - b);
  const result: Result = {
    endpoint: endpoint.name,
    status: probe.statusCode,
    p50: Number(percentile(timings, 0.5).toFixed(1)),
    p95: Number(percentile(timings, 0.95).toFixed(1)),
    target: endpoint.target,
    statements: Math.round(counts.reduce((sum, value) => sum + value, 0) / counts.length),
    note: probe.statusCode === 200 ? (endpoint.check?.(body) ?? null) : `HTTP ${probe.statusCode}`,
    sample: slowest,
  };
  results.push(result);
  console.log(`${result.endpoint}: p50 ${result.p50} ms, p95 ${result.p95} ms, ${result.statements} SQL — ${result.note ?? ''}`);
}

console.log(`\nPostgreSQL server, ${requests} requests per endpoint after ${warmup} warm-up, one at a time`);
console.log('| endpoint | p50 ms | p95 ms | target | SQL | what it answered |');
console.log('|---|---|---|---|---|---|');
for (const result of results) {
  const verdict = `${result.p95 <= result.target ? '≤' : '>'} ${result.target}`;
  console.log(
    `| ${result.endpoint} | ${result.p50} | ${result.p95} | ${verdict} | ${result.statements} | ${result.note ?? ''} |`,
  );
}
console.log(
  JSON.stringify({
    bench: 'handling-kinds',
    kinds,
    requests,
    results: results.map(({ sample: _sample, ...json }) => json),
  }),
);

const literal = (value: unknown) =>
  value === null || value === undefined
    ? 'null'
    : `'${String(Array.isArray(value) ? `{${value.join(',')}}` : value).replace(/'/g, "''")}'`;
const inline = (statement: Statement) =>
  statement.text.replace(/\$(\d+)/g, (_, position) => literal(statement.values[Number(position) - 1]));
for (const result of results) {
  const flagged = result.p95 > result.target;
  if (!(flagged || printSql)) continue;
  console.log(`\n── ${result.endpoint}: ${result.statements} statements, p95 ${result.p95} ms (slowest request's, ms each)`);
  for (const statement of result.sample)
    console.log(`  ${statement.ms.toFixed(2).padStart(8)}  ${statement.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  const worst = [...result.sample].sort((a, b) => b.ms - a.ms)[0];
  if (flagged && worst && /^\s*(select|with)/i.test(worst.text)) {
    console.log(`  EXPLAIN (ANALYZE, BUFFERS) of the slowest (${worst.ms.toFixed(1)} ms):`);
    for (const row of await query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${inline(worst)}`))
      console.log(`    ${row['QUERY PLAN']}`);
  }
}

await app.close();
await database.close();
