/** Records the SQL statements a pool sends (text, values, milliseconds) between `start()` and `stop()`. */
import type pg from 'pg';

/** One statement as sent. */
export type Statement = { text: string; values: unknown[]; ms: number };

/**
 * Wraps `query` of every client the pool hands out (pool.query goes through pool.connect here), once each, and
 * answers the switch: `start()` begins a recording, `stop()` ends it and answers its statements.
 */
export function recordStatements(pool: pg.Pool): { start: () => void; stop: () => Statement[] } {
  let recording: Statement[] | null = null;
  const wrapped = new WeakSet<object>();
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  (pool as unknown as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
    const client = await connect();
    if (!wrapped.has(client)) {
      wrapped.add(client);
      const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
      (client as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await query(...args);
        } finally {
          if (recording) {
            const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
            const text = typeof first === 'string' ? first : first.text;
            // Drizzle sends (config without values, params); others send (text, params) or a config with values.
            const values = (typeof first === 'string' ? second : (first.values ?? second)) ?? [];
            recording.push({ text, values: Array.isArray(values) ? values : [], ms: performance.now() - started });
          }
        }
      };
    }
    return client;
  };
  return {
    start: () => {
      recording = [];
    },
    stop: () => {
      const statements = recording ?? [];
      recording = null;
      return statements;
    },
  };
}
