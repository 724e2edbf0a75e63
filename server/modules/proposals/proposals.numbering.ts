import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/database.ts';
import { proposalNumberCounters } from './proposals.tables.ts';

/** Digits of the display form of a proposal number: 第0001号. Larger numbers simply grow longer. */
export const PROPOSAL_NUMBER_DIGITS = 4;

/** The display form of a session's n-th proposal number: 1 → "0001", 12345 → "12345". */
export function formatProposalNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`invalid proposal sequence ${sequence}`);
  return String(sequence).padStart(PROPOSAL_NUMBER_DIGITS, '0');
}

/** How the number reads in messages and documents: 第0001号. */
export function proposalNumberLabel(number: string): string {
  return `第${number}号`;
}

/**
 * Takes the next number of a session inside the caller's transaction: creates the session's counter row if it is
 * missing, locks it FOR UPDATE and increments it. Concurrent filings queue on the lock, and a transaction that
 * rolls back gives its number back, so numbers stay unique and gapless.
 */
export async function takeNextProposalNumber(
  tx: Transaction,
  orgId: string,
  sessionId: string,
): Promise<{ sequence: number; number: string }> {
  await tx.insert(proposalNumberCounters).values({ orgId, sessionId, lastNumber: 0 }).onConflictDoNothing();
  const where = and(eq(proposalNumberCounters.orgId, orgId), eq(proposalNumberCounters.sessionId, sessionId));
  const [counter] = await tx.select().from(proposalNumberCounters).where(where).for('update');
  const sequence = counter.lastNumber + 1;
  await tx.update(proposalNumberCounters).set({ lastNumber: sequence }).where(where);
  return { sequence, number: formatProposalNumber(sequence) };
}
