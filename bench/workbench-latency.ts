/**
 * Latency and SQL statements per request of the workbench (GET /api/v1/workbench, decision 0017) for every role,
 * on the committee generate-proposals.ts and generate-handling.ts filled (the newest `bench-*` committee, or
 * `--org <code>`). Builds the real app (buildApp, no web bundle, never listens) and sends requests with app.inject,
 * one at a time, as users created for the run: the office, the member with the most proposals, the handler and the
 * leader of the unit with the most assignments, a party leader, a supervisor of key proposals, the security
 * administrator and the auditor. Per role: a warm-up, then N requests; prints p50 / p95 in ms (target 50 ms p95),
 * the SQL statements of one request, a table, then one JSON line. A role over the target gets EXPLAIN (ANALYZE,
 * BUFFERS) of its slowest statement. The leader is measured twice: with the session's figures reused (the
 * workbench keeps them five minutes) and computing them on every request (the first request after they expire);
 * the office twice: its committee-wide cards answered from memory (data unchanged) and counted on every request
 * (the first request after any change in the committee).
 *
 * Run: npx tsx bench/workbench-latency.ts [--requests 100] [--warmup 5] [--org code] [--only text] [--sql]
 *   DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench).
 */
import type { FastifyInstance } from 'fastify';
import type { Role } from '../contracts/roles.ts';
import type { Workbench } from '../contracts/workbench.ts';
import { buildApp } from '../server/app.ts';
import { clearStatisticsCache } from '../server/modules/statistics/statistics.cache.ts';
import { clearWorkbenchFigures } from '../server/modules/workbench/providers/statistics.workbench.ts';
import { clearSharedWorkbenchCards } from '../server/modules/workbench/workbench.queries.ts';
import { createDependencies } from '../server/platform/dependencies.ts';
import { createUser, signIn } from '../server/test/fixtures.ts';
import { testConfig } from '../server/test/test-app.ts';
import { DEFAULT_BENCH_URL, openBenchDatabase, parseArguments } from './bench-database.ts';
import { recordStatements, type Statement } from './statement-recorder.ts';

const { flags } = parseArguments(process.argv.slice(2));
const requests = Number(flags.get('requests') ?? 100);
const warmup = Number(flags.get('warmup') ?? 5);
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_BENCH_URL;
const printSql = flags.has('sql');
const only = flags.get('only');
const TARGET_MS = 50;

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
const [shape] = await query<{ proposals: number; assignments: number; replies: number; handled: number }>(
  `select (select count(*)::int from proposals where org_id = $1) as proposals,
     (select count(*)::int from item_assignments where org_id = $1 and state <> 'reassigned') as assignments,
     (select count(*)::int from item_replies where org_id = $1) as replies,
     (select count(*)::int from handled_items where org_id = $1) as handled`,
  [orgId],
);
if (shape.replies === 0) console.log('注意：这个压测政协还没有办理数据（先运行 bench/generate-handling.ts）');
const [member] = await query<{ member_id: string; n: number }>(
  `select lead_member_id as member_id, count(*)::int as n from proposals
   where org_id = $1 and lead_member_id is not null group by lead_member_id order by n desc limit 1`,
  [orgId],
);
const [unit] = await query<{ unit_id: string; name: string; n: number }>(
  `select a.unit_id, u.name, count(*)::int as n from item_assignments a join units u on u.org_id = a.org_id and u.id = a.unit_id
   where a.org_id = $1 and a.state <> 'reassigned' group by a.unit_id, u.name order by n desc limit 1`,
  [orgId],
);
const [session] = await query<{ id: string }>('select id from sessions where org_id = $1 and is_current', [orgId]);
const stamp = Date.now().toString(36);

/** A user of the bench committee, signed in; answers the request headers. */
async function signedIn(role: string, roles: Role[], links: { memberId?: string; unitId?: string } = {}) {
  const user = await createUser(deps, { orgId, roles, username: `bench-${role}-${stamp}`, ...links });
  return { user, headers: await signIn(deps, user) };
}

const office = await signedIn('office', ['proposal_office']);
// The member's own account may exist already (one account per person): a second one is made by unlinking nothing;
// the workbench reads the member id from the session, so a fresh account of the same member counts the same.
const memberAccount = await query<{ id: string }>('select id from users where org_id = $1 and member_id = $2', [
  orgId,
  member.member_id,
]);
const memberHeaders = memberAccount[0]
  ? await signIn(deps, { id: memberAccount[0].id, orgId })
  : (await signedIn('member', ['member'], { memberId: member.member_id })).headers;
const handler = await signedIn('unit', ['unit_handler'], { unitId: unit.unit_id });
const unitLeader = await signedIn('unit-leader', ['unit_leader'], { unitId: unit.unit_id });
const leader = await signedIn('leader', ['leader']);
const supervisor = await signedIn('supervisor', ['supervisor']);
const security = await signedIn('security', ['security_admin']);
const auditor = await signedIn('auditor', ['auditor']);
// The bench committee may require administrators to bind a second factor: these accounts count as bound.
await query('update users set totp_enabled = true where id = any($1)', [[security.user.id, auditor.user.id]]);

// Key proposals of the current session (1.5% of its filed ones), supervised by the bench supervisor: the leaders'
// cards then have rows to read. Made once per committee.
const [{ keys }] = await query<{ keys: number }>('select count(*)::int as keys from key_proposals where org_id = $1', [orgId]);
if (keys === 0 && session) {
  await query(
    `insert into key_proposals (org_id, id, proposal_id, session_id, recommender_kind, recommender_name, reason, state,
       supervisor_ids, recommended_by, approved_at)
     select p.org_id, gen_random_uuid(), p.id, p.session_id, 'staff', '提案委', '压测', 'approved', array[$3::uuid], $3, now()
     from proposals p where p.org_id = $1 and p.session_id = $2 and p.state in ('assigned', 'replied', 'closed')
       and ('x' || substr(md5(p.id::text), 1, 7))::bit(28)::int % 200 < 3`,
    [orgId, session.id, supervisor.user.id],
  );
} else if (session) {
  await query('update key_proposals set supervisor_ids = array[$2::uuid] where org_id = $1', [orgId, supervisor.user.id]);
}

console.log(
  `committee ${organization.code}: ${shape.proposals} proposals, ${shape.handled} handled items, ${shape.assignments} ` +
    `live assignments, ${shape.replies} replies; member with ${member.n} proposals; unit ${unit.name} with ${unit.n} assignments`,
);

// ───────────────────────────── roles ─────────────────────────────

type Case = { name: string; headers: Record<string, string>; computeFigures?: boolean; countShared?: boolean };
const cases: Case[] = [
  { name: 'member', headers: memberHeaders },
  { name: 'office, data unchanged', headers: office.headers },
  { name: 'office, counted (after a change)', headers: office.headers, countShared: true },
  { name: 'unit handler', headers: handler.headers },
  { name: 'unit leader', headers: unitLeader.headers },
  { name: 'leader, figures reused', headers: leader.headers },
  { name: 'leader, figures computed', headers: leader.headers, computeFigures: true },
  { name: 'supervisor, figures reused', headers: supervisor.headers },
  { name: 'security admin', headers: security.headers },
  { name: 'auditor', headers: auditor.headers },
];

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

const literal = (value: unknown) =>
  value === null || value === undefined
    ? 'null'
    : `'${String(Array.isArray(value) ? `{${value.join(',')}}` : value).replace(/'/g, "''")}'`;
/** The statement with its parameters inlined, for EXPLAIN. */
const inline = (statement: Statement) =>
  statement.text.replace(/\$(\d+)/g, (_, position) => literal(statement.values[Number(position) - 1]));

/** Statements the workbench itself sends (not the session lookup of every request). */
const isWorkbenchStatement = (statement: Statement) =>
  /^\s*(select|with)\b/i.test(statement.text) && !/"login_sessions"|"user_roles"/.test(statement.text);

/**
 * The median server time (EXPLAIN ANALYZE, 5 runs: planning and execution) of the request's slowest workbench
 * statement.
 */
async function databaseMs(statements: Statement[]): Promise<number> {
  let slowest = 0;
  for (const statement of statements.filter(isWorkbenchStatement)) {
    const times: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const [row] = await query<{ 'QUERY PLAN': { 'Execution Time': number; 'Planning Time': number }[] }>(
        `explain (analyze, format json) ${inline(statement)}`,
      );
      times.push(row['QUERY PLAN'][0]['Execution Time'] + row['QUERY PLAN'][0]['Planning Time']);
    }
    times.sort((a, b) => a - b);
    slowest = Math.max(slowest, times[2]);
  }
  return Number(slowest.toFixed(1));
}

type Result = {
  role: string;
  status: number;
  p50: number;
  p95: number;
  max: number;
  statements: number;
  /** EXPLAIN ANALYZE median (planning + execution) of the slowest workbench statement (providers run side by side). */
  databaseMs: number;
  cards: string;
  slowest?: Statement;
  sample?: Statement[];
};
const results: Result[] = [];
const url = '/api/v1/workbench';

for (const item of cases) {
  if (typeof only === 'string' && !item.name.includes(only)) continue;
  const probe = await app.inject({ method: 'GET', url, headers: item.headers });
  const body = probe.json() as Workbench & { detail?: string };
  if (probe.statusCode !== 200) console.log(`${item.name}: HTTP ${probe.statusCode} ${body.detail ?? ''} — measured anyway`);
  const cards = (body.cards ?? []).map((card) => `${card.label} ${card.count}`).join(', ');
  for (let index = 0; index < warmup; index += 1) await app.inject({ method: 'GET', url, headers: item.headers });
  const timings: number[] = [];
  const counts: number[] = [];
  let slowest: Statement[] = [];
  let slowestMs = -1;
  let status = probe.statusCode;
  for (let index = 0; index < requests; index += 1) {
    if (item.computeFigures) {
      clearWorkbenchFigures();
      clearStatisticsCache();
    }
    if (item.countShared) clearSharedWorkbenchCards();
    recorder.start();
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url, headers: item.headers });
    const ms = performance.now() - started;
    const statements = recorder.stop();
    status = response.statusCode;
    timings.push(ms);
    counts.push(statements.length);
    if (ms > slowestMs) {
      slowestMs = ms;
      slowest = statements;
    }
  }
  timings.sort((a, b) => a - b);
  const result: Result = {
    role: item.name,
    status,
    p50: Number(percentile(timings, 0.5).toFixed(2)),
    p95: Number(percentile(timings, 0.95).toFixed(2)),
    max: Number(timings[timings.length - 1].toFixed(2)),
    statements: Math.round(counts.reduce((sum, value) => sum + value, 0) / counts.length),
    databaseMs: 0,
    cards,
    slowest: [...slowest].sort((a, b) => b.ms - a.ms)[0],
    sample: slowest,
  };
  // Measured with the caches as the case has them: a computing case explains what its requests ran.
  result.databaseMs = await databaseMs(slowest);
  results.push(result);
  console.log(
    `${item.name}: p50 ${result.p50} ms, p95 ${result.p95} ms, ${result.statements} statements, ` +
      `slowest statement ${result.databaseMs} ms — ${cards}`,
  );
}

// ───────────────────────────── report ─────────────────────────────

const [load] = await import('node:os').then((os) => os.loadavg());
console.log(
  `\nPostgreSQL server, ${shape.proposals} proposals, ${requests} requests per role after ${warmup} warm-up, one at a time ` +
    `(load average ${load.toFixed(1)})`,
);
const header = ['role', 'status', 'p50 ms', 'p95 ms', 'max ms', `target ${TARGET_MS}`, 'SQL/request', 'slowest SQL ms'];
const rows = results.map((result) => [
  result.role,
  String(result.status),
  result.p50.toFixed(1),
  result.p95.toFixed(1),
  result.max.toFixed(1),
  result.p95 <= TARGET_MS ? 'met' : 'over',
  String(result.statements),
  result.databaseMs.toFixed(1),
]);
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ');
console.log(line(header));
console.log(widths.map((size) => '-'.repeat(size)).join('-|-'));
for (const row of rows) console.log(line(row));
console.log('');
console.log(
  JSON.stringify({
    bench: 'workbench-latency',
    database: 'postgres',
    ...shape,
    requests,
    results: results.map(({ slowest: _slowest, sample: _sample, ...json }) => json),
  }),
);

for (const result of results) {
  const flagged = result.p95 > TARGET_MS;
  if (!(flagged || printSql) || !result.sample) continue;
  console.log(`\n── ${result.role}: ${result.statements} statements, p95 ${result.p95} ms (slowest request's, ms each)`);
  for (const statement of result.sample)
    console.log(`  ${statement.ms.toFixed(2)} ms  ${statement.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  if (flagged && result.slowest && /^\s*(select|with)/i.test(result.slowest.text)) {
    const plan = await query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${inline(result.slowest)}`);
    console.log(plan.map((row) => `    ${row['QUERY PLAN']}`).join('\n'));
  }
}

await app.close();
await database.close();
