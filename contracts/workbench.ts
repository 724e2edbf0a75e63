import { z } from 'zod';

/**
 * 工作台 (decision 0017): what waits for the current user, as cards that each open a filtered list. Every module
 * registers a provider on the server; GET /workbench answers every card of the user at once.
 */

/** How urgent a card or an item looks: normal, warning (临期, something to do soon), danger (逾期, failed). */
export const workbenchTones = ['normal', 'warning', 'danger'] as const;
export const workbenchToneSchema = z.enum(workbenchTones);
export type WorkbenchTone = z.infer<typeof workbenchToneSchema>;

/**
 * How the web shows a card: count (a number that opens its list), parts (a total split into parts, each with its
 * own list: my proposals by state), figures (rates with numerator and denominator: the session's key rates),
 * items (a short list of records, when no list page filters them). A card of any display may carry items.
 */
export const workbenchDisplays = ['count', 'parts', 'figures', 'items'] as const;
export const workbenchDisplaySchema = z.enum(workbenchDisplays);
export type WorkbenchDisplay = z.infer<typeof workbenchDisplaySchema>;

/** One record behind a card (the most urgent first), linking to where it is handled. */
export const workbenchItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  link: z.string(),
  /** A short note: 还剩 5 天, 逾期 3 天, 已记录督办 2 次… */
  note: z.string().nullable(),
  tone: workbenchToneSchema,
});
export type WorkbenchItem = z.infer<typeof workbenchItemSchema>;

/** One part of a split total (a state of my proposals), with its own filtered list. */
export const workbenchPartSchema = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  link: z.string(),
});
export type WorkbenchPart = z.infer<typeof workbenchPartSchema>;

/** A rate with the counts it divides (value null when nothing was counted). */
export const workbenchFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  definition: z.string(),
});
export type WorkbenchFigure = z.infer<typeof workbenchFigureSchema>;

/** One card of the workbench. */
export const workbenchCardSchema = z.object({
  /** Unique over every provider, `<provider>.<card>` (proposals.review, handling.unit_overdue…). */
  key: z.string(),
  /** The provider that made it (the module). */
  provider: z.string(),
  label: z.string(),
  count: z.number().int(),
  /** The filtered list this card opens in the web app; null when no list filters it (its items are the list). */
  link: z.string().nullable(),
  tone: workbenchToneSchema,
  hint: z.string().nullable(),
  display: workbenchDisplaySchema,
  items: z.array(workbenchItemSchema),
  parts: z.array(workbenchPartSchema),
  figures: z.array(workbenchFigureSchema),
});
export type WorkbenchCard = z.infer<typeof workbenchCardSchema>;

/** GET /workbench: every card of the current user, in the providers' order, counted at one moment. */
export const workbenchSchema = z.object({
  /** The committee's business date the counts were taken on (deadlines, 今日). */
  today: z.string(),
  generatedAt: z.string(),
  cards: z.array(workbenchCardSchema),
});
export type Workbench = z.infer<typeof workbenchSchema>;
