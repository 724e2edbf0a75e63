/**
 * How the micro-suggestion statistics read: the headline figures of the total (each rate with its numerator and
 * denominator), the bar chart of raised and resolved by group, and the span of months the page asks for.
 */
import type { MicroStatistics, MicroStatisticsRow } from '../../../../contracts/micro-suggestions.ts';

type Rate = MicroStatisticsRow['rates']['acceptanceRate'];

/** "85.7%" of a rate; "—" when nothing was counted. */
export function ratePercentText(rate: Rate | null | undefined, digits = 1): string {
  if (!rate || rate.denominator === 0 || rate.value === null) return '—';
  return `${(rate.value * 100).toFixed(digits)}%`;
}

/** "85.7%（6/7）"; "—" when nothing was counted. */
export function rateWithCounts(rate: Rate | null | undefined): string {
  if (!rate || rate.denominator === 0 || rate.value === null) return '—';
  return `${ratePercentText(rate)}（${rate.numerator}/${rate.denominator}）`;
}

/** "3.5 天"; "—" when nothing was resolved. */
export function averageDaysText(days: number | null | undefined): string {
  if (days === null || days === undefined || Number.isNaN(days)) return '—';
  return `${days.toFixed(1)} 天`;
}

/** A headline figure: its name, the value, the counts under it, the definition key. */
export type HeadlineFigure = { key: string; name: string; value: string; detail: string };

/** The headline figures of a row, in the order the office reads them. */
export function headlineFigures(row: MicroStatisticsRow): HeadlineFigure[] {
  const counts = (rate: Rate) => (rate.denominator === 0 ? '' : `${rate.numerator}/${rate.denominator}`);
  return [
    { key: 'raised', name: '提出', value: String(row.raised), detail: `不予受理 ${row.declined}` },
    {
      key: 'acceptanceRate',
      name: '受理率',
      value: ratePercentText(row.rates.acceptanceRate),
      detail: counts(row.rates.acceptanceRate),
    },
    {
      key: 'resolutionRate',
      name: '办结率',
      value: ratePercentText(row.rates.resolutionRate),
      detail: counts(row.rates.resolutionRate),
    },
    {
      key: 'onTimeRate',
      name: '按期答复率',
      value: ratePercentText(row.rates.onTimeRate),
      detail: counts(row.rates.onTimeRate),
    },
    {
      key: 'satisfactionRate',
      name: '满意率',
      value: ratePercentText(row.rates.satisfactionRate),
      detail: counts(row.rates.satisfactionRate),
    },
    {
      key: 'averageDaysToResolve',
      name: '平均办结天数',
      value: averageDaysText(row.averageDaysToResolve),
      detail: `逾期未答复 ${row.overdue}`,
    },
  ];
}

/** The first and last month of this year up to now (YYYY-MM), as the page asks by default. */
export function yearToDate(today: string): { from: string; to: string } {
  const [year, month] = today.split('-');
  return { from: `${year}-01`, to: `${year}-${month}` };
}

/** Bars of raised and resolved by group (the largest groups first, at most `limit`). */
export function raisedResolvedOption(statistics: MicroStatistics, t: (text: string) => string, fontSize: number, limit = 15) {
  const rows = [...statistics.rows]
    .filter((row) => row.raised > 0)
    .sort((a, b) => (statistics.groupBy === 'month' ? String(a.key).localeCompare(String(b.key)) : b.raised - a.raised))
    .slice(0, limit);
  const names = rows.map((row) => t(row.name));
  const textStyle = { fontSize };
  return {
    color: ['#b3181f', '#2f7d32'],
    textStyle,
    legend: { top: 0, textStyle },
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, textStyle },
    grid: { left: 8, right: 16, top: fontSize * 3, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category' as const,
      data: names.map((name) => (name.length > 8 ? `${name.slice(0, 7)}…` : name)),
      axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0, fontSize },
    },
    yAxis: { type: 'value' as const, minInterval: 1, axisLabel: { fontSize } },
    series: [
      { name: t('提出'), type: 'bar' as const, data: rows.map((row) => row.raised), barMaxWidth: 24 },
      { name: t('办结'), type: 'bar' as const, data: rows.map((row) => row.resolved), barMaxWidth: 24 },
    ],
  };
}
