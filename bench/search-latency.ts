/**
 * Search latency on the documents of bench/generate-search-documents.ts: searchItems (the service the search route
 * calls) on a `pg` pool to the `bench_search` database, N requests per case one at a time after a warm-up, p50 /
 * p95 in ms. Cases: the big tenant's common terms (rotating through ten topic words) sorted newest and by
 * relevance, its planted rare terms (3, 30, 300 documents) newest, a small tenant's common and rare terms, a
 * two-word query, a Traditional query, and a term with a session filter and with a date range. Then EXPLAIN
 * (ANALYZE, BUFFERS) of every statement of the rare-term newest cases, summarized as plan node types, to show that
 * they are answered from the GIN index and not by walking the (org_id, occurred_at) index.
 *
 * Run: npm run bench:search -- [--requests 100] [--warmup 5] [--plans]   (--plans: print the full plans too)
 *   DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench_search)
 */
import pg from 'pg';
import type { SearchQuery } from '../contracts/search.ts';
import { searchItems } from '../server/modules/search/search.queries.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { parseArguments, seededRandom } from './bench-database.ts';

const { flags } = parseArguments(process.argv.slice(2));
const requests = Number(flags.get('requests') ?? 100);
const warmup = Number(flags.get('warmup') ?? 5);
const printPlans = flags.has('plans');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_search';
const random = seededRandom(7);

type Info = {
  bigTenant: { id: string; code: string; documents: number };
  smallTenant: { id: string; code: string; documents: number };
  rareTerms: Record<'3' | '30' | '300', string>;
  smallRareTerm: string;
  bigSessions: string[];
  smallSessions: string[];
  firstYear: number;
  count: number;
};

// Every statement of a recorded request (text and parameters), for EXPLAIN.
type Statement = { text: string; values: unknown[] };
let recording: Statement[] | null = null;
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
  this: pg.Client,
  ...args: unknown[]
) {
  if (recording) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
    const text = typeof first === 'string' ? first : first.text;
    const values = (typeof first === 'string' ? second : (first.values ?? second)) ?? [];
    recording.push({ text, values: Array.isArray(values) ? values : [] });
  }
  return clientQuery.apply(this, args);
};

const database = await openDatabase({ databaseUrl, poolSize: 4 });
const infoRows = await database.pool.query<{ value: Info }>(`select value from bench_search_info where key = 'info'`);
const info = infoRows.rows[0]?.value;
if (!info) throw new Error('没有找到压测数据：请先运行 npm run bench:generate-search');

const commonTerms = ['小区', '物业', '学校', '停车', '噪音', '拆迁', '公交', '医保', '垃圾', '供水'];
const traditionalTerms = ['小區 停車', '學校 噪音', '物業 收費', '醫保 報銷', '公交 線路'];
const twoWordTerms = ['小区 物业', '学校 噪音', '停车 收费', '拆迁 补偿', '公交 线路'];
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const big = { orgId: info.bigTenant.id };
const small = { orgId: info.smallTenant.id };
const lastSession = (sessions: string[]) => sessions[sessions.length - 2] ?? sessions[0];

type Case = { name: string; scope: { orgId: string }; query: () => SearchQuery; explain?: boolean };
const newest = (q: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({ q, sort: 'newest', limit: 20, ...extra });
const cases: Case[] = [
  { name: 'big tenant, common term, newest', scope: big, query: () => newest(pick(commonTerms)) },
  {
    name: 'big tenant, common term, relevance',
    scope: big,
    query: () => ({ q: pick(commonTerms), sort: 'relevance', limit: 20 }),
  },
  ...(['3', '30', '300'] as const).map((documents) => ({
    name: `big tenant, rare term (${documents} docs), newest`,
    scope: big,
    query: () => newest(info.rareTerms[documents]),
    explain: true,
  })),
  {
    name: 'big tenant, rare term (30 docs), relevance',
    scope: big,
    query: () => ({ q: info.rareTerms['30'], sort: 'relevance', limit: 20 }),
  },
  { name: 'small tenant, common term, newest', scope: small, query: () => newest(pick(commonTerms)) },
  { name: 'small tenant, rare term (5 docs), newest', scope: small, query: () => newest(info.smallRareTerm), explain: true },
  { name: 'big tenant, two words, newest', scope: big, query: () => newest(pick(twoWordTerms)) },
  { name: 'big tenant, Traditional two words, newest', scope: big, query: () => newest(pick(traditionalTerms)) },
  {
    name: 'big tenant, session + common term, newest',
    scope: big,
    query: () => newest(pick(commonTerms), { sessionId: lastSession(info.bigSessions) }),
  },
  {
    name: 'big tenant, one month + common term, newest',
    scope: big,
    query: () => newest(pick(commonTerms), { from: '2024-03-01', to: '2024-03-31' }),
  },
  {
    name: 'big tenant, one year + rare term (300), newest',
    scope: big,
    query: () => newest(info.rareTerms['300'], { from: '2024-01-01', to: '2024-12-31' }),
  },
];

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

type Result = { name: string; items: number; total: string; p50: number; p95: number; max: number; statements: number };
const results: Result[] = [];
const samples = new Map<string, { query: SearchQuery; statements: Statement[] }>();
console.log(
  `bench_search: ${info.count.toLocaleString('en')} documents; big tenant ${info.bigTenant.documents.toLocaleString('en')}, ` +
    `small tenant ${info.smallTenant.documents.toLocaleString('en')}; rare terms ${Object.entries(info.rareTerms)
      .map(([documents, term]) => `${term} (${documents})`)
      .join(', ')}, small ${info.smallRareTerm} (5)`,
);
for (const testCase of cases) {
  for (let index = 0; index < warmup; index += 1) await searchItems(database.orm, testCase.scope, testCase.query());
  const timings: number[] = [];
  let items = 0;
  let total = '';
  let statements = 0;
  for (let index = 0; index < requests; index += 1) {
    const query = testCase.query();
    recording = [];
    const started = performance.now();
    const page = await searchItems(database.orm, testCase.scope, query);
    timings.push(performance.now() - started);
    statements = Math.max(statements, recording.length);
    if (index === 0) {
      items = page.items.length;
      total = `${page.total}${page.totalCapped ? '+' : ''}`;
      samples.set(testCase.name, { query, statements: recording });
    }
    recording = null;
  }
  timings.sort((left, right) => left - right);
  const result = {
    name: testCase.name,
    items,
    total,
    p50: Number(percentile(timings, 0.5).toFixed(1)),
    p95: Number(percentile(timings, 0.95).toFixed(1)),
    max: Number(timings[timings.length - 1].toFixed(1)),
    statements,
  };
  results.push(result);
  console.log(`${result.name}: p50 ${result.p50} ms, p95 ${result.p95} ms (first: ${items} items of ${total})`);
}

console.log(`\nPostgreSQL server, ${requests} requests per case after ${warmup} warm-up, one at a time`);
const header = ['case', 'items', 'matches', 'p50 ms', 'p95 ms', 'max ms', 'SQL'];
const rows = results.map((result) => [
  result.name,
  String(result.items),
  result.total,
  result.p50.toFixed(1),
  result.p95.toFixed(1),
  result.max.toFixed(1),
  String(result.statements),
]);
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ');
console.log(line(header));
console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
for (const row of rows) console.log(line(row));

type PlanNode = {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
};
/** A plan as one line of nested node types: `Limit > Sort > Bitmap Heap Scan > Bitmap Index Scan (words)`. */
function summarize(node: PlanNode): string {
  const name = `${node['Node Type']}${node['Index Name'] ? ` [${node['Index Name']}]` : ''}${
    node['Actual Rows'] !== undefined ? ` rows=${node['Actual Rows']}` : ''
  }`;
  const children = (node.Plans ?? []).map(summarize);
  if (children.length === 0) return name;
  return `${name} > ${children.length === 1 ? children[0] : `(${children.join(' ; ')})`}`;
}
function indexesOf(node: PlanNode): string[] {
  return [...(node['Index Name'] ? [node['Index Name']] : []), ...(node.Plans ?? []).flatMap(indexesOf)];
}

console.log('\nEXPLAIN (ANALYZE, BUFFERS) of the rare-term cases (first request of each):');
for (const testCase of cases.filter((candidate) => candidate.explain)) {
  const sample = samples.get(testCase.name);
  if (!sample) continue;
  console.log(`── ${testCase.name}: q=${sample.query.q}`);
  for (const statement of sample.statements) {
    if (!/^\s*(with|select)/i.test(statement.text)) continue;
    const explained = await database.pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
      `explain (analyze, buffers, format json) ${statement.text}`,
      statement.values,
    );
    const [{ Plan: plan, 'Execution Time': executionMs }] = explained.rows[0]['QUERY PLAN'];
    const indexes = [...new Set(indexesOf(plan))];
    console.log(
      `  ${executionMs.toFixed(2)} ms, shared hit ${plan['Shared Hit Blocks'] ?? 0} read ${plan['Shared Read Blocks'] ?? 0}; ` +
        `indexes: ${indexes.join(', ') || 'none'}${indexes.includes('search_documents_recent') ? '  ← walks the date index' : ''}`,
    );
    console.log(`    ${summarize(plan)}`);
    if (printPlans) {
      const text = await database.pool.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${statement.text}`,
        statement.values,
      );
      for (const row of text.rows) console.log(`      ${row['QUERY PLAN']}`);
    }
  }
}
console.log('');
for (const result of results) console.log(JSON.stringify({ bench: 'search-latency', documents: info.count, ...result }));
await database.close();
