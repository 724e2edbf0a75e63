import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type AuditHashing, digest, type HashAlgorithm } from '../crypto/hashing.ts';
import { newId } from '../db/columns.ts';
import type { Database } from '../db/database.ts';
import { eventHash, type HashedEventRow, legacyHashedContent } from './event-hash.ts';
import { eventChainHeads, events } from './events.tables.ts';
import { GENESIS_HASH, recordEvent } from './record-event.ts';

/** A fresh audit key and its hashing settings, as config.ts would make them. */
export function testHashing(algorithm: HashAlgorithm = 'sha256'): AuditHashing {
  return { algorithm, key: randomBytes(32).toString('base64url') };
}

/** Appends `count` events to a committee's chain the way actions do, each in its own transaction. */
export async function chainOf(database: Database, hashing: AuditHashing, count: number, orgId = newId()): Promise<string> {
  for (let index = 1; index <= count; index += 1) {
    await database.orm.transaction((transaction) =>
      recordEvent(transaction, hashing, {
        orgId,
        type: 'test.changed',
        summary: `第 ${index} 次修改`,
        actor: { userId: newId(), displayName: '测试员' },
        subjectType: 'thing',
        subjectId: String(index),
        before: { n: index - 1, nested: { b: 2, a: 1 } },
        after: { n: index, list: [1, 'two', null], ratio: 0.5 },
        context: { ip: `10.0.0.${index}`, requestId: `req-${index}` },
      }),
    );
  }
  return orgId;
}

/** Appends `count` events exactly as v0.2.0 wrote them: unkeyed digest of its fields, hash version 1, no key id. */
export async function legacyChainOf(database: Database, count: number, algorithm: HashAlgorithm = 'sha256'): Promise<string> {
  const orgId = newId();
  let previousHash = GENESIS_HASH;
  await database.orm.insert(eventChainHeads).values({ orgId, lastSequence: 0, lastHash: GENESIS_HASH });
  for (let sequence = 1; sequence <= count; sequence += 1) {
    const row = {
      orgId,
      id: newId(),
      sequence,
      occurredAt: new Date(Date.UTC(2026, 0, 5, 8, 0, sequence)).toISOString(),
      actorId: newId(),
      actorName: '旧版操作人',
      type: 'proposal.submitted',
      subjectType: 'proposal',
      subjectId: String(sequence),
      summary: `旧版记录 ${sequence}`,
      before: null,
      after: { state: 'submitted', sequence },
      result: 'success',
      ip: '192.168.1.10',
      requestId: `old-${sequence}`,
      hashAlgorithm: algorithm,
      hashVersion: 1,
      hashKeyId: null,
      previousHash,
    };
    const hash = digest(algorithm, legacyHashedContent(row));
    await database.orm.insert(events).values({ ...row, hash });
    await database.orm
      .update(eventChainHeads)
      .set({ lastSequence: sequence, lastHash: hash })
      .where(eq(eventChainHeads.orgId, orgId));
    previousHash = hash;
  }
  return orgId;
}

/** Runs statements with the append-only guards switched off, as the database owner tampering with the tables would. */
export async function tamper(database: Database, statements: [string, unknown[]][]): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    await client.query('alter table events disable trigger events_append_only');
    await client.query('alter table event_chain_heads disable trigger event_chain_heads_forward_only');
    for (const [statement, parameters] of statements) await client.query(statement, parameters);
    await client.query('alter table events enable trigger events_append_only');
    await client.query('alter table event_chain_heads enable trigger event_chain_heads_forward_only');
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** How an attacker recomputes the hashes: which formula, and with which key if any. */
export type Rehash = { formula: 'unkeyed-as-legacy' } | { formula: 'unkeyed-keep-version' } | { formula: 'keyed'; key: string };

/**
 * The database owner's rewrite: reads the committee's rows in order, recomputes every link and hash with the
 * given formula, and writes rows and chain head back (guards off), so the chain is consistent in itself.
 */
export async function rehashChain(database: Database, orgId: string, how: Rehash): Promise<void> {
  const result = await database.orm.execute<HashedEventRow & { hash: string }>(sql`
    select org_id as "orgId", id, sequence::int as sequence,
      to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "occurredAt",
      actor_id as "actorId", actor_name as "actorName", type, subject_type as "subjectType", subject_id as "subjectId",
      summary, before, after, result, ip, request_id as "requestId", hash_algorithm as "hashAlgorithm",
      hash_version as "hashVersion", hash_key_id as "hashKeyId", previous_hash as "previousHash", hash
    from events where org_id = ${orgId} order by sequence`);
  let previousHash = GENESIS_HASH;
  const statements: [string, unknown[]][] = [];
  for (const row of result.rows) {
    const rewritten = { ...row, previousHash };
    if (how.formula === 'unkeyed-as-legacy') Object.assign(rewritten, { hashVersion: 1, hashKeyId: null });
    const hash =
      how.formula === 'keyed'
        ? eventHash(rewritten, how.key)
        : digest(rewritten.hashAlgorithm as HashAlgorithm, legacyHashedContent(rewritten));
    statements.push([
      'update events set previous_hash = $1, hash = $2, hash_version = $3, hash_key_id = $4 where org_id = $5 and id = $6',
      [previousHash, hash, rewritten.hashVersion, rewritten.hashKeyId, orgId, row.id],
    ]);
    previousHash = hash;
  }
  statements.push([
    'update event_chain_heads set last_sequence = $1, last_hash = $2 where org_id = $3',
    [result.rows.length, previousHash, orgId],
  ]);
  await tamper(database, statements);
}
