import { eq } from 'drizzle-orm';
import type { Statistics, StatisticsGrouping } from '../../../contracts/statistics.ts';
import type { Executor } from '../../platform/db/database.ts';
import { eventChainHeads } from '../../platform/events/events.tables.ts';

/**
 * The statistics of a session computed once per state of the committee's data. Every change is an event in the
 * same transaction, so the committee's event-chain head (its last sequence) names the state: while it and the
 * business date are unchanged, the figures are too, and a repeated request is answered from memory (each app
 * process holds its own; the first request after any change computes afresh). Bounded: the oldest entries go.
 */
const MAX_ENTRIES = 200;
const entries = new Map<string, Statistics>();

/** The committee's last event sequence (0 before its first event). */
export async function dataVersion(executor: Executor, orgId: string): Promise<number> {
  const [head] = await executor
    .select({ lastSequence: eventChainHeads.lastSequence })
    .from(eventChainHeads)
    .where(eq(eventChainHeads.orgId, orgId));
  return Number(head?.lastSequence ?? 0);
}

/** The figures for the key, computed by `compute` when the data changed since they were last computed. */
export async function cachedStatistics(
  key: { orgId: string; sessionId: string; groupBy: StatisticsGrouping; today: string; version: number },
  compute: () => Promise<Statistics>,
): Promise<Statistics> {
  const name = `${key.orgId}|${key.sessionId}|${key.groupBy}|${key.today}|${key.version}`;
  const found = entries.get(name);
  if (found) return found;
  const statistics = await compute();
  entries.set(name, statistics);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return statistics;
}

/** Forgets every cached figure (the benchmark measures the computation itself with it). */
export function clearStatisticsCache(): void {
  entries.clear();
}
