/**
 * Fills the `bench_search` database on the PostgreSQL server with N search documents for the search latency
 * benchmark (bench/search-latency.ts): one big tenant (a provincial committee, 20% of N: 200,000 at 1M) and 200
 * smaller tenants sharing the rest (≈4,000 each, sizes varied ±50%), so that the big tenant's queries meet a large
 * posting list and the small tenants' queries meet a GIN index dominated by other tenants' documents.
 *
 * Texts come from the real public messages in ../shared/eval/*.jsonl (read at run time, never copied here). Each
 * message's title and body are segmented once through the product's own buildTsvector (jieba, stop words, inner
 * words, weights A/B); every document then takes one message's lexemes, drops ~10% of its body lexemes at random
 * and adds 0–4 frequency-weighted words from other messages (also appended to its body text), so no two documents
 * of a tenant are identical while the term statistics stay those of real text. Documents are inserted in time
 * order across tenants (occurred_at uniform over 5 years), as the app would write them, so a tenant's rows are
 * scattered over the heap. Planted terms for the rare-term cases (words absent from the corpus): in exactly 3,
 * 30 and 300 documents of the big tenant (and as many of other tenants), and in 5 documents of the first small
 * tenant. What the latency bench needs (tenant ids, terms, sessions) goes into a `bench_search_info` table.
 *
 * Rows go in with `INSERT … SELECT FROM unnest(arrays)` of 2,000 rows, the next batch built while the previous one
 * is written; the GIN and date indexes and the primary key are dropped before the load and rebuilt after it (much faster than
 * maintaining them row by row), then VACUUM ANALYZE.
 *
 * Run: npm run bench:generate-search -- [N=1000000] [--tenants 200] [--big-share 0.2] [--seed 1]
 *   DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench_search) is dropped, recreated and migrated.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { organizations } from '../server/modules/orgs/orgs.tables.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import { innerWords, segmentWords } from '../server/platform/search/segment.ts';
import { buildTsvector, quoteLexeme, tenantLexeme } from '../server/platform/search/tsvector.ts';
import { ensureServerDatabase, parseArguments, seededRandom } from './bench-database.ts';

const { flags, positional } = parseArguments(process.argv.slice(2));
const count = Number(flags.get('count') ?? positional[0] ?? 1_000_000);
const smallTenantCount = Number(flags.get('tenants') ?? 200);
const bigShare = Number(flags.get('big-share') ?? 0.2);
const seed = Number(flags.get('seed') ?? 1);
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_search';
const EVAL_DIR = resolve(import.meta.dirname, '../../shared/eval');
const BATCH = 2_000;
/** Insert statements in flight at once (one connection each). */
const WRITERS = Number(flags.get('writers') ?? 3);
/** Body lexemes start here, so that a message's body literal is rendered once whatever its title's length. */
const BODY_OFFSET = 128;
const YEARS = 5;
const END = Date.parse('2026-12-01T00:00:00Z');
const START = END - YEARS * 365.25 * 86_400_000;

if (!Number.isInteger(count) || count < 1000) throw new Error(`文档数量不合法：${count}（至少 1000）`);
const random = seededRandom(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const started = performance.now();
const phases: [string, number][] = [];
let phaseStarted = started;
function phase(name: string): void {
  const now = performance.now();
  phases.push([name, now - phaseStarted]);
  phaseStarted = now;
  console.log(`  ${name.padEnd(36)} ${((now - started) / 1000).toFixed(1)} s`);
}

// ───────────────────────────── source texts, segmented once ─────────────────────────────

type Source = { title: string; body: string; titleLexemes: string[]; bodyLexemes: string[]; lastBodyPosition: number };

/** `'word':3A,7A` entries of a buildTsvector literal (the tenant lexeme dropped), positions shifted by `offset`. */
function lexemeEntries(literal: string, offset: number): { entries: string[]; last: number } {
  const entries: string[] = [];
  let last = 0;
  for (const match of literal.matchAll(/('(?:[^']|'')*'):([0-9A-C,]+)/g)) {
    const positions = match[2].split(',').map((position) => {
      const number = Number.parseInt(position, 10) + offset;
      last = Math.max(last, number);
      return `${number}${position.replace(/[0-9]/g, '')}`;
    });
    entries.push(`${match[1]}:${positions.join(',')}`);
  }
  return { entries, last };
}

const vocabulary: string[] = [];
const corpusWords = new Set<string>();
function loadSources(): Source[] {
  const sources: Source[] = [];
  const dummyOrg = '00000000-0000-0000-0000-000000000000';
  for (const file of ['messages-hot.jsonl', 'messages-labelled.jsonl', 'messages-with-replies.jsonl']) {
    for (const line of readFileSync(join(EVAL_DIR, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const message = JSON.parse(line) as { title?: string; body?: string };
      const title = (message.title ?? '').trim();
      const body = (message.body ?? '').replace(/\s+/g, ' ').trim().slice(0, 1_500);
      if (!title || body.length < 10) continue;
      const titleLiteral = buildTsvector(dummyOrg, [{ text: title, weight: 'A' }]);
      const bodyLiteral = buildTsvector(dummyOrg, [{ text: body, weight: 'B' }]);
      const titleEntries = lexemeEntries(titleLiteral, 0);
      if (titleEntries.last >= BODY_OFFSET) continue;
      const bodyEntries = lexemeEntries(bodyLiteral, BODY_OFFSET);
      for (const word of segmentWords(`${title} ${body}`)) {
        corpusWords.add(word);
        for (const inner of innerWords(word)) corpusWords.add(inner);
        if ([...word].length >= 2 && !/^[0-9a-z]+$/.test(word)) vocabulary.push(word);
      }
      sources.push({
        title,
        body,
        titleLexemes: titleEntries.entries,
        bodyLexemes: bodyEntries.entries,
        lastBodyPosition: bodyEntries.last,
      });
    }
  }
  if (sources.length === 0) throw new Error(`没有读到公开数据：${EVAL_DIR}`);
  return sources;
}

/** Dictionary words that the corpus never uses and that a query segments as themselves: the planted terms. */
function plantableTerms(needed: number): string[] {
  const candidates = [
    '琥珀',
    '翡翠',
    '珊瑚',
    '貔貅',
    '麒麟',
    '孔雀',
    '鹦鹉',
    '琵琶',
    '骆驼',
    '蝴蝶',
    '钢琴',
    '熊猫',
    '葡萄',
    '菠萝',
    '玛瑙',
    '象棋',
    '芭蕾',
    '火烈鸟',
    '海豚',
    '企鹅',
  ];
  const chosen = candidates.filter((word) => {
    const words = segmentWords(word);
    return words.length === 1 && words[0] === word && !corpusWords.has(word) && innerWords(word).length === 0;
  });
  if (chosen.length < needed) throw new Error(`可植入的罕见词不够：${chosen.join('、')}`);
  return chosen.slice(0, needed);
}

// ───────────────────────────── the run ─────────────────────────────

const outcome = await ensureServerDatabase(databaseUrl, true);
console.log(`database ${databaseUrl.replace(/\/\/[^@]*@/, '//…@')}: ${outcome} (reset)`);
const database = await openDatabase({ databaseUrl, poolSize: WRITERS + 1 });
await runMigrations(database);
phase('database, migrations');

const sources = loadSources();
phase(`segment ${sources.length} messages`);
const [rare3, rare30, rare300, smallRare] = plantableTerms(4);

// Tenants: the big one, then the small ones with sizes varied ±50%.
const smallWeights = Array.from({ length: smallTenantCount }, () => 0.5 + random());
const weightSum = smallWeights.reduce((sum, weight) => sum + weight, 0);
const tenantRows = [
  { code: 'search-bench-big', name: '压测省政协（搜索）', level: 'province' },
  ...smallWeights.map((_, index) => ({
    code: `search-bench-${String(index + 1).padStart(3, '0')}`,
    name: `压测市政协 ${index + 1}（搜索）`,
    level: 'city',
  })),
];
const tenants = await database.orm
  .insert(organizations)
  .values(tenantRows)
  .returning({ id: organizations.id, code: organizations.code });
const tenantIndex = new Map(tenants.map((tenant, index) => [tenant.code, index]));
tenants.sort((left, right) => (tenantIndex.get(left.code) ?? 0) - (tenantIndex.get(right.code) ?? 0));
const tenantLexemes = tenants.map((tenant) => quoteLexeme(tenantLexeme(tenant.id)));
/** Per tenant: one session per year, ten categories, twenty units. */
const tenantSessions = tenants.map(() => Array.from({ length: YEARS + 1 }, () => uuidv7()));
const tenantCategories = tenants.map(() => Array.from({ length: 10 }, () => uuidv7()));
const tenantUnits = tenants.map(() => Array.from({ length: 20 }, () => uuidv7()));
const firstYear = new Date(START).getUTCFullYear();

// Every document's tenant, in time order: the big tenant's share, the rest by weight.
const tenantOf = new Uint16Array(count);
const smallCumulative: number[] = [];
let cumulative = 0;
for (const weight of smallWeights) {
  cumulative += weight / weightSum;
  smallCumulative.push(cumulative);
}
for (let index = 0; index < count; index += 1) {
  if (random() < bigShare) tenantOf[index] = 0;
  else {
    const roll = random();
    let low = 0;
    let high = smallCumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (smallCumulative[middle] < roll) low = middle + 1;
      else high = middle;
    }
    tenantOf[index] = low + 1;
  }
}
const times = new Float64Array(count);
for (let index = 0; index < count; index += 1) times[index] = START + random() * (END - START);
times.sort();

// Planted terms: documents chosen at random within a tenant (big tenant, and as many in the small ones).
const planted = new Map<number, string[]>();
function plant(term: string, tenant: 'big' | 'small' | 'first-small', documents: number): void {
  const eligible: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const owner = tenantOf[index];
    if (tenant === 'big' ? owner === 0 : tenant === 'small' ? owner > 1 : owner === 1) eligible.push(index);
  }
  const chosen = new Set<number>();
  while (chosen.size < Math.min(documents, eligible.length)) chosen.add(pick(eligible));
  for (const index of chosen) planted.set(index, [...(planted.get(index) ?? []), term]);
}
for (const [term, documents] of [
  [rare3, 3],
  [rare30, 30],
  [rare300, 300],
] as const) {
  plant(term, 'big', documents);
  plant(term, 'small', documents);
}
plant(smallRare, 'first-small', 5);
phase('tenants, dates, planted terms');

// The GIN and date indexes are rebuilt after the load.
await database.pool.query('drop index search_documents_words');
await database.pool.query('drop index search_documents_recent');
await database.pool.query('alter table search_documents drop constraint search_documents_org_id_id_pk');

const states = ['submitted', 'filed', 'assigned', 'replied', 'closed', 'draft'];
const columns = [
  'org_id',
  'id',
  'item_type',
  'session_id',
  'state',
  'category_id',
  'unit_ids',
  'title',
  'body',
  'published',
  'occurred_at',
  'words',
] as const;
const insertSql = `insert into search_documents (${columns.join(', ')})
  select o, i, t, s, st, c, u::uuid[], ti, b, p, a, w::tsvector
  from unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::text[],
              $9::text[], $10::boolean[], $11::timestamptz[], $12::text[])
       as rows(o, i, t, s, st, c, u, ti, b, p, a, w)`;

/** The column arrays of documents [from, to). */
function buildBatch(from: number, to: number): unknown[][] {
  const arrays: unknown[][] = columns.map(() => []);
  for (let index = from; index < to; index += 1) {
    const tenant = tenantOf[index];
    const source = pick(sources);
    const occurredAt = times[index];
    const proposal = random() < 0.3;
    const lexemes = [...source.titleLexemes];
    for (const entry of source.bodyLexemes) if (random() >= 0.1) lexemes.push(entry);
    let body = source.body;
    let position = source.lastBodyPosition + 2;
    const extras = Array.from({ length: Math.floor(random() * 5) }, () => pick(vocabulary));
    const terms = planted.get(index) ?? [];
    const added = [...extras, ...terms];
    if (added.length > 0) {
      body = `${body}\n补充：${added.join('，')}`;
      for (const word of added) {
        if (position > 16_000) break;
        lexemes.push(`${quoteLexeme(word)}:${position}B`);
        position += 2;
      }
    }
    lexemes.push(tenantLexemes[tenant]);
    const year = Math.min(YEARS, new Date(occurredAt).getUTCFullYear() - firstYear);
    const units = tenantUnits[tenant];
    const unitCount = proposal ? Math.floor(random() * 3) : 0;
    arrays[0].push(tenants[tenant].id);
    arrays[1].push(uuidv7({ msecs: Math.floor(occurredAt) }));
    arrays[2].push(proposal ? 'proposal' : 'history');
    arrays[3].push(tenantSessions[tenant][year]);
    arrays[4].push(proposal ? pick(states) : null);
    arrays[5].push(pick(tenantCategories[tenant]));
    arrays[6].push(`{${Array.from({ length: unitCount }, () => pick(units)).join(',')}}`);
    arrays[7].push(source.title);
    arrays[8].push(body);
    arrays[9].push(proposal ? random() < 0.5 : false);
    arrays[10].push(new Date(occurredAt).toISOString());
    arrays[11].push(lexemes.join(' '));
  }
  return arrays;
}

// WRITERS batches in flight on as many connections: the server parses the tsvectors and compresses the rows of
// one while it writes another, and the next batch is built meanwhile.
const inFlight = new Set<Promise<unknown>>();
let lastReport = performance.now();
for (let from = 0; from < count; from += BATCH) {
  const batch = buildBatch(from, Math.min(count, from + BATCH));
  while (inFlight.size >= WRITERS) await Promise.race(inFlight);
  const written: Promise<unknown> = database.pool.query(insertSql, batch).then(() => inFlight.delete(written));
  inFlight.add(written);
  if (performance.now() - lastReport > 15_000) {
    lastReport = performance.now();
    console.log(`    ${from.toLocaleString('en')} documents, ${((lastReport - started) / 1000).toFixed(0)} s`);
  }
}
await Promise.all(inFlight);
phase(`insert ${count.toLocaleString('en')} documents`);

const indexClient = await database.pool.connect();
try {
  await indexClient.query(`set maintenance_work_mem = '1GB'`);
  await indexClient.query('create index search_documents_words on search_documents using gin (words)');
  phase('GIN index');
  await indexClient.query(
    'create index search_documents_recent on search_documents (org_id, occurred_at desc nulls last, id desc nulls last)',
  );
  phase('date index');
  await indexClient.query('alter table search_documents add constraint search_documents_org_id_id_pk primary key (org_id, id)');
  phase('primary key');
  await indexClient.query('vacuum analyze search_documents');
  await indexClient.query('analyze organizations');
  phase('vacuum analyze');
} finally {
  indexClient.release();
}

const info = {
  bigTenant: { id: tenants[0].id, code: tenants[0].code, documents: 0 },
  smallTenant: { id: tenants[1].id, code: tenants[1].code, documents: 0 },
  rareTerms: { 3: rare3, 30: rare30, 300: rare300 },
  smallRareTerm: smallRare,
  bigSessions: tenantSessions[0],
  smallSessions: tenantSessions[1],
  firstYear,
  count,
};
for (let index = 0; index < count; index += 1) {
  if (tenantOf[index] === 0) info.bigTenant.documents += 1;
  else if (tenantOf[index] === 1) info.smallTenant.documents += 1;
}
await database.pool.query('create table bench_search_info (key text primary key, value jsonb not null)');
await database.pool.query(`insert into bench_search_info values ('info', $1)`, [JSON.stringify(info)]);
const size = await database.pool.query<{ table: string; gin: string }>(
  `select pg_size_pretty(pg_total_relation_size('search_documents')) as table,
          pg_size_pretty(pg_relation_size('search_documents_words')) as gin`,
);
await database.close();

const seconds = (performance.now() - started) / 1000;
console.log(
  `big tenant ${info.bigTenant.code}: ${info.bigTenant.documents} documents; ${smallTenantCount} small tenants ` +
    `(first: ${info.smallTenant.documents}); planted 3/30/300: ${rare3}/${rare30}/${rare300}, small: ${smallRare}`,
);
console.log(`search_documents ${size.rows[0].table} in all, GIN index ${size.rows[0].gin}`);
for (const [name, ms] of phases) console.log(`  ${name.padEnd(36)} ${(ms / 1000).toFixed(1)} s`);
console.log(`generated in ${seconds.toFixed(1)} s (${Math.round(count / seconds)} documents/s)`);
console.log(
  JSON.stringify({
    bench: 'generate-search-documents',
    documents: count,
    tenants: smallTenantCount + 1,
    bigTenant: info.bigTenant.documents,
    seconds: Number(seconds.toFixed(1)),
  }),
);
