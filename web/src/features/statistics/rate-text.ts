/** How the statistics screen writes its figures: a rate with its numerator and denominator, class shares. */
import type { Rate, RateKey, StatisticsRow } from '../../../../contracts/statistics.ts';

/** The rate cards in the order the office reads them, with their names. */
export const rateCards: { key: RateKey; name: string }[] = [
  { key: 'filingRate', name: '立案率' },
  { key: 'replyRate', name: '办复率' },
  { key: 'onTimeRate', name: '按期办复率' },
  { key: 'satisfactionRate', name: '满意率' },
  { key: 'contactRate', name: '见面率' },
];

/** "85.7%" of a rate; "—" when nothing was counted (denominator 0) or the rate does not apply. */
export function percentText(rate: Rate | null | undefined, digits = 1): string {
  if (!rate || rate.denominator === 0 || rate.value === null) return '—';
  return `${(rate.value * 100).toFixed(digits)}%`;
}

/** "85.7%（6/7）": the rate with its numerator and denominator; "—" when the rate does not apply to the group. */
export function rateText(rate: Rate | null | undefined, digits = 1): string {
  if (!rate) return '—';
  return `${percentText(rate, digits)}（${rate.numerator}/${rate.denominator}）`;
}

/** The rate as a percentage number for a chart (0 when nothing was counted). */
export function ratePercent(rate: Rate | null | undefined): number {
  if (!rate || rate.value === null || rate.denominator === 0) return 0;
  return Math.round(rate.value * 1000) / 10;
}

/** One result class of a row: its count and share of the classified replies. */
export type ClassShare = { code: string; name: string; count: number; rate: Rate };

/** The A/B/C shares of a row, in the committee's class order; classes the row lacks count 0. */
export function classShares(row: StatisticsRow, classes: { code: string; name: string }[]): ClassShare[] {
  return classes.map((item) => {
    const count = row.classes[item.code] ?? 0;
    const denominator = row.classified;
    return {
      code: item.code,
      name: item.name,
      count,
      rate: { numerator: count, denominator, value: denominator === 0 ? null : count / denominator },
    };
  });
}

/** The definition of a figure from the server's list, or null. */
export function definitionOf(definitions: { key: string; definition: string }[], key: string): string | null {
  return definitions.find((item) => item.key === key)?.definition ?? null;
}
