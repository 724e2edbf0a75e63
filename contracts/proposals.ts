import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema, workflowItemFields } from './common.ts';

// ───────────────────────────── states and kinds ─────────────────────────────

/** Every state of a proposal in issue 3 (writing, co-signing, review, assignment). */
export const proposalStates = [
  'draft',
  'co_signing',
  'submitted',
  'returned',
  'filed',
  'rejected',
  'merged',
  'converted',
  'withdrawn',
  'assigned',
] as const;
export const proposalStateSchema = z.enum(proposalStates, { error: `状态应为 ${proposalStates.join('、')} 之一` });
export type ProposalState = z.infer<typeof proposalStateSchema>;

/** Every action of the proposal workflow; co-signers' answers are actions of the invitation workflow. */
export const proposalActions = [
  'edit',
  'invite_co_signers',
  'submit',
  'withdraw',
  'add_supplement',
  'file',
  'reject',
  'merge',
  'convert',
  'return',
  'assign',
] as const;
export type ProposalAction = (typeof proposalActions)[number];

/** States of one co-signing invitation. */
export const coSignerStates = ['invited', 'accepted', 'declined', 'cancelled'] as const;
export type CoSignerState = (typeof coSignerStates)[number];
/** What may be done to one invitation: the invited member answers, the lead cancels. */
export const coSignerActions = ['accept', 'decline', 'cancel'] as const;
export const coSignerActionSchema = z.enum(coSignerActions, { error: '操作应为 accept、decline 或 cancel' });
export type CoSignerAction = z.infer<typeof coSignerActionSchema>;

/** 大会提案 / 平时提案. */
export const proposalKinds = ['plenary', 'interim'] as const;
export type ProposalKind = (typeof proposalKinds)[number];
/** A member's proposal, or a collective one by a party, organisation, sector, group or committee. */
export const authorTypes = ['member', 'collective'] as const;
export type AuthorType = (typeof authorTypes)[number];

// ───────────────────────────── input ─────────────────────────────

const TITLE_MAX = 200;
/** The hard ceiling of one text field; the tenant's body limit (default 1,500) is checked by the server. */
const FIELD_MAX = 20_000;

const keywordsSchema = z
  .array(z.string().trim().min(1, { error: '关键词不能为空' }).max(20, { error: '每个关键词不能超过 20 个字符' }))
  .max(10, { error: '关键词最多 10 个' });

/** Fields a draft may carry; all but the title may be empty while writing. */
const draftFields = {
  title: z
    .string()
    .trim()
    .min(1, { error: '案由不能为空' })
    .max(TITLE_MAX, { error: `案由不能超过 ${TITLE_MAX} 个字符` }),
  background: z.string().max(FIELD_MAX, { error: `情况分析不能超过 ${FIELD_MAX} 个字符` }),
  suggestions: z.string().max(FIELD_MAX, { error: `建议不能超过 ${FIELD_MAX} 个字符` }),
  categoryId: idSchema.nullable(),
  keywords: keywordsSchema,
  agreesToPublish: z.boolean(),
  publicationRefusalReason: z.string().trim().max(500, { error: '不同意公开的理由不能超过 500 个字符' }).nullable(),
};

/** A collective author: a dictionary entry (party, sector, group, committee) or a free name (a people's organisation). */
export const collectiveAuthorSchema = z
  .object({
    entryId: idSchema.optional(),
    name: z.string().trim().min(1).max(100, { error: '名称不能超过 100 个字符' }).optional(),
  })
  .refine((value) => Boolean(value.entryId) !== Boolean(value.name), {
    error: '集体提案须指定字典中的组织或填写组织名称（二选一）',
  });

/** Body of "create a draft". Without `collectiveAuthor` the caller (a member) is the lead proposer. */
export const proposalCreateSchema = z.object({
  sessionId: idSchema.optional(),
  title: draftFields.title,
  background: draftFields.background.default(''),
  suggestions: draftFields.suggestions.default(''),
  categoryId: draftFields.categoryId.default(null),
  keywords: draftFields.keywords.default([]),
  agreesToPublish: draftFields.agreesToPublish.default(true),
  publicationRefusalReason: draftFields.publicationRefusalReason.default(null),
  collectiveAuthor: collectiveAuthorSchema.optional(),
});
export type ProposalCreate = z.infer<typeof proposalCreateSchema>;

/** Body of "update a draft": any subset of the fields (autosave sends what changed). */
export const proposalUpdateSchema = z.object(draftFields).partial();
export type ProposalUpdate = z.infer<typeof proposalUpdateSchema>;

/** Body of "invite co-signers": members and the co-signing deadline (a date in the committee's time zone). */
export const inviteCoSignersSchema = z.object({
  memberIds: z.array(idSchema).min(1, { error: '请至少选择一位联名委员' }).max(100, { error: '一次最多邀请 100 位委员' }),
  deadline: dateSchema,
});

/** Path of an action on one co-signer of a proposal. */
export const coSignerActionParamsSchema = z.object({ id: idSchema, memberId: idSchema, action: coSignerActionSchema });

/** Body of "add a supplement". */
export const supplementCreateSchema = z.object({
  text: z.string().trim().min(1, { error: '补充内容不能为空' }).max(5000, { error: '补充内容不能超过 5000 个字符' }),
});

/** Body of "withdraw": an optional reason. */
export const withdrawSchema = z
  .object({ reason: z.string().trim().max(500, { error: '理由不能超过 500 个字符' }).optional() })
  .nullish()
  .transform((body) => body ?? {});

/** Query of the proposal list. */
export const proposalListQuerySchema = pageQuerySchema.extend({
  sessionId: idSchema.optional(),
  state: proposalStateSchema.optional(),
  mine: z.enum(['true', 'false'], { error: 'mine 应为 true 或 false' }).optional(),
  /** true: only proposals on which the current member's co-signing invitation awaits an answer (the inbox). */
  awaitingMyAnswer: z.enum(['true', 'false'], { error: 'awaitingMyAnswer 应为 true 或 false' }).optional(),
});

/** Query of "similar proposals". */
export const similarQuerySchema = z.object({
  title: z.string().trim().min(1, { error: '请填写案由' }).max(TITLE_MAX),
  keywords: z.string().max(200).optional(),
  sessionId: idSchema.optional(),
  excludeId: idSchema.optional(),
});

// ───────────────────────────── output ─────────────────────────────

export const coSignerSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  state: z.enum(coSignerStates),
  invitedAt: z.string(),
  respondedAt: z.string().nullable(),
  /** What the current user may do with this invitation now. */
  actions: z.array(z.enum(coSignerActions)),
});
export type CoSigner = z.infer<typeof coSignerSchema>;

export const supplementSchema = z.object({
  id: z.string(),
  text: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});

/** A proposal with its text, proposers, co-signers and supplements. */
export const proposalSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  kind: z.enum(proposalKinds),
  number: z.string().nullable(),
  title: z.string(),
  background: z.string(),
  suggestions: z.string(),
  categoryId: z.string().nullable(),
  keywords: z.array(z.string()),
  agreesToPublish: z.boolean(),
  publicationRefusalReason: z.string().nullable(),
  authorType: z.enum(authorTypes),
  leadMemberId: z.string().nullable(),
  collectiveAuthorId: z.string().nullable(),
  /** The lead proposer's name, or the collective author's. */
  authorName: z.string(),
  /** Lead proposer then accepted co-signers (after submission only these count). */
  proposers: z.array(
    z.object({ memberId: z.string().nullable(), name: z.string(), role: z.enum(['lead', 'co_signer', 'collective']) }),
  ),
  coSigners: z.array(coSignerSchema),
  coSigningDeadline: z.string().nullable(),
  supplements: z.array(supplementSchema),
  bodyLength: z.number().int(),
  bodyMaxCharacters: z.number().int(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  stateName: z.string(),
  ...workflowItemFields,
});
export type Proposal = z.infer<typeof proposalSchema>;

/** A row of the proposal list. */
export const proposalSummarySchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  kind: z.enum(proposalKinds),
  number: z.string().nullable(),
  title: z.string(),
  authorType: z.enum(authorTypes),
  authorName: z.string(),
  state: proposalStateSchema,
  stateName: z.string(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ProposalSummary = z.infer<typeof proposalSummarySchema>;
export const proposalPageSchema = pageOf(proposalSummarySchema);

/** A possibly similar proposal, with its score (0–1). */
export const similarProposalSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  state: proposalStateSchema,
  score: z.number(),
});
export const similarResultSchema = z.object({ items: z.array(similarProposalSchema) });
