import { z } from 'zod';

/** Security rules of a committee (MLPS level 2–3 practice). */
export const securitySettingsSchema = z.object({
  passwordMinLength: z.number().int().min(8).max(64).default(8),
  /** Of lower case, upper case, digits and symbols, how many a password must use. */
  passwordMinClasses: z.number().int().min(1).max(4).default(3),
  lockoutThreshold: z.number().int().min(3).max(20).default(5),
  lockoutMinutes: z.number().int().min(1).max(1440).default(15),
  idleTimeoutMinutes: z.number().int().min(5).max(30).default(30),
  absoluteTimeoutHours: z.number().int().min(1).max(24).default(12),
  requireTotpForAdministrators: z.boolean().default(false),
});

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
});

/** Every setting of a committee; stored as JSON on the organization, missing keys take these defaults. */
export const tenantSettingsSchema = z.object({
  security: securitySettingsSchema.default(() => securitySettingsSchema.parse({})),
  proposals: proposalSettingsSchema.default(() => proposalSettingsSchema.parse({})),
  microSuggestionReplyWorkingDays: z.number().int().min(1).max(60).default(15),
  opinionReportMaxCharacters: z.number().int().min(200).max(20000).default(1500),
});
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

/** The effective settings: stored values over defaults; unreadable stored values fall back to defaults. */
export function effectiveSettings(stored: unknown): TenantSettings {
  const parsed = tenantSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : tenantSettingsSchema.parse({});
}
