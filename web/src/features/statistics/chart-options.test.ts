import { describe, expect, it } from 'vitest';
import type { Statistics, StatisticsRow } from '../../../../contracts/statistics.ts';
import { chartRows, classPieOption, rateBarOption, shortName } from './chart-options.ts';

const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});
const row = (name: string, replied: number, assigned: number): StatisticsRow =>
  ({
    key: name,
    name,
    classes: { A: 2, B: 1 },
    classified: 3,
    rates: {
      filingRate: null,
      replyRate: rate(replied, assigned),
      onTimeRate: rate(0, 0),
      satisfactionRate: rate(1, 2),
      contactRate: rate(0, 0),
    },
  }) as unknown as StatisticsRow;

const statistics = {
  total: row('十届五次会议', 3, 10),
  rows: [row('市教育局', 1, 2), row('市民政局', 0, 0)],
  resultClasses: [
    { code: 'A', name: '解决' },
    { code: 'B', name: '计划' },
    { code: 'C', name: '参考' },
  ],
} as unknown as Statistics;

const same = (text: string) => text;

describe('chart options', () => {
  it('charts the groups, or the total without grouping', () => {
    expect(chartRows(statistics).map((item) => item.name)).toEqual(['市教育局', '市民政局']);
    expect(chartRows({ ...statistics, rows: [] }).map((item) => item.name)).toEqual(['十届五次会议']);
  });

  it('puts 办复率 and 满意率 in percent, 0 when nothing was counted', () => {
    const option = rateBarOption(statistics, same, 14, false);
    expect(option.series[0].data).toEqual([50, 0]);
    expect(option.series[1].data).toEqual([50, 50]);
  });

  it('lays the bars sideways on a phone', () => {
    const option = rateBarOption(statistics, same, 14, true);
    expect(option.yAxis).toMatchObject({ type: 'category' });
  });

  it('pies the total by class, every class present', () => {
    const option = classPieOption(statistics, same, 14);
    expect(option.series[0].data).toEqual([
      { name: 'A类', value: 2 },
      { name: 'B类', value: 1 },
      { name: 'C类', value: 0 },
    ]);
  });

  it('shortens long names', () => {
    expect(shortName('市住房和城乡建设局', 8)).toBe('市住房和城乡建…');
    expect(shortName('市教育局')).toBe('市教育局');
  });
});
