import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database.ts';

/**
 * The Drizzle handle for queries outside a transaction. It carries no schema: queries name their tables, which the
 * modules own, so the platform imports none of them (drizzle-kit finds every `*.tables.ts` through drizzle.config.ts).
 */
export type Orm = NodePgDatabase;
/** A Drizzle transaction; actions receive it and pass it to every write and event. */
export type Transaction = Parameters<Parameters<Orm['transaction']>[0]>[0];
/** Either a transaction or the plain handle: read helpers accept both. */
export type Executor = Orm | Transaction;

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Drizzle handle, the raw pool, which mode it runs in, and how to close it. */
export type Database = {
  orm: Orm;
  pool: pg.Pool;
  kind: DatabaseKind;
  /** Connection settings, for tools that need their own client (backup, restore). */
  connection: pg.PoolConfig;
  close: () => Promise<void>;
};

// Dates and instants come back as strings in ISO form; bigint counts as numbers (they stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** True for an error the server answered (a SQLSTATE), after which the connection is still good. */
function isServerError(error: unknown): boolean {
  return error instanceof pg.DatabaseError || /^[0-9A-Z]{5}$/.test(String((error as { code?: unknown })?.code ?? ''));
}

/**
 * pg's `pool.query` destroys the connection after ANY error, a unique violation included. That costs a reconnect on
 * a server and, on the embedded database with its single connection, races the replacement against the closing
 * socket. Here a statement's own error keeps the connection; only connection failures discard it.
 */
function keepConnectionOnSqlErrors(pool: pg.Pool): pg.Pool {
  const query = async (...parameters: unknown[]) => {
    const client = await pool.connect();
    try {
      const result = await (client.query as (...args: unknown[]) => Promise<unknown>)(...parameters);
      client.release();
      return result;
    } catch (error) {
      client.release(isServerError(error) ? undefined : (error as Error));
      throw error;
    }
  };
  (pool as unknown as { query: typeof query }).query = query;
  return pool;
}

/**
 * Opens the database: the PostgreSQL server in `databaseUrl` when given, else the embedded PGlite in
 * `dataDir/pg` (or in memory when `dataDir` is undefined). Both are reached through the same `pg` pool.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  relaxedDurability?: boolean;
  poolSize?: number;
}): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let connection: pg.PoolConfig;
  if (options.databaseUrl) {
    // JIT off: our short OLTP queries paid 0.4–0.7 s of JIT compilation when the planner's cost estimate was high
    // (bench/proposal-endpoints.ts at 100k proposals); PGlite has no JIT, so both modes now plan alike.
    connection = { connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: '-c jit=off' };
  } else {
    embedded = await startEmbeddedDatabase({
      dataDir: options.dataDir,
      relaxedDurability: options.relaxedDurability,
    });
    // The embedded database serves one connection; the pool queues callers for it.
    connection = { host: embedded.socketDirectory, port: embedded.port, user: 'postgres', database: 'postgres', max: 1 };
  }
  const pool = keepConnectionOnSqlErrors(new pg.Pool({ ...connection, idleTimeoutMillis: 0, connectionTimeoutMillis: 30_000 }));
  pool.on('error', () => {}); // a broken idle connection is dropped by the pool; the next query reconnects
  const orm = drizzle(pool, { casing: 'snake_case' });
  let closing: Promise<void> | undefined;
  return {
    orm,
    pool,
    kind: embedded ? 'pglite' : 'postgres',
    connection,
    close: () => {
      closing ??= (async () => {
        await pool.end();
        await embedded?.stop();
      })();
      return closing;
    },
  };
}
