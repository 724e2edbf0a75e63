import { z } from 'zod';
import { attachmentSchema } from './attachments.ts';
import { dateSchema, idSchema, text, workflowItemFields } from './common.ts';
import { handledKinds, handlingPhases } from './handled-kinds.ts';
import { assignmentSchema } from './proposals.ts';

/** The kinds of handled item live in their own file (contracts/proposals.ts needs them too); read them here. */
export {
  type HandledKind,
  type HandlingPhase,
  handledKindNames,
  handledKindSchema,
  handledKinds,
  handlingPhases,
} from './handled-kinds.ts';

// ───────────────────────────── contacts (面商) ─────────────────────────────

/** How a unit contacted the proposers. */
export const contactMethods = ['visit', 'meeting', 'phone', 'other'] as const;
export type ContactMethod = (typeof contactMethods)[number];
export const contactMethodNames: Record<ContactMethod, string> = {
  visit: '走访',
  meeting: '座谈会商',
  phone: '电话沟通',
  other: '其他方式',
};

/** Body of "record a contact with the proposers". */
export const contactCreateSchema = z.object({
  method: z.enum(contactMethods, { error: '沟通方式应为 visit（走访）、meeting（座谈会商）、phone（电话沟通）或 other' }),
  contactedOn: dateSchema,
  /** Who took part (both sides), as written. */
  people: text(500),
  summary: text(4000),
});

/** A recorded contact of a unit with the proposers. */
export const contactSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  unitName: z.string(),
  method: z.enum(contactMethods),
  methodName: z.string(),
  contactedOn: z.string(),
  people: z.string(),
  summary: z.string(),
  recordedByName: z.string(),
  createdAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

// ───────────────────────────── co-handlers' opinions (会办意见) ─────────────────────────────

/** Body of a co-handler's opinion to the lead unit. */
export const coOpinionCreateSchema = z.object({ text: text(8000) });

/** A co-handling unit's opinion, sent to the lead unit. */
export const coOpinionSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  text: z.string(),
  sentAt: z.string(),
  sentByName: z.string(),
  /** Sent after the co-handler's deadline. */
  late: z.boolean(),
});
export type CoOpinion = z.infer<typeof coOpinionSchema>;

// ───────────────────────────── extensions (延期) ─────────────────────────────

export const extensionStates = ['requested', 'approved', 'refused'] as const;
export type ExtensionState = (typeof extensionStates)[number];
export const extensionActions = ['approve', 'refuse'] as const;
export type ExtensionAction = (typeof extensionActions)[number];

/** Body of an extension request: the new due date and why. */
export const extensionRequestSchema = z.object({
  requestedDueOn: dateSchema,
  reason: text(2000),
});
/** Body of the office's decision on an extension request. */
export const extensionDecisionSchema = z.object({ reason: z.string().trim().max(2000).optional() });
export const extensionRefusalSchema = z.object({ reason: text(2000) });

/** An extension request and its decision. */
export const extensionSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  /** The item's id and title (kept under the proposal's names for existing clients). */
  proposalId: z.string(),
  proposalTitle: z.string(),
  kind: z.enum(handledKinds),
  kindName: z.string(),
  itemId: z.string(),
  itemTitle: z.string(),
  /** Where the web shows the item. */
  link: z.string(),
  unitName: z.string(),
  previousDueOn: z.string(),
  requestedDueOn: z.string(),
  reason: z.string(),
  requestedAt: z.string(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  stateName: z.string(),
  ...workflowItemFields,
});
export type Extension = z.infer<typeof extensionSchema>;

// ───────────────────────────── replies (答复) ─────────────────────────────

/** A reply's way from the handler's draft to the proposers. */
export const replyStates = ['draft', 'pending_signoff', 'office_review', 'sent'] as const;
export type ReplyState = (typeof replyStates)[number];
/** send: the handler sends the reply without sign-off, for kinds that need none (a micro-suggestion by default). */
export const replyActions = ['submit', 'send', 'sign_off', 'sign_off_and_send', 'return', 'release'] as const;
export type ReplyAction = (typeof replyActions)[number];
/** reply: the answer to the proposers (rated); follow_up: the later report a class-B reply promised. */
export const replyKinds = ['reply', 'follow_up'] as const;
export type ReplyKind = (typeof replyKinds)[number];

/** Body of a new reply draft or an edit of one. */
export const replyDraftSchema = z.object({
  kind: z.enum(replyKinds, { error: '答复类型应为 reply（答复）或 follow_up（后续办理情况报告）' }).default('reply'),
  text: text(30000),
  /** A code of the committee's result class scheme (A/B/C by default); required for a reply. */
  resultClass: z.string().trim().max(8).optional(),
  contactPerson: text(50),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,30}$/, { error: '联系电话格式不正确' }),
  /** Class B: the date by which the unit will report again. */
  followUpDueOn: dateSchema.optional(),
});
export type ReplyDraft = z.infer<typeof replyDraftSchema>;

/** Body of the office's release of a reviewed reply: it may change the class. */
export const replyReleaseSchema = z.object({ resultClass: z.string().trim().max(8).optional() });
export const replyReturnSchema = z.object({ reason: text(2000) });

/** One proposer's rating of a reply. */
export const ratings = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof ratings)[number];
export const ratingNames: Record<Rating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** Body of a rating. */
export const ratingCreateSchema = z.object({
  rating: z.enum(ratings, { error: '评价应为 satisfied（满意）、basically_satisfied（基本满意）或 dissatisfied（不满意）' }),
  /** Did the unit contact you before replying? */
  contacted: z.boolean().optional(),
  /** Did the reply address your suggestion? */
  addressed: z.boolean().optional(),
  comment: z.string().trim().max(2000, { error: '意见不能超过 2000 个字符' }).optional(),
});

/** A rating as shown to the office and the unit. */
export const ratingSchema = z.object({
  id: z.string(),
  replyId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  rating: z.enum(ratings),
  ratingName: z.string(),
  contacted: z.boolean().nullable(),
  addressed: z.boolean().nullable(),
  comment: z.string().nullable(),
  ratedAt: z.string(),
});
export type RatingView = z.infer<typeof ratingSchema>;

/** A reply with its round, class, sign-off trail and ratings. */
export const replySchema = z.object({
  id: z.string(),
  /** The item's id (kept under the proposal's name for existing clients). */
  proposalId: z.string(),
  itemId: z.string(),
  assignmentId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(replyKinds),
  /** 1 for the first handling; 2 after a dissatisfied rating reopened it (二次办理)… */
  round: z.number().int(),
  text: z.string(),
  resultClass: z.string().nullable(),
  resultClassName: z.string().nullable(),
  /** The class the unit gave, when the office changed it. */
  unitResultClass: z.string().nullable(),
  contactPerson: z.string(),
  /** Masked for readers outside the unit and the office. */
  contactPhone: z.string(),
  followUpDueOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  draftedByName: z.string(),
  signedOffByName: z.string().nullable(),
  signedOffAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** Files attached to the reply (added while it is a draft). */
  attachments: z.array(attachmentSchema),
  ratings: z.array(ratingSchema),
  /** For a proposer: their own rating, and whether they may rate now. */
  myRating: z.enum(ratings).nullable(),
  canRate: z.boolean(),
  stateName: z.string(),
  ...workflowItemFields,
});
export type Reply = z.infer<typeof replySchema>;

/** A result class of the committee's scheme. */
export const resultClassSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** A reply of this class promises a follow-up report by a date the unit gives (class B by default). */
  needsFollowUp: z.boolean(),
});

/** Everything a unit needs to handle one assignment, in one view. */
export const handlingViewSchema = z.object({
  assignment: assignmentSchema,
  /** The item (kept under the proposal's name for existing clients; `item` says what it is). */
  proposal: z.object({
    id: z.string(),
    number: z.string().nullable(),
    title: z.string(),
    state: z.string(),
    proposerNames: z.array(z.string()),
  }),
  item: z.object({
    id: z.string(),
    kind: z.enum(handledKinds),
    kindName: z.string(),
    number: z.string().nullable(),
    title: z.string(),
    /** The owner's own state and what it means to the engine. */
    state: z.string(),
    phase: z.enum(handlingPhases),
    /** Where the web shows the item. */
    link: z.string(),
    /** Who rates the replies (proposers; the members who raised a micro-suggestion). */
    raterNames: z.array(z.string()),
  }),
  contacts: z.array(contactSchema),
  /** Lead unit: every co-handler's opinion; a co-handler: its own. */
  coOpinions: z.array(coOpinionSchema),
  /** Lead unit: the co-handlers that have not sent their opinion, with their due dates. */
  awaitingCoHandlers: z.array(z.object({ unitName: z.string(), dueOn: z.string() })),
  extensions: z.array(extensionSchema),
  replies: z.array(replySchema),
  resultClasses: z.array(resultClassSchema),
  /** What this user may do now, and why not when they may not. */
  rules: z.object({
    requiresContact: z.boolean(),
    canRecordContact: z.boolean(),
    canSendOpinion: z.boolean(),
    canRequestExtension: z.boolean(),
    /** The latest due date an extension may ask for. */
    latestExtensionOn: z.string(),
    canDraftReply: z.boolean(),
    canDraftFollowUp: z.boolean(),
    /** The unit leader signs the reply off (off: the handler sends it). */
    leaderSignOff: z.boolean(),
    officeReviewsReplies: z.boolean(),
    /** The reply carries a result class (proposals). */
    resultClassRequired: z.boolean(),
    /** Most extension requests per assignment (null: no limit). */
    extensionsPerAssignment: z.number().int().nullable(),
  }),
});
export type HandlingView = z.infer<typeof handlingViewSchema>;

/** The replies of one proposal, for its proposers and staff. */
export const proposalRepliesSchema = z.object({
  proposalId: z.string(),
  state: z.string(),
  ratingDueOn: z.string().nullable(),
  items: z.array(replySchema),
});
export type ProposalReplies = z.infer<typeof proposalRepliesSchema>;

/** The replies of a handled item of any kind (GET /items/{id}/replies; also what a rating answers). */
export const itemRepliesSchema = proposalRepliesSchema.extend({
  itemId: z.string(),
  kind: z.enum(handledKinds),
  kindName: z.string(),
});
export type ItemReplies = z.infer<typeof itemRepliesSchema>;

export const extensionListQuerySchema = z.object({
  state: z.enum(extensionStates, { error: `状态应为 ${extensionStates.join('、')} 之一` }).optional(),
  assignmentId: idSchema.optional(),
});
export const extensionListSchema = z.object({ items: z.array(extensionSchema) });
