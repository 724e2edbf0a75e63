import type { Rate, RateKey, StatisticsRow } from '../../../contracts/statistics.ts';

/** The definitions shown beside the figures (always with numerator and denominator). */
export const rateDefinitions: { key: RateKey | 'classShare' | 'overdue'; name: string; definition: string }[] = [
  { key: 'filingRate', name: '立案率', definition: '立案数 ÷ 提交数（提交后撤回的不计）' },
  { key: 'replyRate', name: '办复率', definition: '已答复数 ÷ 交办数（各承办单位均已答复的提案；按单位统计时为该单位的交办件）' },
  {
    key: 'onTimeRate',
    name: '按期办复率',
    definition: '在答复期限（含批准的延期）内首次答复的 ÷ 交办数',
  },
  {
    key: 'satisfactionRate',
    name: '满意率',
    definition: '（满意 + 基本满意）÷ 已评价数；以每位提案人对现行答复的最终评价计，二次办理前的评价不计',
  },
  { key: 'contactRate', name: '见面率', definition: '答复前与提案人至少沟通一次（走访、座谈、电话）的 ÷ 交办数' },
  { key: 'classShare', name: '答复类别占比', definition: '各类（A/B/C）现行答复数 ÷ 现行答复总数' },
  { key: 'overdue', name: '逾期未办复', definition: '到统计日已过答复期限仍未答复的' },
];

/** A rate of two counts; the value is null when nothing was counted (never a division by zero). */
export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 10000 };
}

/** The counts of one group, as the queries return them. */
export type GroupCounts = Omit<StatisticsRow, 'rates'>;

/** A row with its rates computed from its counts (the filing rate only where proposals are counted). */
export function withRates(counts: GroupCounts): StatisticsRow {
  return {
    ...counts,
    rates: {
      filingRate: counts.submitted === null || counts.filed === null ? null : rate(counts.filed, counts.submitted),
      replyRate: rate(counts.replied, counts.assigned),
      onTimeRate: rate(counts.repliedOnTime, counts.assigned),
      satisfactionRate: rate(counts.satisfied + counts.basicallySatisfied, counts.rated),
      contactRate: rate(counts.contacted, counts.assigned),
    },
  };
}

/** The proposer types: a member alone, members jointly (accepted co-signers), or a collective author. */
export const proposerTypeNames: Record<string, string> = { single: '委员个人', joint: '委员联名', collective: '集体' };
