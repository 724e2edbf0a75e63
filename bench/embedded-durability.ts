/**
 * What fsync costs the embedded database: N single-row commits with durable commits (fsync on, the default)
 * and with relaxed durability (PGLITE_RELAXED_DURABILITY=1), each on a fresh data directory, in one run.
 * Prints the median and p95 per commit and the ratio. Run: npx tsx bench/embedded-durability.ts [N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/platform/db/database.ts';

const commits = Number(process.argv[2] ?? 500);

/** Percentile of sorted numbers. */
function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

async function measure(relaxedDurability: boolean): Promise<{ median: number; p95: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cppcc-bench-'));
  const database = await openDatabase({ dataDir, relaxedDurability });
  await database.pool.query('create table bench (id serial primary key, body text not null)');
  const timings: number[] = [];
  for (let index = 0; index < commits; index += 1) {
    const started = performance.now();
    await database.pool.query('insert into bench (body) values ($1)', [`第 ${index} 条提案正文`]);
    timings.push(performance.now() - started);
  }
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
  timings.sort((a, b) => a - b);
  return { median: percentile(timings, 0.5), p95: percentile(timings, 0.95) };
}

const durable = await measure(false);
const relaxed = await measure(true);
const format = (value: number) => value.toFixed(3);
console.log(`embedded PGlite, ${commits} single-row commits each, one run`);
console.log(`durable (fsync on):  median ${format(durable.median)} ms, p95 ${format(durable.p95)} ms per commit`);
console.log(`relaxed (fsync off): median ${format(relaxed.median)} ms, p95 ${format(relaxed.p95)} ms per commit`);
console.log(`ratio durable/relaxed (median): ${(durable.median / relaxed.median).toFixed(2)}`);
