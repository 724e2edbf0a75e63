import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-app.ts';
import type { HashAlgorithm } from '../crypto/hashing.ts';
import { newId } from '../db/columns.ts';
import type { Database } from '../db/database.ts';
import { eventChainHeads, events } from './events.tables.ts';
import { GENESIS_HASH, recordEvent } from './record-event.ts';
import { verifyChain } from './verify-chain.ts';

describe('audit chain', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  /** Appends `count` events to a new committee's chain, each in its own transaction. */
  async function chainOf(count: number, algorithm: HashAlgorithm = 'sha256'): Promise<string> {
    const orgId = newId();
    for (let index = 1; index <= count; index += 1) {
      await database.orm.transaction((transaction) =>
        recordEvent(transaction, algorithm, {
          orgId,
          type: 'test.changed',
          summary: `第 ${index} 次修改`,
          actor: { userId: newId(), displayName: '测试员' },
          subjectType: 'thing',
          subjectId: String(index),
          before: { n: index - 1, nested: { b: 2, a: 1 } },
          after: { n: index, list: [1, 'two', null], ratio: 0.5 },
        }),
      );
    }
    return orgId;
  }

  /** Runs SQL with the append-only trigger switched off, as a superuser tampering with the table would. */
  async function tamper(statement: string, parameters: unknown[]): Promise<void> {
    const client = await database.pool.connect();
    try {
      await client.query('begin');
      await client.query('alter table events disable trigger events_append_only');
      await client.query(statement, parameters);
      await client.query('alter table events enable trigger events_append_only');
      await client.query('commit');
    } finally {
      client.release();
    }
  }

  /**
   * Runs a statement expected to fail on a checked-out connection. (Through `pool.query` a failed statement makes
   * the pool drop its connection, and the embedded database briefly refuses the replacement; see the report.)
   */
  async function failing(statement: string, parameters: unknown[] = []): Promise<string> {
    const client = await database.pool.connect();
    try {
      await client.query(statement, parameters);
      return 'no error';
    } catch (error) {
      return (error as Error).message;
    } finally {
      client.release();
    }
  }

  it('verifies a fresh chain, and an empty one', async () => {
    const orgId = await chainOf(5);
    expect(await verifyChain(database.orm, orgId)).toEqual({
      valid: true,
      checked: 5,
      firstBrokenSequence: null,
      reason: null,
    });
    expect(await verifyChain(database.orm, newId())).toMatchObject({ valid: true, checked: 0 });
    const rows = await database.orm.select().from(events).where(eq(events.orgId, orgId)).orderBy(asc(events.sequence));
    expect(rows.map((row) => row.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0].previousHash).toBe(GENESIS_HASH);
    expect(rows[1].previousHash).toBe(rows[0].hash);
  });

  it('reports the tampered row when a summary is changed', async () => {
    const orgId = await chainOf(6);
    await tamper('update events set summary = $1 where org_id = $2 and sequence = 4', ['篡改后的摘要', orgId]);
    expect(await verifyChain(database.orm, orgId)).toEqual({
      valid: false,
      checked: 3,
      firstBrokenSequence: 4,
      reason: 'hash_mismatch',
    });
  });

  it('reports a rewritten row whose hash was recomputed at the next link', async () => {
    const orgId = await chainOf(4);
    await tamper("update events set hash = repeat('a', 64) where org_id = $1 and sequence = 2", [orgId]);
    const result = await verifyChain(database.orm, orgId);
    // The forged hash no longer matches row 2's content.
    expect(result).toMatchObject({ valid: false, firstBrokenSequence: 2, reason: 'hash_mismatch' });
  });

  it('reports a deleted row as a sequence gap', async () => {
    const orgId = await chainOf(5);
    await tamper('delete from events where org_id = $1 and sequence = 3', [orgId]);
    expect(await verifyChain(database.orm, orgId)).toEqual({
      valid: false,
      checked: 2,
      firstBrokenSequence: 3,
      reason: 'sequence_gap',
    });
  });

  it('reports deleted newest rows against the chain head', async () => {
    const orgId = await chainOf(4);
    await tamper('delete from events where org_id = $1 and sequence >= 3', [orgId]);
    expect(await verifyChain(database.orm, orgId)).toEqual({
      valid: false,
      checked: 2,
      firstBrokenSequence: 3,
      reason: 'head_mismatch',
    });
  });

  it('reports a row moved between chains as a broken link', async () => {
    const orgId = await chainOf(3);
    await tamper("update events set previous_hash = repeat('b', 64) where org_id = $1 and sequence = 2", [orgId]);
    expect(await verifyChain(database.orm, orgId)).toMatchObject({
      valid: false,
      firstBrokenSequence: 2,
      reason: 'previous_hash_mismatch',
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events while the trigger is on', async () => {
    const orgId = await chainOf(2);
    expect(await failing('update events set summary = $1 where org_id = $2', ['x', orgId])).toMatch(/append-only/);
    expect(await failing('delete from events where org_id = $1', [orgId])).toMatch(/append-only/);
    expect(await failing('truncate events')).toMatch(/append-only/);
    expect(await verifyChain(database.orm, orgId)).toMatchObject({ valid: true, checked: 2 });
  });

  it('refuses moving a chain head backwards, rewriting it, or deleting it', async () => {
    const orgId = await chainOf(3);
    expect(await failing('update event_chain_heads set last_sequence = 1 where org_id = $1', [orgId])).toMatch(
      /only move forward/,
    );
    expect(await failing("update event_chain_heads set last_hash = repeat('c', 64) where org_id = $1", [orgId])).toMatch(
      /only move forward/,
    );
    expect(await failing('delete from event_chain_heads where org_id = $1', [orgId])).toMatch(/cannot be deleted/);
    const [head] = await database.orm.select().from(eventChainHeads).where(eq(eventChainHeads.orgId, orgId));
    expect(head.lastSequence).toBe(3);
  });

  it('keeps the chain linear under 20 concurrent writers', async () => {
    const orgId = newId();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        database.orm.transaction((transaction) =>
          recordEvent(transaction, 'sha256', { orgId, type: 'test.concurrent', summary: `并发写入 ${index}` }),
        ),
      ),
    );
    expect(results.map((result) => result.sequence).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    expect(await verifyChain(database.orm, orgId)).toMatchObject({ valid: true, checked: 20 });
  });

  it('hashes with SM3 when selected, and verifies it', async () => {
    const orgId = await chainOf(3, 'sm3');
    const rows = await database.orm
      .select()
      .from(events)
      .where(and(eq(events.orgId, orgId), eq(events.sequence, 1)));
    expect(rows[0].hashAlgorithm).toBe('sm3');
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyChain(database.orm, orgId)).toMatchObject({ valid: true, checked: 3 });
    await tamper('update events set summary = $1 where org_id = $2 and sequence = 2', ['改', orgId]);
    expect(await verifyChain(database.orm, orgId)).toMatchObject({ valid: false, firstBrokenSequence: 2 });
  });

  it('installs the guards idempotently', async () => {
    const { installAppendOnlyGuards } = await import('./append-only.ts');
    await installAppendOnlyGuards(database.pool);
    const triggers = await database.pool.query<{ count: number }>(
      "select count(*)::int as count from pg_trigger where tgname in ('events_append_only', 'events_no_truncate', 'event_chain_heads_forward_only')",
    );
    expect(triggers.rows[0].count).toBe(3);
  });
});
