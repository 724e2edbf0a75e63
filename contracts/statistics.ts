import { z } from 'zod';
import { idSchema } from './common.ts';

/** How the statistics of a session are broken down. */
export const statisticsGroupings = ['none', 'unit', 'category', 'sector', 'party', 'proposerType'] as const;
export type StatisticsGrouping = (typeof statisticsGroupings)[number];
export const groupingNames: Record<StatisticsGrouping, string> = {
  none: '全部',
  unit: '承办单位',
  category: '提案类别',
  sector: '界别',
  party: '党派',
  proposerType: '提案人类型',
};

/** The rates, each with its numerator and denominator. */
export const rateKeys = ['filingRate', 'replyRate', 'onTimeRate', 'satisfactionRate', 'contactRate'] as const;
export type RateKey = (typeof rateKeys)[number];

/** A rate as stored and shown: numerator / denominator, and the value (null when the denominator is 0). */
export const rateSchema = z.object({ numerator: z.number().int(), denominator: z.number().int(), value: z.number().nullable() });
export type Rate = z.infer<typeof rateSchema>;

/** One row of the statistics: a group (or the whole session) and its figures. */
export const statisticsRowSchema = z.object({
  key: z.string().nullable(),
  name: z.string(),
  /** Proposals handed in (not withdrawn); null for units (they count assignments). */
  submitted: z.number().int().nullable(),
  filed: z.number().int().nullable(),
  assigned: z.number().int(),
  replied: z.number().int(),
  repliedOnTime: z.number().int(),
  contacted: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  dissatisfied: z.number().int(),
  /** Current replies by result class code (A/B/C…). */
  classes: z.record(z.string(), z.number().int()),
  classified: z.number().int(),
  /** Not replied and past the due date now. */
  overdue: z.number().int(),
  rates: z.object({
    filingRate: rateSchema.nullable(),
    replyRate: rateSchema,
    onTimeRate: rateSchema,
    satisfactionRate: rateSchema,
    contactRate: rateSchema,
  }),
});
export type StatisticsRow = z.infer<typeof statisticsRowSchema>;

/** Query of the statistics. */
export const statisticsQuerySchema = z.object({
  sessionId: idSchema,
  groupBy: z.enum(statisticsGroupings, { error: `分组应为 ${statisticsGroupings.join('、')} 之一` }).default('none'),
});

/** The statistics of a session: the total, the rows by group, and the definitions shown beside the figures. */
export const statisticsSchema = z.object({
  sessionId: z.string(),
  sessionName: z.string(),
  groupBy: z.enum(statisticsGroupings),
  today: z.string(),
  total: statisticsRowSchema,
  rows: z.array(statisticsRowSchema),
  resultClasses: z.array(z.object({ code: z.string(), name: z.string() })),
  definitions: z.array(z.object({ key: z.string(), name: z.string(), definition: z.string() })),
});
export type Statistics = z.infer<typeof statisticsSchema>;

/** The portal's session statistics: the total only, without personal data. */
export const portalStatisticsSchema = statisticsSchema.pick({
  sessionId: true,
  sessionName: true,
  total: true,
  resultClasses: true,
  definitions: true,
});
