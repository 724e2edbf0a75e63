import { z } from 'zod';
import { idSchema, text, workflowItemFields } from './common.ts';

/** An appraisal (民主评议) of units' handling: drafted, open for scoring, closed, results published. */
export const appraisalStates = ['draft', 'open', 'closed', 'published'] as const;
export type AppraisalState = (typeof appraisalStates)[number];
export const appraisalActions = ['open', 'close', 'publish'] as const;
export type AppraisalAction = (typeof appraisalActions)[number];

/** One criterion of the score form with its maximum points. */
export const criterionSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[a-z_]+$/, { error: '评分项代码只能用小写字母和下划线' }),
  name: z.string().trim().min(1).max(50),
  max: z.number().int().min(1).max(100),
});
export const defaultCriteria = [
  { key: 'attitude', name: '办理态度', max: 30 },
  { key: 'communication', name: '沟通协商', max: 30 },
  { key: 'result', name: '办理成效', max: 40 },
];

/** Body of a new appraisal. */
export const appraisalCreateSchema = z.object({
  title: text(200),
  sessionId: idSchema,
  /** key: units handling the session's key proposals; all: every unit handling the session's proposals. */
  scope: z.enum(['key', 'all'], { error: '评议范围应为 key（重点提案）或 all（全部）' }),
  minScores: z.number().int().min(1).max(500).default(5),
  criteria: z
    .array(criterionSchema)
    .min(1)
    .max(10)
    .default(() => defaultCriteria.map((item) => ({ ...item }))),
});

/** Body of one standing committee member's scores for one unit. */
export const scoreSubmitSchema = z.object({
  unitId: idSchema,
  scores: z.record(z.string(), z.number().int().min(0, { error: '分数不能为负' })),
  comment: z.string().trim().max(1000).optional(),
});

export const appraisalSchema = z.object({
  id: z.string(),
  title: z.string(),
  sessionId: z.string(),
  scope: z.enum(['key', 'all']),
  minScores: z.number().int(),
  criteria: z.array(criterionSchema),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), myTotal: z.number().nullable() })),
  stateName: z.string(),
  ...workflowItemFields,
});
export type Appraisal = z.infer<typeof appraisalSchema>;
export const appraisalListSchema = z.object({ items: z.array(appraisalSchema) });

/** One unit's result: scorers, the average total and per criterion, valid once enough members scored. */
export const appraisalResultSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  scorers: z.number().int(),
  average: z.number().nullable(),
  criteria: z.record(z.string(), z.number()),
  /** False while fewer than minScores members scored: no average is given. */
  valid: z.boolean(),
  rank: z.number().int().nullable(),
});
export const appraisalResultsSchema = z.object({
  appraisalId: z.string(),
  title: z.string(),
  state: z.string(),
  minScores: z.number().int(),
  items: z.array(appraisalResultSchema),
});
export type AppraisalResults = z.infer<typeof appraisalResultsSchema>;
