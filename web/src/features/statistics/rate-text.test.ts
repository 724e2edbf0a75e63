import { describe, expect, it } from 'vitest';
import type { StatisticsRow } from '../../../../contracts/statistics.ts';
import { classShares, definitionOf, percentText, ratePercent, rateText } from './rate-text.ts';

const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 10000,
});

describe('rate text', () => {
  it('writes the rate with numerator and denominator', () => {
    expect(rateText(rate(6, 7))).toBe('85.7%（6/7）');
    expect(rateText(rate(7, 7))).toBe('100.0%（7/7）');
    expect(rateText(rate(0, 3))).toBe('0.0%（0/3）');
  });

  it('shows a dash when nothing was counted, still with 0/0', () => {
    expect(rateText(rate(0, 0))).toBe('—（0/0）');
    expect(percentText(rate(0, 0))).toBe('—');
  });

  it('shows a dash for a rate that does not apply (units have no filing rate)', () => {
    expect(rateText(null)).toBe('—');
    expect(percentText(undefined)).toBe('—');
  });

  it('gives charts a percentage with one decimal', () => {
    expect(ratePercent(rate(6, 7))).toBe(85.7);
    expect(ratePercent(rate(0, 0))).toBe(0);
    expect(ratePercent(null)).toBe(0);
  });
});

describe('class shares', () => {
  const row = { classes: { A: 3, C: 1 }, classified: 4 } as unknown as StatisticsRow;
  const classes = [
    { code: 'A', name: '所提问题已经解决或基本解决' },
    { code: 'B', name: '列入计划拟解决' },
    { code: 'C', name: '因条件限制留作参考' },
  ];

  it('keeps the committee order and counts missing classes as 0', () => {
    const shares = classShares(row, classes);
    expect(shares.map((item) => [item.code, item.count])).toEqual([
      ['A', 3],
      ['B', 0],
      ['C', 1],
    ]);
    expect(rateText(shares[0].rate)).toBe('75.0%（3/4）');
  });

  it('has no share when nothing was classified', () => {
    const empty = { classes: {}, classified: 0 } as unknown as StatisticsRow;
    expect(rateText(classShares(empty, classes)[0].rate)).toBe('—（0/0）');
  });

  it('finds a definition by key', () => {
    expect(definitionOf([{ key: 'replyRate', definition: '已答复数 ÷ 交办数' }], 'replyRate')).toBe('已答复数 ÷ 交办数');
    expect(definitionOf([], 'replyRate')).toBeNull();
  });
});
