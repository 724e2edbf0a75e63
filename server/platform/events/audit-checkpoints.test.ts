import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-app.ts';
import type { Database } from '../db/database.ts';
import { chainOf, legacyChainOf, rehashChain, tamper, testHashing } from './chain-test-helpers.ts';
import { checkpointFilePath, parseCheckpoints, readCheckpoints } from './checkpoints.ts';
import { legacyEventHash } from './event-hash.ts';
import { events } from './events.tables.ts';
import { sealChain } from './seal-chain.ts';
import { verifyChain } from './verify-chain.ts';

describe('audit chain against the database owner: keyed hashes and signed checkpoints', () => {
  let database: Database;
  const hashing = testHashing();
  const folder = mkdtempSync(join(tmpdir(), 'cppcc-checkpoints-'));
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Verifies as GET /audit/verify does: the whole chain against every checkpoint in the folder. */
  const verify = async (orgId: string, key = hashing) =>
    verifyChain(database.orm, orgId, key, { checkpoints: await readCheckpoints(folder, orgId) });
  const seal = (orgId: string) => sealChain(database.orm, orgId, hashing, folder, new Date());

  /** The probe's attack: delete one event, renumber the rest, change an address; the caller then recomputes. */
  async function deleteRenumberAndChangeIp(orgId: string): Promise<void> {
    await tamper(database, [
      ['delete from events where org_id = $1 and sequence = 4', [orgId]],
      ['update events set sequence = sequence - 1 where org_id = $1 and sequence > 4', [orgId]],
      ["update events set ip = '198.51.100.7' where org_id = $1 and sequence = 2", [orgId]],
    ]);
  }

  it.each([
    ['with the unkeyed v0.2.0 formula, rows left as keyed', { formula: 'unkeyed-keep-version' as const }, 'hash_mismatch'],
    [
      'with the unkeyed v0.2.0 formula, rows passed off as v0.2.0 rows',
      { formula: 'unkeyed-as-legacy' as const },
      'legacy_format',
    ],
    ['with the right formula but a key of their own', { formula: 'keyed' as const, key: testHashing().key }, 'hash_mismatch'],
  ])('detects the probe attack (delete, renumber, change an ip, recompute every hash) %s', async (_how, rehash, reason) => {
    const orgId = await chainOf(database, hashing, 8);
    await deleteRenumberAndChangeIp(orgId);
    await rehashChain(database, orgId, rehash);
    // The rewritten chain is consistent in itself: links, sequence numbers and head all agree ...
    const rows = await database.orm.select().from(events).where(eq(events.orgId, orgId));
    expect(rows.map((row) => row.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // ... yet without the key it cannot pass, even with no checkpoint to compare against.
    expect(await verifyChain(database.orm, orgId, hashing)).toMatchObject({
      status: 'broken',
      valid: false,
      firstBrokenSequence: 1,
      reason,
    });
  });

  it('seals the head with a signed checkpoint, and compares the chain with it', async () => {
    const orgId = await chainOf(database, hashing, 3);
    const first = await seal(orgId);
    expect(first.result).toMatchObject({ valid: true, head: { sequence: 3 } });
    expect(first.written).toHaveLength(1);
    const lines = await readCheckpoints(folder, orgId);
    expect(lines).toHaveLength(1);
    expect(lines[0].checkpoint).toMatchObject({ orgId, sequence: 3, hash: first.result.head.hash, legacy: false });
    // Nothing new: no new checkpoint. Two more events: one more, found by checking only the new rows.
    expect((await seal(orgId)).written).toHaveLength(0);
    await chainOf(database, hashing, 2, orgId);
    const third = await seal(orgId);
    expect(third.result.checked).toBe(3);
    expect(third.written.map((checkpoint) => checkpoint.sequence)).toEqual([5]);
    expect(await verify(orgId)).toMatchObject({ valid: true, checked: 5, checkpoints: 2, latestCheckpoint: { sequence: 5 } });
  });

  it('detects a tail truncated after a checkpoint, even with the chain head moved back to match', async () => {
    const orgId = await chainOf(database, hashing, 6);
    await seal(orgId);
    const [fourth] = await database.orm
      .select({ hash: events.hash })
      .from(events)
      .where(eq(events.orgId, orgId))
      .orderBy(events.sequence)
      .offset(3)
      .limit(1);
    await tamper(database, [
      ['delete from events where org_id = $1 and sequence > 4', [orgId]],
      ['update event_chain_heads set last_sequence = 4, last_hash = $1 where org_id = $2', [fourth.hash, orgId]],
    ]);
    // The database alone looks whole; the checkpoint outside it does not agree.
    expect(await verifyChain(database.orm, orgId, hashing)).toMatchObject({ valid: true, checked: 4 });
    expect(await verify(orgId)).toMatchObject({
      status: 'broken',
      checked: 4,
      firstBrokenSequence: 5,
      reason: 'checkpoint_truncated',
    });
    // And sealing refuses to vouch for it.
    expect((await seal(orgId)).written).toHaveLength(0);
  });

  it('refuses a checkpoint file whose line was edited, and answers "cannot verify" for one signed with another key', async () => {
    const orgId = await chainOf(database, hashing, 2);
    await seal(orgId);
    const file = checkpointFilePath(folder, orgId);
    const original = readFileSync(file, 'utf8');
    const forged = original.replace(/"sequence":2/, '"sequence":1');
    writeFileSync(file, forged);
    expect(await verify(orgId)).toMatchObject({ status: 'broken', reason: 'checkpoint_invalid', firstBrokenSequence: 1 });
    writeFileSync(file, `${original}not a checkpoint\n`);
    expect(await verify(orgId)).toMatchObject({ status: 'broken', reason: 'checkpoint_invalid' });
    writeFileSync(file, original);
    expect(await verify(orgId, testHashing())).toMatchObject({ status: 'unverifiable', valid: false, reason: 'key_mismatch' });
    expect(await verify(orgId)).toMatchObject({ status: 'valid' });
  });

  describe('rows written by v0.2.0 (unkeyed, hash version 1)', () => {
    it('still hashes them with the v0.2.0 formula (a vector computed by the v0.2.0 code)', () => {
      const row = {
        orgId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6c',
        sequence: 7,
        occurredAt: '2026-03-01T08:15:30.123000Z',
        actorId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a7d',
        actorName: '不在旧哈希内',
        type: 'proposal.filed',
        subjectType: 'proposal',
        subjectId: '42',
        summary: '立案：关于加强社区养老服务的提案',
        before: { state: 'submitted', nested: { b: 2, a: [1, '二', null] } },
        after: { state: 'filed', ratio: 0.5 },
        result: 'success',
        ip: null,
        requestId: null,
        hashAlgorithm: 'sha256',
        hashVersion: 1,
        hashKeyId: null,
        previousHash: 'ab'.repeat(32),
      };
      expect(legacyEventHash(row)).toBe('8140c2ca418d35ade7f0be02c3b2e18dffa59cd56eb614c4e0906edd259cf8a2');
      expect(legacyEventHash({ ...row, hashAlgorithm: 'sm3' })).toBe(
        '546b0f9b68fb51e56930981f1fc9c90ef7d9f8e5cfd95695e983ba0196907386',
      );
    });

    it('verify them once sealed, and go on with keyed rows after the upgrade', async () => {
      const orgId = await legacyChainOf(database, 5);
      // Unsealed legacy rows are not vouched for: anyone could have written them without a key.
      expect(await verify(orgId)).toMatchObject({ status: 'broken', firstBrokenSequence: 1, reason: 'legacy_format' });
      const sealed = await seal(orgId);
      expect(sealed.result).toMatchObject({ valid: true, legacyHead: { sequence: 5 } });
      expect(sealed.written).toMatchObject([{ sequence: 5, legacy: true }]);
      await chainOf(database, hashing, 3, orgId);
      expect(await verify(orgId)).toMatchObject({ valid: true, checked: 8, head: { sequence: 8 } });
      const rows = await database.orm.select().from(events).where(eq(events.orgId, orgId)).orderBy(events.sequence);
      expect(rows.map((row) => row.hashVersion)).toEqual([1, 1, 1, 1, 1, 2, 2, 2]);
    });

    it('seal the legacy head apart when a new folder first sees a chain that already went on keyed', async () => {
      const orgId = await legacyChainOf(database, 4);
      await chainOf(database, hashing, 2, orgId);
      const sealed = await seal(orgId);
      expect(sealed.written.map((checkpoint) => [checkpoint.sequence, checkpoint.legacy])).toEqual([
        [4, true],
        [6, false],
      ]);
      expect(await verify(orgId)).toMatchObject({ valid: true, checked: 6 });
    });

    it('detect legacy rows rewritten after the seal, even when rehashed with the old formula', async () => {
      const orgId = await legacyChainOf(database, 5);
      await seal(orgId);
      await chainOf(database, hashing, 2, orgId);
      await tamper(database, [
        ["update events set ip = '203.0.113.1', summary = '改写' where org_id = $1 and sequence = 2", [orgId]],
      ]);
      await rehashChain(database, orgId, { formula: 'unkeyed-as-legacy' });
      expect(await verify(orgId)).toMatchObject({ valid: false, firstBrokenSequence: 5, reason: 'checkpoint_mismatch' });
    });

    it('detect keyed rows turned into legacy ones (a downgrade to avoid the key)', async () => {
      const orgId = await legacyChainOf(database, 3);
      await seal(orgId);
      await chainOf(database, hashing, 3, orgId);
      // Only the rows after the legacy seal are rewritten, in the old format: the sealed part stays identical.
      await rehashChain(database, orgId, { formula: 'unkeyed-as-legacy' });
      expect(await verify(orgId)).toMatchObject({ valid: false, firstBrokenSequence: 4, reason: 'legacy_format' });
    });

    it('refuse a legacy row after a keyed one', async () => {
      const orgId = await legacyChainOf(database, 2);
      await seal(orgId);
      await chainOf(database, hashing, 2, orgId);
      await tamper(database, [['update events set hash_version = 1 where org_id = $1 and sequence = 4', [orgId]]]);
      expect(await verify(orgId)).toMatchObject({ valid: false, firstBrokenSequence: 4 });
    });
  });

  it('keeps one file per committee, one JSON line per checkpoint, owner-only', async () => {
    const orgId = await chainOf(database, hashing, 1);
    await seal(orgId);
    const file = checkpointFilePath(folder, orgId);
    const { statSync } = await import('node:fs');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const lines = parseCheckpoints(readFileSync(file, 'utf8'));
    expect(lines[0].checkpoint).toMatchObject({ format: 'cppcc-audit-checkpoint/1', algorithm: 'sha256' });
    expect(() => checkpointFilePath(folder, '../../etc/passwd')).toThrow();
  });
});
