import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, workflowItemFields } from './common.ts';
import { handlingModes, monthSchema } from './micro-suggestion-figures.ts';
import { lights } from './supervision.ts';

// ───────────────────────────── states and actions ─────────────────────────────

/**
 * Every state of a micro-suggestion (微建议): written, submitted, the office's intake decision (accepted, declined,
 * merged into another, converted into a proposal draft), then handled by one unit (handling → replied →
 * rehandling once → resolved) or by the member (member_handling → resolved).
 */
export const microSuggestionStates = [
  'draft',
  'submitted',
  'accepted',
  'declined',
  'merged',
  'converted',
  'handling',
  'member_handling',
  'replied',
  'rehandling',
  'resolved',
] as const;
export const microSuggestionStateSchema = z.enum(microSuggestionStates, {
  error: `状态应为 ${microSuggestionStates.join('、')} 之一`,
});
export type MicroSuggestionState = z.infer<typeof microSuggestionStateSchema>;

/** The Chinese names of the states, as every screen shows them. */
export const microSuggestionStateNames: Record<MicroSuggestionState, string> = {
  draft: '草稿',
  submitted: '已提交',
  accepted: '已受理',
  declined: '不予受理',
  merged: '已合并',
  converted: '已转为提案',
  handling: '办理中',
  member_handling: '委员领办中',
  replied: '已答复',
  rehandling: '重新办理',
  resolved: '已办结',
};

/**
 * Every action of the micro-suggestion workflow. record_reply, reopen and resolve move with the handling engine
 * (a unit's reply sent, a rating, the rating window passed): no button shows them. publish / unpublish keep the
 * state (resolved) and change what the portal shows.
 */
export const microSuggestionActions = [
  'edit',
  'submit',
  'accept',
  'decline',
  'merge',
  'convert',
  'transfer',
  'take_on',
  'report_result',
  'record_reply',
  'reopen',
  'resolve',
  'publish',
  'unpublish',
] as const;
export type MicroSuggestionAction = (typeof microSuggestionActions)[number];

/** Where a micro-suggestion came from: a member wrote it, or station staff raised it for the members at a visit. */
export const microSuggestionSources = ['member', 'station_visit'] as const;
export type MicroSuggestionSource = (typeof microSuggestionSources)[number];

/** How a resolved micro-suggestion ended. */
export const resolutions = ['satisfied', 'basically_satisfied', 'dissatisfied', 'unrated', 'member_reported'] as const;
export type Resolution = (typeof resolutions)[number];
export const resolutionNames: Record<Resolution, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意（已重新办理）',
  unrated: '未评价（评价期已过）',
  member_reported: '委员领办已办结',
};

/** The kinds of photo: the member's of the problem (before), the member's own result (领办), a unit reply's (after). */
export const photoKinds = ['problem', 'result', 'reply'] as const;
export type PhotoKind = (typeof photoKinds)[number];

/** Most photos of one kind on one micro-suggestion. */
export const MICRO_SUGGESTION_MAX_PHOTOS = 3;
/** The hard ceiling of the title. */
export const MICRO_SUGGESTION_TITLE_MAX = 100;
/** The hard ceiling of the place text. */
export const MICRO_SUGGESTION_PLACE_MAX = 100;
/** The hard ceiling of one text field; the committee's limit (default 500 for problem + suggestion) is the server's. */
const FIELD_MAX = 5000;

// ───────────────────────────── input ─────────────────────────────

const title = z
  .string()
  .trim()
  .min(1, { error: '标题不能为空' })
  .max(MICRO_SUGGESTION_TITLE_MAX, { error: `标题不能超过 ${MICRO_SUGGESTION_TITLE_MAX} 个字符` });
const place = z
  .string()
  .trim()
  .max(MICRO_SUGGESTION_PLACE_MAX, { error: `地点不能超过 ${MICRO_SUGGESTION_PLACE_MAX} 个字符` });
const problem = z.string().max(FIELD_MAX, { error: `问题描述不能超过 ${FIELD_MAX} 个字符` });
const suggestion = z.string().max(FIELD_MAX, { error: `建议不能超过 ${FIELD_MAX} 个字符` });
const reason = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${what}不能超过 ${max} 个字符` });

/** Body of "write a micro-suggestion" (a draft of the calling member, who is its lead). */
export const microSuggestionCreateSchema = z.object({
  title,
  /** The street or community, as free text (e.g. 城关街道幸福社区). */
  place: place.default(''),
  problem: problem.default(''),
  suggestion: suggestion.default(''),
});
export type MicroSuggestionCreate = z.infer<typeof microSuggestionCreateSchema>;

/** Body of "autosave a draft" (If-Match): any subset of the fields. */
export const microSuggestionUpdateSchema = z.object({ title, place, problem, suggestion }).partial();
export type MicroSuggestionUpdate = z.infer<typeof microSuggestionUpdateSchema>;

/** Body of "accept" (受理): an optional note and the category (领域) the office files it under. */
export const acceptSchema = z
  .object({ note: reason(1000, '说明').optional(), categoryId: idSchema.optional() })
  .nullish()
  .transform((body) => body ?? {});

/** Body of "decline" (不予受理): the reason, which the member reads. */
export const declineSchema = z.object({
  reason: z.string().trim().min(1, { error: '请填写不予受理的理由' }).max(1000, { error: '理由不能超过 1000 个字符' }),
});

/** Body of "merge" (合并): the micro-suggestion on the same matter that this one joins. */
export const mergeSchema = z.object({ targetId: idSchema, reason: reason(1000, '说明').optional() });

/** Body of "convert" (转为提案): the proposal draft is the member's to complete and submit. */
export const convertSchema = z
  .object({ reason: reason(1000, '说明').optional() })
  .nullish()
  .transform((body) => body ?? {});

/** Body of "transfer" (转交承办单位): exactly one unit; the category when the office sets it now. */
export const transferSchema = z.object({
  unitId: idSchema,
  categoryId: idSchema.optional(),
  note: reason(1000, '交办说明').optional(),
});

/** Body of "the member takes it on" (委员领办). */
export const takeOnSchema = z
  .object({ note: reason(1000, '说明').optional() })
  .nullish()
  .transform((body) => body ?? {});

/** Body of the member's result report (领办结果): the text; photos are uploaded before it. */
export const reportResultSchema = z.object({
  text: z.string().trim().min(1, { error: '请填写办理结果' }).max(2000, { error: '办理结果不能超过 2000 个字符' }),
});

/**
 * Body of "publish" (公开): optional edited public texts (each redacted again) and the photos to show (default: all
 * of the member's problem photos and all result / reply photos).
 */
export const publishSchema = z
  .object({
    title: title.optional(),
    place: place.optional(),
    problem: problem.optional(),
    suggestion: suggestion.optional(),
    reply: z
      .string()
      .max(FIELD_MAX, { error: `答复不能超过 ${FIELD_MAX} 个字符` })
      .optional(),
    photoIds: z.array(idSchema).max(12, { error: '最多选择 12 张照片' }).optional(),
  })
  .nullish()
  .transform((body) => body ?? {});
export type PublishInput = z.output<typeof publishSchema>;

/** Body of "unpublish" (撤回公开). */
export const unpublishSchema = z
  .object({ reason: reason(500, '说明').optional() })
  .nullish()
  .transform((body) => body ?? {});

/** `/micro-suggestions/{id}/photos/{photoId}`. */
export const photoParamsSchema = z.object({ id: idSchema, photoId: idSchema });

/**
 * Query of the list. mine: the member's own (lead or co-raiser). queue=review: the office's queue (submitted first,
 * longest waiting first, then accepted ones awaiting transfer). Filters: state, unit, place text, month raised.
 */
export const microSuggestionListQuerySchema = pageQuerySchema.extend({
  mine: z.enum(['true', 'false'], { error: 'mine 应为 true 或 false' }).optional(),
  queue: z.enum(['review'], { error: 'queue 应为 review' }).optional(),
  state: microSuggestionStateSchema.optional(),
  unitId: idSchema.optional(),
  /** Part of the place text (街道、社区). */
  place: z.string().trim().max(50, { error: '地点不能超过 50 个字符' }).optional(),
  /** The month it was submitted (YYYY-MM). */
  month: monthSchema.optional(),
  /** Words of the title. */
  q: z.string().trim().max(100, { error: '搜索词不能超过 100 个字符' }).optional(),
  categoryId: idSchema.optional(),
  /** The office's publication filter: resolved ones published or not yet. */
  published: z.enum(['true', 'false'], { error: 'published 应为 true 或 false' }).optional(),
});
export type MicroSuggestionListQuery = z.output<typeof microSuggestionListQuerySchema>;

/** Query of "similar micro-suggestions" (for the office's merge decision, or the member while writing). */
export const similarMicroQuerySchema = z.object({
  /** The micro-suggestion under review: its own text is the query and it is left out. */
  id: idSchema.optional(),
  title: z.string().trim().max(MICRO_SUGGESTION_TITLE_MAX).optional(),
  text: z.string().max(FIELD_MAX).optional(),
});

// ───────────────────────────── output ─────────────────────────────

/** A photo: the member's (problem, result) or a unit reply's; `url` downloads it (the reader's right is checked). */
export const microPhotoSchema = z.object({
  id: z.string(),
  kind: z.enum(photoKinds),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string(),
  createdAt: z.string(),
});
export type MicroPhoto = z.infer<typeof microPhotoSchema>;

/** A member among the raisers (lead first). */
export const raiserSchema = z.object({ memberId: z.string(), name: z.string(), lead: z.boolean() });

/** One rating of a reply. */
export const microRatingSchema = z.object({
  memberId: z.string().nullable(),
  memberName: z.string(),
  rating: z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']),
  ratingName: z.string(),
  comment: z.string().nullable(),
  ratedAt: z.string(),
});

/** A unit's sent reply, with its photos and ratings; `canRate` when this user may rate it now (POST /replies/{id}/ratings). */
export const microReplySchema = z.object({
  id: z.string(),
  round: z.number().int(),
  unitName: z.string(),
  text: z.string(),
  sentAt: z.string().nullable(),
  /** Sent on or before the assignment's due date. */
  onTime: z.boolean().nullable(),
  photos: z.array(microPhotoSchema),
  ratings: z.array(microRatingSchema),
  myRating: z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']).nullable(),
  canRate: z.boolean(),
});
export type MicroReply = z.infer<typeof microReplySchema>;

/** The unit's handling as the engine keeps it: unit, deadline, light and replies. */
export const microHandlingSchema = z.object({
  assignmentId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  assignmentState: z.string(),
  assignmentStateName: z.string(),
  assignedAt: z.string(),
  dueOn: z.string(),
  signedForAt: z.string().nullable(),
  /** The supervision light now (done once replied). */
  light: z.enum(lights),
  lightName: z.string(),
  /** Days to the due date (negative: overdue). */
  daysLeft: z.number().int(),
  replies: z.array(microReplySchema),
});
export type MicroHandling = z.infer<typeof microHandlingSchema>;

/** The office's last intake decision. */
export const microDecisionSchema = z.object({
  action: z.enum(['accept', 'decline', 'merge', 'convert', 'transfer', 'take_on']),
  reason: z.string().nullable(),
  decidedAt: z.string(),
  decidedByName: z.string().nullable(),
});

/** A micro-suggestion as its readers see it, with the actions this user may take now. */
export const microSuggestionSchema = z.object({
  id: z.string(),
  /** 微建议编号, given on submission (e.g. 2026-0012). */
  number: z.string().nullable(),
  title: z.string(),
  place: z.string(),
  problem: z.string(),
  suggestion: z.string(),
  /** Characters of problem + suggestion, and the committee's limit. */
  length: z.number().int(),
  maxLength: z.number().int(),
  leadMemberId: z.string(),
  leadMemberName: z.string(),
  raisers: z.array(raiserSchema),
  source: z.object({
    kind: z.enum(microSuggestionSources),
    stationId: z.string().nullable(),
    visitId: z.string().nullable(),
  }),
  categoryId: z.string().nullable(),
  categoryName: z.string().nullable(),
  /** The member's photos of the problem (before). */
  photos: z.array(microPhotoSchema),
  /** The member may still add photos (a draft with fewer than the maximum). */
  canAddPhotos: z.boolean(),
  maxPhotos: z.number().int(),
  decision: microDecisionSchema.nullable(),
  mergedInto: z.object({ id: z.string(), number: z.string().nullable(), title: z.string() }).nullable(),
  /** Micro-suggestions merged into this one (their members get its outcome). */
  mergedFrom: z.array(z.object({ id: z.string(), number: z.string().nullable(), title: z.string() })),
  /** The proposal draft it was converted into. */
  convertedProposalId: z.string().nullable(),
  handlingMode: z.enum(handlingModes).nullable(),
  /** The unit's handling (mode unit), once transferred. */
  handling: microHandlingSchema.nullable(),
  /** The member's own result (mode member), with its photos. */
  memberReport: z
    .object({
      /** Empty until the member reports. */
      text: z.string(),
      reportedAt: z.string().nullable(),
      photos: z.array(microPhotoSchema),
      canAddPhotos: z.boolean(),
    })
    .nullable(),
  /** While replied: the last day to rate; after it, it resolves unrated. */
  ratingDueOn: z.string().nullable(),
  rehandlingCount: z.number().int(),
  rehandlingLimit: z.number().int(),
  resolution: z.enum(resolutions).nullable(),
  resolutionName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  stateName: z.string(),
  ...workflowItemFields,
});
export type MicroSuggestion = z.infer<typeof microSuggestionSchema>;

/** A row of a list. */
export const microSuggestionSummarySchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  place: z.string(),
  leadMemberName: z.string(),
  state: microSuggestionStateSchema,
  stateName: z.string(),
  handlingMode: z.enum(handlingModes).nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  dueOn: z.string().nullable(),
  categoryId: z.string().nullable(),
  photoCount: z.number().int(),
  published: z.boolean(),
  submittedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type MicroSuggestionSummary = z.infer<typeof microSuggestionSummarySchema>;
export const microSuggestionPageSchema = pageOf(microSuggestionSummarySchema);

/** A micro-suggestion that looks like the one under review (a merge candidate). */
export const similarMicroSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  place: z.string(),
  state: microSuggestionStateSchema,
  stateName: z.string(),
  score: z.number(),
  sharedTerms: z.array(z.string()),
  /** It may take a merge now (submitted, accepted or being handled). */
  canMergeInto: z.boolean(),
});
export const similarMicroResultSchema = z.object({ items: z.array(similarMicroSchema) });

/** A suggested unit for the transfer (as for proposals: category defaults, similar past items, the routing model). */
export const microUnitSuggestionsSchema = z.object({
  items: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      score: z.number(),
      sources: z.array(z.enum(['category', 'history', 'model'])),
    }),
  ),
  /** The categories the routing model suggests (the office may file it under one). */
  categories: z.array(z.object({ categoryId: z.string(), categoryName: z.string(), score: z.number() })),
});

/** One step of a micro-suggestion's history (办理过程), from the event log; oldest first. */
export const microHistorySchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      occurredAt: z.string(),
      type: z.string(),
      actorName: z.string().nullable(),
      summary: z.string(),
    }),
  ),
});
export type MicroHistory = z.infer<typeof microHistorySchema>;

/**
 * The public copy publish would store with no edits (each text redacted), for the office to confirm; `removed`
 * counts what the redaction took out, by kind.
 */
export const microPublicationPreviewSchema = z.object({
  title: z.string(),
  place: z.string(),
  problem: z.string(),
  suggestion: z.string(),
  reply: z.string(),
  removed: z.record(z.string(), z.number().int()),
});
export type MicroPublicationPreview = z.infer<typeof microPublicationPreviewSchema>;

// ───────────────────────────── raised on behalf (liaison stations) ─────────────────────────────

/** What station staff pass when a visit's matter becomes a micro-suggestion of the members present (lead first). */
export const raiseOnBehalfSchema = z.object({
  memberIds: z.array(idSchema).min(1, { error: '请至少选择一位在场委员' }).max(20, { error: '在场委员最多 20 位' }),
  title,
  place,
  problem: z.string().trim().min(1, { error: '请填写问题描述' }).max(FIELD_MAX),
  suggestion: z.string().trim().min(1, { error: '请填写建议' }).max(FIELD_MAX),
  source: z.object({ kind: z.literal('station_visit'), stationId: idSchema, visitId: idSchema }),
});
export type RaiseOnBehalfInput = z.infer<typeof raiseOnBehalfSchema>;

// Statistics and the portal's shapes live beside (contracts/micro-suggestion-figures.ts); re-exported here.
export * from './micro-suggestion-figures.ts';
