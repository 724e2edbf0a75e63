import type { Rate, Statistics, StatisticsRow } from '../../../contracts/statistics.ts';

/** A rate as the tables print it: "85.7%（6/7）", or "—" when nothing was counted. */
export function rateText(value: Rate | null): string {
  if (!value || value.value === null) return '—';
  return `${(value.value * 100).toFixed(1)}%（${value.numerator}/${value.denominator}）`;
}

/** The columns of the statistics table, for Excel and Word alike. */
export function statisticsColumns(statistics: Pick<Statistics, 'resultClasses' | 'groupBy'>): string[] {
  return [
    statistics.groupBy === 'none' ? '会议' : '分组',
    '提交',
    '立案',
    '立案率',
    '交办',
    '已答复',
    '办复率',
    '按期办复率',
    '满意率',
    '见面率',
    ...statistics.resultClasses.map((item) => `${item.code}类`),
    '逾期未办复',
  ];
}

/** One row of the statistics table. */
export function statisticsCells(row: StatisticsRow, statistics: Pick<Statistics, 'resultClasses'>): (string | number)[] {
  const share = (code: string) => {
    const count = row.classes[code] ?? 0;
    return row.classified === 0 ? '0' : `${count}（${((count / row.classified) * 100).toFixed(1)}%）`;
  };
  return [
    row.name,
    row.submitted ?? '—',
    row.filed ?? '—',
    rateText(row.rates.filingRate),
    row.assigned,
    row.replied,
    rateText(row.rates.replyRate),
    rateText(row.rates.onTimeRate),
    rateText(row.rates.satisfactionRate),
    rateText(row.rates.contactRate),
    ...statistics.resultClasses.map((item) => share(item.code)),
    row.overdue,
  ];
}
