import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/columns.ts';
import type { Database } from '../../platform/db/database.ts';
import { openTestDatabase } from '../../test/test-app.ts';
import { formatProposalNumber, proposalNumberLabel, takeNextProposalNumber } from './proposals.numbering.ts';

describe('proposal numbers: display form', () => {
  it.each([
    [1, '0001'],
    [20, '0020'],
    [999, '0999'],
    [9999, '9999'],
    [10000, '10000'],
  ])('shows sequence %i as %s', (sequence, number) => {
    expect(formatProposalNumber(sequence)).toBe(number);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses sequence %s', (sequence) => {
    expect(() => formatProposalNumber(sequence)).toThrow(RangeError);
  });

  it('reads as 第0001号 in messages', () => {
    expect(proposalNumberLabel(formatProposalNumber(1))).toBe('第0001号');
  });
});

describe('proposal numbers: the locked per-session counter', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  /** Takes one number in its own transaction. */
  const take = (orgId: string, sessionId: string) =>
    database.orm.transaction((tx) => takeNextProposalNumber(tx, orgId, sessionId));

  it('starts every session at 0001, apart from other sessions and committees', async () => {
    const [orgId, otherOrgId, sessionId, otherSessionId] = [newId(), newId(), newId(), newId()];
    expect(await take(orgId, sessionId)).toEqual({ sequence: 1, number: '0001' });
    expect(await take(orgId, sessionId)).toEqual({ sequence: 2, number: '0002' });
    expect((await take(orgId, otherSessionId)).number).toBe('0001');
    expect((await take(otherOrgId, sessionId)).number).toBe('0001');
    expect((await take(orgId, sessionId)).number).toBe('0003');
  });

  it('gives a number back when the transaction that took it rolls back (no gaps)', async () => {
    const [orgId, sessionId] = [newId(), newId()];
    await take(orgId, sessionId);
    await expect(
      database.orm.transaction(async (tx) => {
        await takeNextProposalNumber(tx, orgId, sessionId);
        throw new Error('filing failed after taking the number');
      }),
    ).rejects.toThrow('filing failed');
    expect((await take(orgId, sessionId)).number).toBe('0002');
  });

  it('gives 20 concurrent transactions 20 distinct numbers without gaps, also on a fresh counter', async () => {
    const [orgId, sessionId] = [newId(), newId()];
    const taken = await Promise.all(Array.from({ length: 20 }, () => take(orgId, sessionId)));
    const sequences = taken.map((result) => result.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });
});
