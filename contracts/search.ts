import { z } from 'zod';
import { idSchema, pageQuerySchema } from './common.ts';

/**
 * The kinds of text item the search service holds: a publication is a proposal's public, redacted text; a
 * micro_suggestion is found only by the similar-items service (merge candidates), not by staff or portal search.
 */
export const searchItemTypes = ['proposal', 'history', 'publication', 'micro_suggestion'] as const;
export type SearchItemType = (typeof searchItemTypes)[number];

const dateSchema = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

/** GET /search: words (quoted for a phrase), filters, sort, cursor paging. */
export const searchQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1, { error: '请输入要搜索的词' }).max(200, { error: '搜索词不能超过 200 个字符' }),
  type: z.enum(searchItemTypes, { error: 'type 应为 proposal、history、publication 或 micro_suggestion' }).optional(),
  sessionId: idSchema.optional(),
  state: z.string().max(40).optional(),
  categoryId: idSchema.optional(),
  unitId: idSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  /** relevance (default: title matches first) or newest. */
  sort: z.enum(['relevance', 'newest'], { error: 'sort 应为 relevance 或 newest' }).optional(),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** A piece of highlighted text: matched words have `hit` true. */
export const snippetPartSchema = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetPart = z.infer<typeof snippetPartSchema>;

/** One search result. */
export const searchHitSchema = z.object({
  id: z.string(),
  type: z.enum(searchItemTypes),
  number: z.string().nullable(),
  title: z.string(),
  state: z.string().nullable(),
  sessionId: z.string().nullable(),
  categoryId: z.string().nullable(),
  occurredAt: z.string(),
  score: z.number(),
  titleParts: z.array(snippetPartSchema),
  snippet: z.array(snippetPartSchema),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchPageSchema = z.object({
  items: z.array(searchHitSchema),
  nextCursor: z.string().nullable(),
  /** Matches counted up to a cap; `totalCapped` says there are more. */
  total: z.number().int(),
  totalCapped: z.boolean(),
  /** The words the query was read as, after segmentation (what is highlighted). */
  words: z.array(z.string()),
});
export type SearchPage = z.infer<typeof searchPageSchema>;

/** An existing item that looks like the one being written or reviewed. */
export const similarItemSchema = z.object({
  id: z.string(),
  type: z.enum(searchItemTypes),
  sessionId: z.string().nullable(),
  number: z.string().nullable(),
  title: z.string(),
  state: z.string().nullable(),
  /** 0–1, 1 for the same text. */
  score: z.number(),
  /** The key words both share, most telling first. */
  sharedTerms: z.array(z.string()),
});
export type SimilarItem = z.infer<typeof similarItemSchema>;
export const similarItemsSchema = z.object({ items: z.array(similarItemSchema) });
