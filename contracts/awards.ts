import { z } from 'zod';
import { idSchema, text } from './common.ts';

/** 优秀提案 and 先进承办单位, selected per year. */
export const awardKinds = ['excellent_proposal', 'model_unit'] as const;
export type AwardKind = (typeof awardKinds)[number];
export const awardKindNames: Record<AwardKind, string> = { excellent_proposal: '优秀提案', model_unit: '提案办理先进单位' };

export const awardCreateSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    kind: z.enum(awardKinds, { error: '表彰类型应为 excellent_proposal 或 model_unit' }),
    proposalId: idSchema.optional(),
    unitId: idSchema.optional(),
    citation: text(500).optional(),
  })
  .refine(
    (value) =>
      value.kind === 'excellent_proposal'
        ? Boolean(value.proposalId) && !value.unitId
        : Boolean(value.unitId) && !value.proposalId,
    {
      error: '优秀提案须指定提案（proposalId），先进单位须指定承办单位（unitId）',
      path: ['kind'],
    },
  );

export const awardSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  kind: z.enum(awardKinds),
  kindName: z.string(),
  proposalId: z.string().nullable(),
  proposalTitle: z.string().nullable(),
  proposalNumber: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  citation: z.string().nullable(),
  awardedAt: z.string(),
});
export type Award = z.infer<typeof awardSchema>;
export const awardListSchema = z.object({ items: z.array(awardSchema) });
export const awardListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(awardKinds, { error: '表彰类型应为 excellent_proposal 或 model_unit' }).optional(),
  proposalId: idSchema.optional(),
  unitId: idSchema.optional(),
});
