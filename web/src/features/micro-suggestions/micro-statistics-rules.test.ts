import { describe, expect, it } from 'vitest';
import type { MicroStatistics, MicroStatisticsRow } from '../../../../contracts/micro-suggestions.ts';
import {
  averageDaysText,
  headlineFigures,
  raisedResolvedOption,
  ratePercentText,
  rateWithCounts,
  yearToDate,
} from './micro-statistics-rules.ts';

const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

function row(name: string, raised: number, resolved: number): MicroStatisticsRow {
  return {
    key: name,
    name,
    raised,
    accepted: raised,
    declined: 0,
    transferred: raised,
    takenOn: 0,
    replied: resolved,
    repliedOnTime: resolved,
    overdue: 1,
    resolved,
    rated: resolved,
    satisfied: resolved,
    basicallySatisfied: 0,
    dissatisfied: 0,
    averageDaysToResolve: resolved ? 6.25 : null,
    rates: {
      acceptanceRate: rate(raised, raised),
      onTimeRate: rate(resolved, raised),
      satisfactionRate: rate(resolved, resolved),
      resolutionRate: rate(resolved, raised),
    },
  };
}

describe('the statistics figures', () => {
  it('writes a rate with its counts, and a dash when nothing was counted', () => {
    expect(ratePercentText(rate(6, 7))).toBe('85.7%');
    expect(rateWithCounts(rate(6, 7))).toBe('85.7%（6/7）');
    expect(rateWithCounts(rate(0, 0))).toBe('—');
    expect(averageDaysText(6.25)).toBe('6.3 天');
    expect(averageDaysText(null)).toBe('—');
  });

  it('lists the headline figures in reading order', () => {
    const figures = headlineFigures(row('全部', 8, 6));
    expect(figures.map((figure) => figure.name)).toEqual(['提出', '受理率', '办结率', '按期答复率', '满意率', '平均办结天数']);
    expect(figures[0]).toMatchObject({ value: '8' });
    expect(figures[2]).toMatchObject({ value: '75.0%', detail: '6/8' });
    expect(figures[5]).toMatchObject({ value: '6.3 天', detail: '逾期未答复 1' });
  });

  it('asks for this year up to this month by default', () => {
    expect(yearToDate('2026-05-17')).toEqual({ from: '2026-01', to: '2026-05' });
  });

  it('charts the largest groups first, and months in order', () => {
    const base = { from: '2026-01', to: '2026-05', today: '2026-05-17', total: row('全部', 9, 5), definitions: [] };
    const byUnit: MicroStatistics = {
      ...base,
      groupBy: 'unit',
      rows: [row('住建局', 2, 1), row('城管局', 5, 3), row('无', 0, 0)],
    };
    const option = raisedResolvedOption(byUnit, (text) => text, 14);
    expect(option.xAxis.data).toEqual(['城管局', '住建局']);
    expect(option.series[0].data).toEqual([5, 2]);
    expect(option.series[1].data).toEqual([3, 1]);
    const byMonth: MicroStatistics = { ...base, groupBy: 'month', rows: [row('2026-03', 1, 0), row('2026-01', 4, 4)] };
    expect(raisedResolvedOption(byMonth, (text) => text, 14).xAxis.data).toEqual(['2026-01', '2026-03']);
  });
});
