/**
 * The current session's key rates for leaders and supervisors (decision 0017): one call of the statistics module's
 * `computeStatistics` (the figures of the 统计分析 page, computed once per state of the data), kept here for a few
 * minutes so that a leader's home page does not recompute the session after every change in the committee (at
 * 100k proposals that costs ~180 ms; see docs/benchmarks.md). The card says when its figures were taken.
 */
import { type RateKey, rateKeys, type Statistics } from '../../../../contracts/statistics.ts';
import { rateDefinitions } from '../../statistics/statistics.definitions.ts';
import { computeStatistics } from '../../statistics/statistics.queries.ts';
import type { WorkbenchProvider } from '../workbench.provider.ts';
import { workbenchCard } from '../workbench.provider.ts';

/** How long the workbench reuses a session's figures before asking the statistics again. */
export const FIGURES_REUSE_MS = 5 * 60_000;
const MAX_ENTRIES = 200;
const recent = new Map<string, { statistics: Statistics; takenAt: Date }>();

/** The order of the rates on the card: the handling rates first, filing last. */
const shownRates: readonly RateKey[] = ['replyRate', 'onTimeRate', 'satisfactionRate', 'contactRate', 'filingRate'];

/** The session's figures, from the last few minutes when they are that fresh. */
async function figuresOf(
  compute: () => Promise<Statistics>,
  key: string,
  now: Date,
): Promise<{ statistics: Statistics; takenAt: Date }> {
  const found = recent.get(key);
  if (found && now.getTime() - found.takenAt.getTime() < FIGURES_REUSE_MS && now >= found.takenAt) return found;
  const entry = { statistics: await compute(), takenAt: now };
  recent.set(key, entry);
  if (recent.size > MAX_ENTRIES) recent.delete(recent.keys().next().value as string);
  return entry;
}

/** Forgets the reused figures (tests and the benchmark measure the computation with it). */
export function clearWorkbenchFigures(): void {
  recent.clear();
}

/** HH:mm of an instant in a time zone. */
function clockOf(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(instant);
}

/** The rates card of the current session (none without a current session). */
export const statisticsWorkbench: WorkbenchProvider = {
  id: 'statistics',
  roles: ['leader', 'supervisor'],
  async count(executor, actor, context) {
    const session = context.currentSession;
    if (!session) return [];
    const { statistics, takenAt } = await figuresOf(
      () => computeStatistics(executor, actor.orgId, session.id, 'none', context.now),
      `${actor.orgId}|${session.id}|${context.today}`,
      context.now,
    );
    const total = statistics.total;
    const definitionOf = (key: RateKey) => rateDefinitions.find((entry) => entry.key === key);
    return [
      workbenchCard('statistics', {
        key: 'session_rates',
        label: `${session.name}提案办理`,
        count: total.assigned,
        link: `/statistics?sessionId=${session.id}`,
        display: 'figures',
        hint: `交办 ${total.assigned} 件，已答复 ${total.replied} 件，逾期 ${total.overdue} 件（${clockOf(takenAt, context.timeZone)} 统计）`,
        tone: total.overdue > 0 ? 'warning' : 'normal',
        figures: shownRates
          .filter((key) => rateKeys.includes(key))
          .flatMap((key) => {
            const rate = total.rates[key];
            if (!rate) return [];
            return [
              {
                key,
                label: definitionOf(key)?.name ?? key,
                value: rate.value,
                numerator: rate.numerator,
                denominator: rate.denominator,
                definition: definitionOf(key)?.definition ?? '',
              },
            ];
          }),
      }),
    ];
  },
};
