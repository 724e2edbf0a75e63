import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema, workflowItemFields } from './common.ts';
import { handledKindSchema, handledKinds } from './handled-kinds.ts';

// ───────────────────────────── states and kinds ─────────────────────────────

/** Every state of a proposal: writing, co-signing, review, assignment, then handling (replied, rehandling, closed). */
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
  'replied',
  'rehandling',
  'closed',
  'archived',
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
  'record_reply',
  'reopen',
  'close',
  'archive',
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

/**
 * The labels of a proposal's text, the same on every screen, in the Word documents and on the portal: 案由 is the
 * title (what the proposal is about), then 情况分析 and 具体建议.
 */
export const proposalFieldLabels = { title: '案由', background: '情况分析', suggestions: '具体建议' } as const;

/** Fields a draft may carry; all but the title may be empty while writing. */
const draftFields = {
  title: z
    .string()
    .trim()
    .min(1, { error: '案由不能为空' })
    .max(TITLE_MAX, { error: `案由不能超过 ${TITLE_MAX} 个字符` }),
  background: z.string().max(FIELD_MAX, { error: `情况分析不能超过 ${FIELD_MAX} 个字符` }),
  suggestions: z.string().max(FIELD_MAX, { error: `具体建议不能超过 ${FIELD_MAX} 个字符` }),
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
  /** review: the office's review queue (submitted proposals, longest waiting first). */
  queue: z.enum(['review'], { error: 'queue 应为 review' }).optional(),
  /** Words in the title, keywords or proposers' names. */
  q: z.string().trim().max(100, { error: '搜索词不能超过 100 个字符' }).optional(),
  categoryId: idSchema.optional(),
  /** Proposals assigned to this unit. */
  unitId: idSchema.optional(),
  /** Proposals with this member among their proposers (lead or accepted co-signer). */
  proposerMemberId: idSchema.optional(),
  /** Proposals whose lead proposer belongs to this sector / party. */
  sectorId: idSchema.optional(),
  partyId: idSchema.optional(),
  kind: z.enum(proposalKinds, { error: 'kind 应为 plenary 或 interim' }).optional(),
  authorType: z.enum(authorTypes, { error: 'authorType 应为 member 或 collective' }).optional(),
  /**
   * The publication decision: pending (replied, not yet decided), published (fully or partly) or not_published.
   */
  publication: z
    .enum(['pending', 'published', 'not_published'], { error: 'publication 应为 pending、published 或 not_published' })
    .optional(),
  /** newest (default), oldest, number (提案号 ascending), waiting (submitted longest ago first). */
  sort: z.enum(['newest', 'oldest', 'number', 'waiting'], { error: 'sort 应为 newest、oldest、number 或 waiting' }).optional(),
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
    z.object({
      memberId: z.string().nullable(),
      name: z.string(),
      /** merged: a proposer of a proposal merged into this one (并案), who keeps the credit and gets the reply. */
      role: z.enum(['lead', 'co_signer', 'collective', 'merged']),
      /** For merged proposers: the proposal they came from. */
      fromProposalId: z.string().nullable().optional(),
    }),
  ),
  coSigners: z.array(coSignerSchema),
  coSigningDeadline: z.string().nullable(),
  supplements: z.array(supplementSchema),
  bodyLength: z.number().int(),
  bodyMaxCharacters: z.number().int(),
  submittedAt: z.string().nullable(),
  filedAt: z.string().nullable(),
  /** The office's last review decision (file, reject, merge, convert, return), with its reason. */
  decision: z
    .object({
      action: z.enum(['file', 'reject', 'merge', 'convert', 'return']),
      reason: z.string().nullable(),
      reasonCodeName: z.string().nullable(),
      convertedTo: z.enum(['opinion_report', 'letter']).nullable(),
      decidedAt: z.string(),
    })
    .nullable(),
  /** The filed proposal this one was merged into. */
  mergedInto: z.object({ id: z.string(), number: z.string().nullable(), title: z.string() }).nullable(),
  /** Proposals merged into this one; their proposers are this proposal's proposers too. */
  mergedProposals: z.array(z.object({ id: z.string(), title: z.string(), authorName: z.string() })),
  assignmentMode: z.enum(['sole', 'parallel', 'lead']).nullable(),
  /** Handling: the last day proposers may rate the replies (state replied), and how often it was re-handled. */
  ratingDueOn: z.string().nullable(),
  rehandlingCount: z.number().int(),
  /** Publication: the office's decision after the reply, and the secret flag (涉密, never public). */
  publicationDecision: z.enum(['published', 'partly_published', 'not_published']).nullable(),
  isSecret: z.boolean(),
  /** Archived proposals: the state they were in when their session was archived. */
  stateBeforeArchive: z.string().nullable(),
  /** The units it is assigned to (current assignments, not those replaced after an adjustment). */
  assignments: z.array(
    z.object({
      id: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      role: z.enum(['sole', 'parallel', 'lead', 'co']),
      state: z.string(),
      stateName: z.string(),
      dueOn: z.string(),
      signedForAt: z.string().nullable(),
    }),
  ),
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
  filedAt: z.string().nullable(),
  categoryId: z.string().nullable(),
  /** Publication: the office's decision (null while undecided), the secret flag and the proposer's consent. */
  publicationDecision: z.enum(['published', 'partly_published', 'not_published']).nullable(),
  isSecret: z.boolean(),
  agreesToPublish: z.boolean(),
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
  /** The key words both share, most telling first. */
  sharedTerms: z.array(z.string()),
});
export const similarResultSchema = z.object({ items: z.array(similarProposalSchema) });

// ───────────────────────────── review (proposal office) ─────────────────────────────

/** What a proposal may be converted to (转), with the proposer's consent. */
export const conversionTargets = ['opinion_report', 'letter'] as const;
export type ConversionTarget = (typeof conversionTargets)[number];
export const conversionTargetNames: Record<ConversionTarget, string> = { opinion_report: '社情民意信息', letter: '来信' };

const reasonText = z.string().trim().max(2000, { error: '理由不能超过 2000 个字符' });

/** Body of "file" (立案): nothing but an optional note. */
export const fileProposalSchema = z
  .object({
    note: reasonText.optional(),
    /** The category the office files it under, when it differs from the proposer's choice (e.g. a suggested one). */
    categoryId: idSchema.optional(),
  })
  .nullish()
  .transform((body) => body ?? {});

/** Body of "reject" (不予立案): a reason code from the committee's rejection_reason dictionary and free text. */
export const rejectProposalSchema = z.object({
  reasonCodeId: idSchema,
  reason: reasonText.min(1, { error: '请填写不予立案的理由' }),
});

/** Body of "merge" (并案): the filed proposal this one joins. */
export const mergeProposalSchema = z.object({
  targetId: idSchema,
  reason: reasonText.optional(),
});

/** Body of "convert" (转): the target form and the proposer's recorded consent. */
export const convertProposalSchema = z.object({
  to: z.enum(conversionTargets, { error: '转为的形式应为 opinion_report（社情民意信息）或 letter（来信）' }),
  consent: z.object({
    /** The proposer agreed; without it the conversion is refused. */
    given: z.literal(true, { error: '转为其他形式须征得提案人同意' }),
    /** How and when consent was obtained (phone call, signed form…). */
    note: z.string().trim().min(1, { error: '请记录提案人同意的方式' }).max(500),
  }),
  reason: reasonText.optional(),
});

/** Body of "return for revision" (退回修改): the office's comments. */
export const returnProposalSchema = z.object({ reason: reasonText.min(1, { error: '请填写退回修改的意见' }) });

/** One item of a bulk action: the proposal and the version the office saw. */
export const bulkItemSchema = z.object({ id: idSchema, version: z.number().int().min(1) });

/** Body of "bulk file": many submitted proposals filed at once, in the given order. */
export const bulkFileSchema = z.object({
  items: z.array(bulkItemSchema).min(1, { error: '请至少选择一件提案' }).max(500, { error: '一次最多 500 件' }),
});

/** The outcome of one item of a bulk action. */
export const bulkResultSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      number: z.string().nullable().optional(),
      status: z.number().int().optional(),
      detail: z.string().optional(),
    }),
  ),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

// ───────────────────────────── assignment (proposal office → units) ─────────────────────────────

/** 单办 / 分办 / 主办+会办. */
export const assignmentModes = ['sole', 'parallel', 'lead'] as const;
export type AssignmentMode = (typeof assignmentModes)[number];
export const assignmentModeNames: Record<AssignmentMode, string> = { sole: '单办', parallel: '分办', lead: '主办+会办' };

/** A unit's part in an assignment: the sole unit, one of parallel units, the lead unit, or a co-handler (会办). */
export const assignmentRoles = ['sole', 'parallel', 'lead', 'co'] as const;
export type AssignmentRole = (typeof assignmentRoles)[number];
export const assignmentRoleNames: Record<AssignmentRole, string> = { sole: '单办', parallel: '分办', lead: '主办', co: '会办' };

/** States of one unit's assignment. */
export const assignmentStates = ['pending', 'signed_for', 'adjustment_requested', 'reassigned'] as const;
export type AssignmentState = (typeof assignmentStates)[number];
/** Actions on one unit's assignment. */
export const assignmentActions = ['sign_for', 'request_adjustment', 'approve_adjustment', 'refuse_adjustment'] as const;
export type AssignmentAction = (typeof assignmentActions)[number];

/** The units of one proposal's assignment: sole → exactly one; parallel → two or more; lead → one lead, ≥1 co. */
export const assignmentPlanSchema = z.object({
  mode: z.enum(assignmentModes, { error: '交办方式应为 sole（单办）、parallel（分办）或 lead（主办+会办）' }),
  /** sole: one unit; parallel: the units; lead: the lead unit first. */
  unitIds: z.array(idSchema).min(1, { error: '请至少选择一个承办单位' }).max(20, { error: '承办单位最多 20 个' }),
  /** lead mode only: the co-handling units (会办单位). */
  coUnitIds: z.array(idSchema).max(20, { error: '会办单位最多 20 个' }).default([]),
});
export type AssignmentPlan = z.infer<typeof assignmentPlanSchema>;

/** Body of "assign" one proposal. */
export const assignProposalSchema = assignmentPlanSchema;

/** Body of a batch assignment (交办会): many filed proposals, each with its plan, confirmed once. */
export const assignmentBatchCreateSchema = z.object({
  /** e.g. 十届五次会议提案交办会 */
  title: z.string().trim().min(1, { error: '请填写交办批次名称' }).max(200),
  /** 文号 of the assignment notice, e.g. 政协提〔2026〕3号 */
  documentNumber: z.string().trim().max(100).optional(),
  items: z
    .array(bulkItemSchema.extend({ plan: assignmentPlanSchema }))
    .min(1, { error: '请至少选择一件提案' })
    .max(500, { error: '一次最多交办 500 件' }),
});

/** Body of "request an adjustment" (申请调整): the unit's reason. */
export const requestAdjustmentSchema = z.object({
  reason: z.string().trim().min(1, { error: '请填写申请调整的理由' }).max(2000),
  /** A unit the requester thinks is right, if any. */
  suggestedUnitId: idSchema.optional(),
});

/** Body of the office's decision on an adjustment: approve with a replacement unit, or refuse with a reason. */
export const approveAdjustmentSchema = z.object({
  replacementUnitId: idSchema,
  reason: reasonText.optional(),
});
export const refuseAdjustmentSchema = z.object({ reason: reasonText.min(1, { error: '请填写不同意调整的理由' }) });

/**
 * One unit's assignment of an item (a proposal, a micro-suggestion: the handling engine's kinds). The item is also
 * given under the proposal's names, as before the engine handled other kinds.
 */
export const assignmentSchema = z.object({
  id: z.string(),
  proposalId: z.string(),
  proposalNumber: z.string().nullable(),
  proposalTitle: z.string(),
  /** The proposal's session; empty for kinds counted by year (a micro-suggestion). */
  sessionId: z.string(),
  kind: z.enum(handledKinds),
  kindName: z.string(),
  itemId: z.string(),
  itemNumber: z.string().nullable(),
  itemTitle: z.string(),
  /** Where the web shows the item. */
  link: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  role: z.enum(assignmentRoles),
  roleName: z.string(),
  assignedAt: z.string(),
  /** The reply (or, for a co-handler, the opinion) is due on this date. */
  dueOn: z.string(),
  /** Adjustment requests are accepted until this date (inclusive). */
  adjustmentUntil: z.string(),
  signedForAt: z.string().nullable(),
  adjustmentReason: z.string().nullable(),
  adjustmentRequestedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  replacedById: z.string().nullable(),
  batchId: z.string().nullable(),
  stateName: z.string(),
  ...workflowItemFields,
});
export type Assignment = z.infer<typeof assignmentSchema>;
export const assignmentPageSchema = pageOf(assignmentSchema);

/** Query of the assignment list: a unit's inbox (their own unit), or the office's view of all. */
export const assignmentListQuerySchema = pageQuerySchema.extend({
  sessionId: idSchema.optional(),
  unitId: idSchema.optional(),
  proposalId: idSchema.optional(),
  /** One item of any kind (proposalId is the same filter under its first name). */
  itemId: idSchema.optional(),
  /** Only one kind of item (提案 or 微建议); both by default. */
  kind: handledKindSchema.optional(),
  state: z.enum(assignmentStates, { error: `状态应为 ${assignmentStates.join('、')} 之一` }).optional(),
});

/** A batch of assignments confirmed at once (交办会), with its notices. */
export const assignmentBatchSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  title: z.string(),
  documentNumber: z.string().nullable(),
  confirmedAt: z.string(),
  proposalCount: z.number().int(),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), count: z.number().int() })),
});
export type AssignmentBatch = z.infer<typeof assignmentBatchSchema>;

/** A suggested handling unit with its score and why. */
export const unitSuggestionSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  score: z.number(),
  /**
   * category: the category's default units; history: units of similar past proposals; model: the unit model
   * learned from the committee's history (imported items and past assignments).
   */
  sources: z.array(z.enum(['category', 'history', 'model'])),
});
export const unitSuggestionsSchema = z.object({ items: z.array(unitSuggestionSchema) });

/** The default handling units of a proposal category, maintained by the office. */
export const categoryDefaultUnitsSchema = z.object({
  categoryId: z.string(),
  unitIds: z.array(z.string()),
});
export const categoryDefaultUnitsUpdateSchema = z.object({
  unitIds: z.array(idSchema).max(20, { error: '默认承办单位最多 20 个' }),
});

// ───────────────────────────── history ─────────────────────────────

/** One step of a proposal's history, from the event log. */
export const historyEntrySchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  type: z.string(),
  actorName: z.string().nullable(),
  summary: z.string(),
});
export const historySchema = z.object({ items: z.array(historyEntrySchema) });
