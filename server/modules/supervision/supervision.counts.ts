import type { BoardPage } from '../../../contracts/supervision.ts';

/**
 * The board's counts by light computed once per state of the committee's data: every change to an assignment, a
 * reply or an item is an event in the same transaction, so the committee's event-chain head (its last sequence)
 * names the state; with it, the filters and the business date unchanged, the counts are too (the statistics cache
 * works the same way, statistics.cache.ts). Each app process holds its own; bounded, the oldest entries go.
 */
const MAX_ENTRIES = 500;
const entries = new Map<string, BoardPage['counts']>();

/** The counts for the key, computed by `compute` when the data, the filters or the day changed. */
export async function cachedBoardCounts(
  key: { orgId: string; filters: string; today: string; version: number },
  compute: () => Promise<BoardPage['counts']>,
): Promise<BoardPage['counts']> {
  const name = `${key.orgId}|${key.filters}|${key.today}|${key.version}`;
  const found = entries.get(name);
  if (found) return { ...found };
  const counts = await compute();
  entries.set(name, counts);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return { ...counts };
}

/** Forgets every cached count (the benchmark measures the computation itself with it). */
export function clearBoardCounts(): void {
  entries.clear();
}
