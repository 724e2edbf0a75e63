import { z } from 'zod';
import { idSchema } from './common.ts';

/** The file extensions a proposal attachment may have (the server checks the bytes, not the name). */
export const attachmentExtensions = ['.pdf', '.doc', '.docx', '.jpg', '.jpeg', '.png'] as const;

/** `/proposals/{id}/attachments/{attachmentId}`. */
export const attachmentParamsSchema = z.object({ id: idSchema, attachmentId: idSchema });

/** One attachment of a proposal, as the list and the upload answer show it. */
export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  /** The type detected from the file's bytes. */
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** The attachments of a proposal, oldest first, with the committee's limits and whether the user may change them. */
export const attachmentListSchema = z.object({
  items: z.array(attachmentSchema),
  maxMegabytes: z.number().int(),
  maxCount: z.number().int(),
  editable: z.boolean(),
});
export type AttachmentList = z.infer<typeof attachmentListSchema>;
