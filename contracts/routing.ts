import { z } from 'zod';

/** A suggested category for an item, with the model's probability (0–1). */
export const categorySuggestionSchema = z.object({
  categoryId: z.string(),
  categoryName: z.string(),
  score: z.number(),
});
export type CategorySuggestion = z.infer<typeof categorySuggestionSchema>;
export const categorySuggestionsSchema = z.object({
  items: z.array(categorySuggestionSchema),
  /** When the model was trained and on how many items (null before any history exists). */
  model: z.object({ trainedAt: z.string(), exampleCount: z.number().int() }).nullable(),
});

/** Columns of the history import (Excel/CSV; 日期 optional); JSONL uses title, body, category (or label), unit, date. */
export const historyImportColumns = ['标题', '正文', '类别', '承办单位', '日期'] as const;

/** The state of a tenant's routing models (GET /routing/models). */
export const routingModelSchema = z.object({
  target: z.enum(['category', 'unit']),
  trainedAt: z.string(),
  exampleCount: z.number().int(),
  labelCount: z.number().int(),
});
export const routingStatusSchema = z.object({
  historyCount: z.number().int(),
  models: z.array(routingModelSchema),
});
