import { z } from 'zod';

/** Ids travel as strings (UUIDv7). */
export const idSchema = z.uuid({ error: '必须是有效的编号 (UUID)' });

/** A problem+json error body, as every failing route returns. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
});
export type ProblemBody = z.infer<typeof problemSchema>;

/** Cursor paging query: `cursor` is opaque, `limit` 1–200. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

/** A page of items and the cursor of the next page (null at the end). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().optional() });
}

/** A `{ id }` path. */
export const idParamsSchema = z.object({ id: idSchema });

/** An action path on a workflow item: `/items/{id}/actions/{action}`. */
export const actionParamsSchema = z.object({ id: idSchema, action: z.string().min(1).max(64) });

/** An action the current user may take now on an item, as the UI shows it. */
export const availableActionSchema = z.object({ action: z.string(), label: z.string(), needsReason: z.boolean() });
export type AvailableAction = z.infer<typeof availableActionSchema>;

/** Fields every workflow item returns. */
export const workflowItemFields = {
  state: z.string(),
  version: z.number().int(),
  actions: z.array(availableActionSchema),
};

/** A business date, YYYY-MM-DD. */
export const dateSchema = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

/** Trimmed non-empty text with a maximum length; the message names the limit. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: '不能为空' })
    .max(max, { error: `不能超过 ${max} 个字符` });
}
