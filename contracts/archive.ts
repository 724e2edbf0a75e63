import { z } from 'zod';

/** building: the package is being written by a job; ready: it can be downloaded; failed: see `error`. */
export const archiveStates = ['building', 'ready', 'failed'] as const;
export type ArchiveState = (typeof archiveStates)[number];
export const archiveStateNames: Record<ArchiveState, string> = { building: '正在生成', ready: '已生成', failed: '生成失败' };

/** A session's archive: when it was archived, by whom, and its package. */
export const sessionArchiveSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionName: z.string(),
  state: z.enum(archiveStates),
  stateName: z.string(),
  proposalCount: z.number().int(),
  /** Files in the package (documents, attachments and the two indexes), once ready. */
  fileCount: z.number().int().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  archivedAt: z.string(),
  archivedByName: z.string(),
  readyAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type SessionArchive = z.infer<typeof sessionArchiveSchema>;

/** What archiving would freeze, for the confirmation dialog: proposals by state. */
export const archivePreviewSchema = z.object({
  sessionId: z.string(),
  sessionName: z.string(),
  archived: z.boolean(),
  isCurrent: z.boolean(),
  total: z.number().int(),
  /** Proposals not yet closed (办结) or otherwise final: they are frozen as they are. */
  unfinished: z.number().int(),
  byState: z.array(z.object({ state: z.string(), stateName: z.string(), count: z.number().int() })),
});
export type ArchivePreview = z.infer<typeof archivePreviewSchema>;

export const sessionArchiveListSchema = z.object({ items: z.array(sessionArchiveSchema) });
