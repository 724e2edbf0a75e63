import { z } from 'zod';
import { administratorRoles, roleSchema } from './roles.ts';

/** Security rules of a committee (MLPS level 2–3 practice). */
export const securitySettingsSchema = z.object({
  passwordMinLength: z.number().int().min(8).max(64).default(8),
  /** Of lower case, upper case, digits and symbols, how many a password must use. */
  passwordMinClasses: z.number().int().min(1).max(4).default(3),
  /** Failed logins on one account from one network address before that address is locked out of the account. */
  lockoutThreshold: z.number().int().min(3).max(20).default(5),
  /** How long such an address+account lock lasts; failures older than this are forgotten. */
  lockoutMinutes: z.number().int().min(1).max(1440).default(15),
  /** Failed logins on one account (from every address) before each further try must wait (a progressive delay). */
  accountDelayAfterFailures: z.number().int().min(3).max(100).default(10),
  /** The first wait, in seconds; it doubles with every further failure. */
  accountDelaySeconds: z.number().int().min(1).max(3600).default(30),
  /** The longest wait, in seconds. */
  accountMaxDelaySeconds: z.number().int().min(1).max(86_400).default(900),
  /** Hours without a failure after which an account's failures are forgotten. */
  accountFailureMemoryHours: z.number().int().min(1).max(168).default(24),
  /** An address the account logged in from within this many days is not made to wait (its own lock still applies). */
  trustedAddressDays: z.number().int().min(0).max(365).default(30),
  /** A new password may not be the current one nor one of the last this many the user set. */
  passwordHistoryCount: z.number().int().min(0).max(24).default(5),
  idleTimeoutMinutes: z.number().int().min(5).max(30).default(30),
  absoluteTimeoutHours: z.number().int().min(1).max(24).default(12),
  /** The three administrators (system, security, audit) must bind an authenticator before they may do anything else. */
  requireTotpForAdministrators: z.boolean().default(true),
});

/** A result class of a reply (答复类别), e.g. A 所提问题已经解决或基本解决. */
export const resultClassSettingSchema = z.object({
  code: z.string().trim().min(1, { error: '请填写类别代码' }).max(8, { error: '类别代码不能超过 8 个字符' }),
  name: z.string().trim().min(1, { error: '请填写类别名称' }).max(100, { error: '类别名称不能超过 100 个字符' }),
  /** A reply of this class promises a follow-up report by a date the unit gives (class B by default). */
  needsFollowUp: z.boolean().default(false),
});

/** The default scheme of result classes. */
export const defaultResultClasses = [
  { code: 'A', name: '所提问题已经解决或基本解决', needsFollowUp: false },
  { code: 'B', name: '所提问题列入计划拟逐步解决', needsFollowUp: true },
  { code: 'C', name: '所提问题因条件限制或其他原因暂时不能解决', needsFollowUp: false },
];

/** Deadlines and limits of proposal work (the defaults of domain.md). */
export const proposalSettingsSchema = z.object({
  bodyMaxCharacters: z.number().int().min(200).max(20000).default(1500),
  replyDueMonths: z.number().int().min(1).max(12).default(3),
  extensionMaxMonths: z.number().int().min(1).max(24).default(6),
  coHandlerDueMonths: z.number().int().min(1).max(6).default(1),
  adjustmentWindowWorkingDays: z.number().int().min(1).max(30).default(5),
  rehandlingLimit: z.number().int().min(0).max(5).default(1),
  rehandlingDueMonths: z.number().int().min(1).max(6).default(1),
  ratingWindowDays: z.number().int().min(1).max(180).default(30),
  yellowAtPercent: z.number().int().min(1).max(99).default(80),
  /** Largest attachment of a proposal, in MB. */
  attachmentMaxMegabytes: z.number().int().min(1).max(100).default(20),
  /** Most attachments one proposal may have. */
  attachmentMaxCount: z.number().int().min(1).max(50).default(10),
  /** Most data rows one Excel import of members or handling units may hold; the reading stops past it. */
  importMaxRows: z.number().int().min(100).max(20000).default(5000),
  /** Most rows one history file (智能分办 历史数据) may hold. */
  historyImportMaxRows: z.number().int().min(100).max(50000).default(20000),
  /** A replying unit must record at least one contact with the proposers before its reply goes to sign-off. */
  requireContactBeforeReply: z.boolean().default(true),
  /** Signed-off replies go to the proposal office for review before they reach the proposers. */
  officeReviewsReplies: z.boolean().default(false),
  resultClasses: z
    .array(resultClassSettingSchema)
    .min(1, { error: '至少要有一个答复类别' })
    .max(10, { error: '答复类别最多 10 个' })
    .refine((items) => new Set(items.map((item) => item.code.toUpperCase())).size === items.length, {
      error: '答复类别的代码不能重复',
    })
    .default(() => defaultResultClasses.map((item) => ({ ...item }))),
});

/**
 * Micro-suggestion work (微建议). The reply period stays the top-level `microSuggestionReplyWorkingDays` (the key
 * stored settings already carry); `microSuggestionSettings` reads both as one group.
 */
export const microSuggestionSettingsSchema = z.object({
  /** Most characters of problem + suggestion together. */
  maxLength: z.number().int().min(100).max(5000).default(500),
  /** A unit's reply needs its leader's sign-off (off: the handler sends it). */
  leaderSignOff: z.boolean().default(false),
  /** How often a dissatisfied rating reopens handling. */
  rehandlingLimit: z.number().int().min(0).max(3).default(1),
  /** Days the members have to rate a reply; after them it resolves unrated. */
  ratingWindowDays: z.number().int().min(1).max(90).default(15),
  /** Largest photo, in MB. */
  photoMaxMegabytes: z.number().int().min(1).max(20).default(10),
  /** Roles that review micro-suggestions beside the proposal office (e.g. a special committee's staff). */
  reviewerRoles: z
    .array(roleSchema)
    .max(10)
    .refine((items) => items.every((role) => !administratorRoles.includes(role)), {
      error: '系统、安全、审计管理员不能审查微建议',
    })
    .default([]),
});
export type MicroSuggestionSettings = z.infer<typeof microSuggestionSettingsSchema>;

/** Every setting of a committee; stored as JSON on the organization, missing keys take these defaults. */
export const tenantSettingsSchema = z.object({
  security: securitySettingsSchema.default(() => securitySettingsSchema.parse({})),
  proposals: proposalSettingsSchema.default(() => proposalSettingsSchema.parse({})),
  microSuggestionReplyWorkingDays: z.number().int().min(1).max(60).default(15),
  microSuggestions: microSuggestionSettingsSchema.default(() => microSuggestionSettingsSchema.parse({})),
  opinionReportMaxCharacters: z.number().int().min(200).max(20000).default(1500),
});
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

/** The effective settings: stored values over defaults; unreadable stored values fall back to defaults. */
export function effectiveSettings(stored: unknown): TenantSettings {
  const parsed = tenantSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : tenantSettingsSchema.parse({});
}

/** The micro-suggestion settings as one group, with the reply period (kept top-level for stored settings). */
export function microSuggestionSettings(settings: TenantSettings): MicroSuggestionSettings & { replyWorkingDays: number } {
  return { ...settings.microSuggestions, replyWorkingDays: settings.microSuggestionReplyWorkingDays };
}
