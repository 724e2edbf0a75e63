/**
 * Where the proposal benchmarks keep their data: the PostgreSQL server in DATABASE_URL (default the `bench`
 * database on the local server) or an embedded PGlite in a directory (`--embedded [dir]`). Shared by
 * generate-proposals.ts and proposal-endpoints.ts.
 */
import pg from 'pg';
import { type Database, openDatabase } from '../server/platform/db/database.ts';

/** The default benchmark database on the local server. */
export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/bench';

/** Command-line flags: `--name value`, `--name=value` and bare `--flag`; the rest are positional. */
export function parseArguments(argv: string[]): { flags: Map<string, string | true>; positional: string[] } {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (!argument.startsWith('--')) {
      positional.push(argument);
      continue;
    }
    const [name, inline] = argument.slice(2).split('=', 2);
    if (inline !== undefined) flags.set(name, inline);
    else if (argv[index + 1] !== undefined && !argv[index + 1].startsWith('--')) {
      flags.set(name, argv[index + 1]);
      index += 1;
    } else flags.set(name, true);
  }
  return { flags, positional };
}

/** The server database's name from its URL, checked to be a plain identifier (it goes into CREATE DATABASE). */
function databaseName(url: URL): string {
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`数据库名不合法：${name}`);
  return name;
}

/**
 * Creates the server database when it is missing; with `reset`, drops and recreates it first (the migrations
 * are one regenerated init file, so an old bench database may not take the current ones).
 */
export async function ensureServerDatabase(databaseUrl: string, reset: boolean): Promise<'created' | 'existing'> {
  const url = new URL(databaseUrl);
  const name = databaseName(url);
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    if (reset) await admin.query(`drop database if exists "${name}" with (force)`);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return 'existing';
    await admin.query(`create database "${name}"`);
    return 'created';
  } finally {
    await admin.end();
  }
}

/** Opens the benchmark database: the embedded one in `embeddedDir`, else the server in `databaseUrl`. */
export async function openBenchDatabase(options: {
  databaseUrl: string;
  embeddedDir?: string;
  poolSize?: number;
}): Promise<Database> {
  if (options.embeddedDir) return openDatabase({ dataDir: options.embeddedDir, relaxedDurability: true });
  return openDatabase({ databaseUrl: options.databaseUrl, poolSize: options.poolSize ?? 4 });
}

/** A small seeded pseudo-random generator (mulberry32), so a run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
