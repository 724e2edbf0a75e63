import { z } from 'zod';
import { importErrorSchema } from './people.ts';

/** What a background import brings in: the member roster, handling units, or routing history. */
export const importKinds = ['members', 'units', 'routing_history'] as const;
export type ImportKind = (typeof importKinds)[number];

/** queued → running → done | failed. A failed import wrote nothing. */
export const importRunStates = ['queued', 'running', 'done', 'failed'] as const;
export type ImportRunState = (typeof importRunStates)[number];

/** While running: reading the file, then checking and writing every row at once. */
export const importPhases = ['reading', 'writing'] as const;
export type ImportPhase = (typeof importPhases)[number];

/**
 * A large import runs in the background: the upload answers 202 with this, and the uploader polls
 * `GET /api/v1/imports/{id}` until `state` is done (`imported` rows written) or failed (`detail` says why, `errors`
 * lists up to 500 row errors of `errorCount`; nothing was written). Small files are imported at once and answer
 * 200 `{ imported }` or 400 with the errors, as before.
 */
export const importRunSchema = z.object({
  id: z.string(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  state: z.enum(importRunStates),
  phase: z.enum(importPhases).nullable(),
  /** 0–100: reading the file is most of the work (to 80), checking and writing the rest. */
  percent: z.number().int().min(0).max(100),
  /** Data rows of the file read so far (blank rows not counted). */
  rowsRead: z.number().int(),
  imported: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(importErrorSchema),
  /** Why the import failed, in Chinese; null unless failed. */
  detail: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportRun = z.infer<typeof importRunSchema>;

/** True when an upload's answer is a background import to follow, not a finished one. */
export function isImportRun(value: unknown): value is ImportRun {
  return typeof value === 'object' && value !== null && 'state' in value && 'id' in value;
}

/** Routes of imports, for the web client. */
export const importRoutes = {
  run: (id: string) => `/api/v1/imports/${id}`,
} as const;
