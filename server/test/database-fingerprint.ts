import type { Database } from '../platform/db/database.ts';

/** What the upgrade test compares before and after: every table's row count and a few contents, by plain SQL. */
export type DatabaseFingerprint = {
  rowCounts: Record<string, number>;
  /** Each proposal as `number|title|state`, in id order. */
  proposals: string[];
  usernames: string[];
  /** Each committee's chain head as `org|last sequence|last hash`, and the events' count. */
  chainHeads: string[];
  eventCount: number;
};

/** Reads the fingerprint with SQL that does not depend on the program's version. */
export async function fingerprintDatabase(database: Database): Promise<DatabaseFingerprint> {
  const tables = await database.pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const rowCounts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const count = await database.pool.query<{ count: number }>(`select count(*)::int as count from "${name}"`);
    rowCounts[name] = count.rows[0].count;
  }
  const proposals = await database.pool.query<{ line: string }>(
    `select coalesce(number, '') || '|' || title || '|' || state as line from proposals order by org_id, id`,
  );
  const users = await database.pool.query<{ username: string }>('select username from users order by username');
  const heads = await database.pool.query<{ line: string }>(
    `select org_id || '|' || last_sequence || '|' || last_hash as line from event_chain_heads order by org_id`,
  );
  return {
    rowCounts,
    proposals: proposals.rows.map((row) => row.line),
    usernames: users.rows.map((row) => row.username),
    chainHeads: heads.rows.map((row) => row.line),
    eventCount: rowCounts.events ?? 0,
  };
}
