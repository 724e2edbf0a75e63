/** The ECharts options of the statistics screen: 办复率/满意率 by group (bars) and the A/B/C shares (pie). */
import type { Statistics, StatisticsRow } from '../../../../contracts/statistics.ts';
import { classShares, ratePercent } from './rate-text.ts';

type Convert = (text: string) => string;

/** The colours of the charts (the app's blue and green; A/B/C green, amber, grey). */
const COLORS = { reply: '#1677ff', satisfaction: '#52c41a' };
const CLASS_COLORS = ['#52c41a', '#faad14', '#bfbfbf', '#13c2c2', '#722ed1'];

/** The rows a chart shows: the groups, or the session total when there is no grouping. */
export function chartRows(statistics: Statistics): StatisticsRow[] {
  return statistics.rows.length > 0 ? statistics.rows : [statistics.total];
}

/** A group name short enough for an axis label. */
export function shortName(name: string, max = 8): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

/** Bars of 办复率 and 满意率 (percent) for each group; the tooltip gives numerator/denominator too. */
export function rateBarOption(statistics: Statistics, t: Convert, fontSize: number, narrow: boolean) {
  const rows = chartRows(statistics);
  const names = rows.map((row) => t(row.name));
  const detail = rows.map((row) => ({
    reply: `${row.rates.replyRate.numerator}/${row.rates.replyRate.denominator}`,
    satisfaction: `${row.rates.satisfactionRate.numerator}/${row.rates.satisfactionRate.denominator}`,
  }));
  const textStyle = { fontSize };
  return {
    color: [COLORS.reply, COLORS.satisfaction],
    textStyle,
    legend: { top: 0, textStyle },
    tooltip: {
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
      textStyle,
      formatter: (params: unknown) => {
        const items = params as { dataIndex: number; seriesIndex: number; seriesName: string; value: number; marker: string }[];
        if (items.length === 0) return '';
        const index = items[0].dataIndex;
        const lines = items.map(
          (item) =>
            `${item.marker}${item.seriesName} ${item.value}%（${item.seriesIndex === 0 ? detail[index].reply : detail[index].satisfaction}）`,
        );
        return [names[index], ...lines].join('<br/>');
      },
    },
    grid: { left: 8, right: 16, top: fontSize * 3, bottom: 8, containLabel: true },
    xAxis: narrow
      ? { type: 'value' as const, max: 100, axisLabel: { formatter: '{value}%', fontSize } }
      : {
          type: 'category' as const,
          data: names.map((name) => shortName(name)),
          axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0, fontSize },
        },
    yAxis: narrow
      ? { type: 'category' as const, data: names.map((name) => shortName(name, 7)), inverse: true, axisLabel: { fontSize } }
      : { type: 'value' as const, max: 100, axisLabel: { formatter: '{value}%', fontSize } },
    series: [
      { name: t('办复率'), type: 'bar' as const, data: rows.map((row) => ratePercent(row.rates.replyRate)), barMaxWidth: 28 },
      {
        name: t('满意率'),
        type: 'bar' as const,
        data: rows.map((row) => ratePercent(row.rates.satisfactionRate)),
        barMaxWidth: 28,
      },
    ],
  };
}

/** A pie of the current replies by result class (A/B/C) of the session. */
export function classPieOption(statistics: Statistics, t: Convert, fontSize: number) {
  const shares = classShares(statistics.total, statistics.resultClasses);
  const textStyle = { fontSize };
  return {
    color: CLASS_COLORS,
    textStyle,
    tooltip: { trigger: 'item' as const, textStyle, formatter: '{b}<br/>{c} 件（{d}%）' },
    legend: { bottom: 0, textStyle, type: 'scroll' as const },
    series: [
      {
        name: t('答复类别'),
        type: 'pie' as const,
        radius: ['38%', '64%'],
        center: ['50%', '44%'],
        label: { formatter: '{b}：{c}', fontSize },
        data: shares.map((share) => ({ name: `${share.code}${t('类')}`, value: share.count })),
      },
    ],
  };
}
