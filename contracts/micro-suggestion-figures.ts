/**
 * Micro-suggestion figures: the statistics, the public portal's shapes and the small values both share with
 * contracts/micro-suggestions.ts (which re-exports everything here, so importers use either).
 */
import { z } from 'zod';
import { pageOf, pageQuerySchema } from './common.ts';

/** How an accepted micro-suggestion is handled: by one unit (转交), or by the member (委员领办). */
export const handlingModes = ['unit', 'member'] as const;
export type HandlingMode = (typeof handlingModes)[number];
export const handlingModeNames: Record<HandlingMode, string> = { unit: '转交承办单位', member: '委员领办' };

/** A month, YYYY-MM. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM' });

// ───────────────────────────── statistics ─────────────────────────────

export const microGroupings = ['none', 'unit', 'place', 'category', 'month'] as const;
export type MicroGrouping = (typeof microGroupings)[number];
export const microGroupingNames: Record<MicroGrouping, string> = {
  none: '全部',
  unit: '承办单位',
  place: '街道（社区）',
  category: '领域',
  month: '月份',
};

/** Query of the statistics: a span of months by submission (default: this year) and the grouping. */
export const microStatisticsQuerySchema = z.object({
  from: monthSchema.optional(),
  to: monthSchema.optional(),
  groupBy: z.enum(microGroupings, { error: `分组应为 ${microGroupings.join('、')} 之一` }).default('none'),
});
export type MicroStatisticsQuery = z.output<typeof microStatisticsQuerySchema>;

const rate = z.object({ numerator: z.number().int(), denominator: z.number().int(), value: z.number().nullable() });

/** One row of the statistics, with each rate's numerator and denominator. */
export const microStatisticsRowSchema = z.object({
  key: z.string().nullable(),
  name: z.string(),
  /** Submitted (not drafts). */
  raised: z.number().int(),
  /** Accepted, whatever came after (transferred, taken on, replied, resolved). */
  accepted: z.number().int(),
  declined: z.number().int(),
  /** Transferred to a unit. */
  transferred: z.number().int(),
  /** Taken on by the member (委员领办). */
  takenOn: z.number().int(),
  /** Units' first-round replies sent. */
  replied: z.number().int(),
  /** Replied on or before the assignment's due date. */
  repliedOnTime: z.number().int(),
  /** Not replied and past the due date now. */
  overdue: z.number().int(),
  resolved: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  dissatisfied: z.number().int(),
  /** Mean calendar days from submission to resolution, of the resolved ones (null when none). */
  averageDaysToResolve: z.number().nullable(),
  rates: z.object({
    acceptanceRate: rate,
    onTimeRate: rate,
    satisfactionRate: rate,
    resolutionRate: rate,
  }),
});
export type MicroStatisticsRow = z.infer<typeof microStatisticsRowSchema>;

export const microStatisticsSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(microGroupings),
  today: z.string(),
  total: microStatisticsRowSchema,
  rows: z.array(microStatisticsRowSchema),
  definitions: z.array(z.object({ key: z.string(), name: z.string(), definition: z.string() })),
});
export type MicroStatistics = z.infer<typeof microStatisticsSchema>;

// ───────────────────────────── portal (no login) ─────────────────────────────

/** A public photo: before (the member's) or after (the reply's, or the member's result). */
export const portalMicroPhotoSchema = z.object({ id: z.string(), kind: z.enum(['before', 'after']), url: z.string() });

/** A published micro-suggestion as the portal lists it. */
export const portalMicroSummarySchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  place: z.string(),
  memberNames: z.array(z.string()),
  /** The unit that handled it, or null when the member took it on. */
  unitName: z.string().nullable(),
  handlingMode: z.enum(handlingModes),
  submittedOn: z.string(),
  resolvedOn: z.string(),
  publishedAt: z.string(),
  /** The first before photo and the first after photo, for the list's thumbnails. */
  beforePhoto: portalMicroPhotoSchema.nullable(),
  afterPhoto: portalMicroPhotoSchema.nullable(),
});
export const portalMicroPageSchema = pageOf(portalMicroSummarySchema);

/** A published micro-suggestion: the redacted texts and every public photo. */
export const portalMicroSchema = portalMicroSummarySchema.extend({
  problem: z.string(),
  suggestion: z.string(),
  /** The unit's reply, or the member's report of the result (redacted). */
  reply: z.string(),
  photos: z.array(portalMicroPhotoSchema),
});
export type PortalMicro = z.infer<typeof portalMicroSchema>;

export const portalMicroListQuerySchema = pageQuerySchema.extend({
  org: z.string().trim().min(1, { error: '请指定政协（org）' }).max(64),
  /** Part of the place text. */
  place: z.string().trim().max(50, { error: '地点不能超过 50 个字符' }).optional(),
});
export const portalMicroOrgQuerySchema = z.object({
  org: z.string().trim().min(1, { error: '请指定政协（org）' }).max(64),
  /** Counts of one year (by submission); all years when absent. */
  year: z.coerce.number().int().min(2000, { error: '年份不正确' }).max(2100, { error: '年份不正确' }).optional(),
});

/** The portal's counts: raised, resolved, average days to resolve (submission to resolution), published. */
export const portalMicroCountsSchema = z.object({
  year: z.number().int().nullable(),
  raised: z.number().int(),
  resolved: z.number().int(),
  averageDaysToResolve: z.number().nullable(),
  published: z.number().int(),
});
export type PortalMicroCounts = z.infer<typeof portalMicroCountsSchema>;
