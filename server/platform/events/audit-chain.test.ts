import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-app.ts';
import { digest, keyFingerprint } from '../crypto/hashing.ts';
import { newId } from '../db/columns.ts';
import type { Database } from '../db/database.ts';
import { chainOf, tamper, testHashing } from './chain-test-helpers.ts';
import { legacyHashedContent } from './event-hash.ts';
import { eventChainHeads, events } from './events.tables.ts';
import { GENESIS_HASH, recordEvent } from './record-event.ts';
import { verifyChain } from './verify-chain.ts';

describe('audit chain', () => {
  let database: Database;
  const hashing = testHashing();
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

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

  const verify = (orgId: string) => verifyChain(database.orm, orgId, hashing);

  it('verifies a fresh chain, and an empty one, and returns the head', async () => {
    const orgId = await chainOf(database, hashing, 5);
    const rows = await database.orm.select().from(events).where(eq(events.orgId, orgId)).orderBy(asc(events.sequence));
    expect(await verify(orgId)).toMatchObject({
      status: 'valid',
      valid: true,
      checked: 5,
      firstBrokenSequence: null,
      reason: null,
      head: { sequence: 5, hash: rows[4].hash },
    });
    expect(await verify(newId())).toMatchObject({ valid: true, checked: 0, head: { sequence: 0, hash: GENESIS_HASH } });
    expect(rows.map((row) => row.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0].previousHash).toBe(GENESIS_HASH);
    expect(rows[1].previousHash).toBe(rows[0].hash);
    expect(rows[0]).toMatchObject({ hashVersion: 2, hashKeyId: keyFingerprint(hashing.key) });
  });

  it('keys the hash: new rows are not the unkeyed digest of v0.2.0', async () => {
    const orgId = await chainOf(database, hashing, 1);
    const [row] = await database.orm.select().from(events).where(eq(events.orgId, orgId));
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.hash).not.toBe(digest('sha256', legacyHashedContent({ ...row, occurredAt: row.occurredAt })));
  });

  it('reports the tampered row when a summary is changed', async () => {
    const orgId = await chainOf(database, hashing, 6);
    await tamper(database, [['update events set summary = $1 where org_id = $2 and sequence = 4', ['篡改后的摘要', orgId]]]);
    expect(await verify(orgId)).toMatchObject({
      status: 'broken',
      valid: false,
      checked: 3,
      firstBrokenSequence: 4,
      reason: 'hash_mismatch',
    });
  });

  it.each([
    ['ip', "update events set ip = '203.0.113.9' where org_id = $1 and sequence = 3"],
    ['actor_name', "update events set actor_name = '冒名者' where org_id = $1 and sequence = 3"],
    ['request_id', "update events set request_id = 'forged' where org_id = $1 and sequence = 3"],
    ['actor_name set to null', 'update events set actor_name = null where org_id = $1 and sequence = 3'],
    [
      'occurred_at by one microsecond',
      "update events set occurred_at = occurred_at + interval '1 microsecond' where org_id = $1 and sequence = 3",
    ],
    ['hash_algorithm', "update events set hash_algorithm = 'sm3' where org_id = $1 and sequence = 3"],
  ])('detects a change of only the %s of one row (every column is hashed)', async (_column, statement) => {
    const orgId = await chainOf(database, hashing, 5);
    await tamper(database, [[statement, [orgId]]]);
    expect(await verify(orgId)).toMatchObject({ valid: false, firstBrokenSequence: 3, reason: 'hash_mismatch' });
  });

  it('reports a rewritten row whose hash was recomputed at the next link', async () => {
    const orgId = await chainOf(database, hashing, 4);
    await tamper(database, [["update events set hash = repeat('a', 64) where org_id = $1 and sequence = 2", [orgId]]]);
    // The forged hash no longer matches row 2's content.
    expect(await verify(orgId)).toMatchObject({ valid: false, firstBrokenSequence: 2, reason: 'hash_mismatch' });
  });

  it('reports a deleted row as a sequence gap', async () => {
    const orgId = await chainOf(database, hashing, 5);
    await tamper(database, [['delete from events where org_id = $1 and sequence = 3', [orgId]]]);
    expect(await verify(orgId)).toMatchObject({ valid: false, checked: 2, firstBrokenSequence: 3, reason: 'sequence_gap' });
  });

  it('reports deleted newest rows against the chain head', async () => {
    const orgId = await chainOf(database, hashing, 4);
    await tamper(database, [['delete from events where org_id = $1 and sequence >= 3', [orgId]]]);
    expect(await verify(orgId)).toMatchObject({ valid: false, checked: 2, firstBrokenSequence: 3, reason: 'head_mismatch' });
  });

  it('reports a row moved between chains as a broken link', async () => {
    const orgId = await chainOf(database, hashing, 3);
    await tamper(database, [["update events set previous_hash = repeat('b', 64) where org_id = $1 and sequence = 2", [orgId]]]);
    expect(await verify(orgId)).toMatchObject({ valid: false, firstBrokenSequence: 2, reason: 'previous_hash_mismatch' });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events while the trigger is on', async () => {
    const orgId = await chainOf(database, hashing, 2);
    expect(await failing('update events set summary = $1 where org_id = $2', ['x', orgId])).toMatch(/append-only/);
    expect(await failing('delete from events where org_id = $1', [orgId])).toMatch(/append-only/);
    expect(await failing('truncate events')).toMatch(/append-only/);
    expect(await verify(orgId)).toMatchObject({ valid: true, checked: 2 });
  });

  it('refuses moving a chain head backwards, rewriting it, or deleting it', async () => {
    const orgId = await chainOf(database, hashing, 3);
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
          recordEvent(transaction, hashing, { orgId, type: 'test.concurrent', summary: `并发写入 ${index}` }),
        ),
      ),
    );
    expect(results.map((result) => result.sequence).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    expect(await verify(orgId)).toMatchObject({ valid: true, checked: 20 });
  });

  it('hashes with SM3-HMAC when selected, and verifies it', async () => {
    const sm3 = { ...hashing, algorithm: 'sm3' as const };
    const orgId = await chainOf(database, sm3, 3);
    const rows = await database.orm
      .select()
      .from(events)
      .where(and(eq(events.orgId, orgId), eq(events.sequence, 1)));
    expect(rows[0].hashAlgorithm).toBe('sm3');
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verify(orgId)).toMatchObject({ valid: true, checked: 3 });
    await tamper(database, [['update events set summary = $1 where org_id = $2 and sequence = 2', ['改', orgId]]]);
    expect(await verify(orgId)).toMatchObject({ valid: false, firstBrokenSequence: 2 });
  });

  it('refuses to record an event without the audit key', async () => {
    await expect(
      database.orm.transaction((transaction) =>
        recordEvent(transaction, { algorithm: 'sha256', key: '' }, { orgId: newId(), type: 'test.x', summary: '无密钥' }),
      ),
    ).rejects.toThrow(/audit key/);
  });

  it('answers "cannot verify" without the key, or with another key, never valid', async () => {
    const orgId = await chainOf(database, hashing, 3);
    expect(await verifyChain(database.orm, orgId, { key: null })).toMatchObject({
      status: 'unverifiable',
      valid: false,
      reason: 'key_missing',
    });
    expect(await verifyChain(database.orm, orgId, testHashing())).toMatchObject({
      status: 'unverifiable',
      valid: false,
      reason: 'key_mismatch',
      firstBrokenSequence: 1,
      checked: 0,
    });
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
