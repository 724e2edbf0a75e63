import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.ts';

/** The office's publication decision after the reply: published, partly published (edited), or not published. */
export const publicationDecisions = ['published', 'partly_published', 'not_published'] as const;
export type PublicationDecision = (typeof publicationDecisions)[number];
export const publicationDecisionNames: Record<PublicationDecision, string> = {
  published: '公开',
  partly_published: '部分公开',
  not_published: '不公开',
};

/** One reply as the public reads it: no contact person, no phone, personal data removed. */
export const publicReplySchema = z.object({
  replyId: z.string(),
  unitName: z.string(),
  kind: z.enum(['reply', 'follow_up']),
  round: z.number().int(),
  resultClass: z.string().nullable(),
  resultClassName: z.string().nullable(),
  sentOn: z.string().nullable(),
  text: z.string(),
});
export type PublicReply = z.infer<typeof publicReplySchema>;

/** The public text of a proposal and its replies. */
export const publicTextSchema = z.object({
  title: z.string(),
  background: z.string(),
  suggestions: z.string(),
  replies: z.array(publicReplySchema),
});
export type PublicText = z.infer<typeof publicTextSchema>;

/** What the office reviews before publishing: the automatically redacted text and what was removed. */
export const publicationPreviewSchema = z.object({
  proposalId: z.string(),
  version: z.number().int(),
  /** Null when the proposal may be published; otherwise why not (member declined, secret, not replied). */
  refusal: z.object({ code: z.string(), detail: z.string() }).nullable(),
  decision: z.enum(publicationDecisions).nullable(),
  text: publicTextSchema,
  /** What the automatic redaction removed, by kind (手机号 2, 身份证号 1…). */
  removed: z.array(z.object({ kind: z.string(), count: z.number().int() })),
});
export type PublicationPreview = z.infer<typeof publicationPreviewSchema>;

/** Body of the publication decision (If-Match: the proposal's version). */
export const publicationDecisionSchema = z.object({
  decision: z.enum(publicationDecisions, { error: '公开决定应为 published、partly_published 或 not_published' }),
  /** Why not, or what was withheld (kept in the record, never public). */
  reason: z.string().trim().max(500, { error: '说明不能超过 500 个字符' }).optional(),
  /** Partly published: the edited public text (it is redacted again). */
  text: z
    .object({
      background: z.string().max(20000).optional(),
      suggestions: z.string().max(20000).optional(),
      replies: z
        .array(z.object({ replyId: idSchema, text: z.string().max(30000) }))
        .max(20)
        .optional(),
    })
    .optional(),
});
export type PublicationDecisionInput = z.infer<typeof publicationDecisionSchema>;

/** The decision's outcome for one proposal. */
export const publicationResultSchema = z.object({
  proposalId: z.string(),
  decision: z.enum(publicationDecisions),
  publicationId: z.string().nullable(),
  version: z.number().int(),
});

/** Body of a bulk publication: many proposals published as they are (automatic redaction). */
export const bulkPublicationSchema = z.object({
  items: z
    .array(z.object({ id: idSchema, version: z.number().int().min(1) }))
    .min(1, { error: '请至少选择一件提案' })
    .max(200, { error: '一次最多公开 200 件' }),
});
export const bulkPublicationResultSchema = z.object({
  published: z.number().int(),
  items: z.array(z.object({ id: z.string(), ok: z.boolean(), code: z.string().nullable(), detail: z.string().nullable() })),
});

/** Body of the secret flag (涉密): a secret proposal is never public. */
export const secretFlagSchema = z.object({ secret: z.boolean({ error: 'secret 应为 true 或 false' }) });

/** A published proposal as the portal lists and shows it. */
export const portalProposalSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  proposerNames: z.array(z.string()),
  categoryName: z.string().nullable(),
  sessionId: z.string(),
  sessionName: z.string(),
  mode: z.enum(['published', 'partly_published']),
  publishedAt: z.string(),
  background: z.string(),
  suggestions: z.string(),
  replies: z.array(publicReplySchema),
});
export type PortalProposal = z.infer<typeof portalProposalSchema>;
export const portalProposalSummarySchema = portalProposalSchema
  .omit({ background: true, suggestions: true, replies: true })
  .extend({
    unitNames: z.array(z.string()),
  });
export const portalProposalPageSchema = pageOf(portalProposalSummarySchema);

/** The portal list query: the committee's code and filters. */
export const portalListQuerySchema = pageQuerySchema.extend({
  org: z.string().trim().min(1, { error: '请指定政协（org）' }).max(64),
  sessionId: idSchema.optional(),
  categoryId: idSchema.optional(),
});
export const portalOrgQuerySchema = z.object({ org: z.string().trim().min(1, { error: '请指定政协（org）' }).max(64) });
