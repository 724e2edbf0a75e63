import { z } from 'zod';
import { idSchema, pageOf } from './common.ts';

/** Outcome of the recorded action. */
export const eventResultSchema = z.enum(['success', 'failure']);
export type EventResult = z.infer<typeof eventResultSchema>;

/** Chinese names of the results, for the UI. */
export const eventResultNames: Record<EventResult, string> = { success: '成功', failure: '失败' };

/** An instant in ISO 8601 form with a time zone, e.g. 2026-03-01T08:00:00+08:00. */
const instantSchema = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601，如 2026-03-01T08:00:00+08:00' });

/**
 * Filters of the audit log. `type` matches a prefix ("proposal." finds every proposal event); `from`/`to`
 * bound the occurrence instant (from inclusive, to exclusive). Paging runs newest first by chain sequence.
 */
export const auditEventQuerySchema = z.object({
  type: z.string().trim().max(100, { error: '不能超过 100 个字符' }).optional(),
  actorId: idSchema.optional(),
  subjectType: z.string().trim().max(100, { error: '不能超过 100 个字符' }).optional(),
  subjectId: z.string().trim().max(200, { error: '不能超过 200 个字符' }).optional(),
  result: eventResultSchema.optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  /** Opaque cursor from the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditEventQuery = z.infer<typeof auditEventQuerySchema>;

/** One line of the audit log (who, when, what, result). */
export const auditEventSummarySchema = z.object({
  id: idSchema,
  /** Position in the committee's hash chain, from 1. */
  sequence: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  type: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  summary: z.string(),
  result: eventResultSchema,
  ip: z.string().nullable(),
});
export type AuditEventSummary = z.infer<typeof auditEventSummarySchema>;

/** One event in full: the change (before/after), the request and its place in the hash chain. */
export const auditEventDetailSchema = auditEventSummarySchema.extend({
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  hashAlgorithm: z.enum(['sha256', 'sm3']),
  previousHash: z.string(),
  hash: z.string(),
});
export type AuditEventDetail = z.infer<typeof auditEventDetailSchema>;

/** A page of the audit log, newest first. */
export const auditEventPageSchema = pageOf(auditEventSummarySchema);
export type AuditEventPage = z.infer<typeof auditEventPageSchema>;

/** Why a chain failed verification. */
export const chainBreakReasonSchema = z.enum(['hash_mismatch', 'previous_hash_mismatch', 'sequence_gap', 'head_mismatch']);
export type ChainBreakReason = z.infer<typeof chainBreakReasonSchema>;

/** Chinese explanations of the break reasons, for the UI. */
export const chainBreakReasonNames: Record<ChainBreakReason, string> = {
  hash_mismatch: '记录内容与其哈希值不符（记录被篡改）',
  previous_hash_mismatch: '记录与前一条记录的哈希链接不符（记录被替换或插入）',
  sequence_gap: '序号不连续（有记录被删除）',
  head_mismatch: '链头与最后一条记录不符（末尾记录被删除或链头被改动）',
};

/** The result of recomputing a committee's whole hash chain. */
export const chainVerificationSchema = z.object({
  valid: z.boolean(),
  /** How many events were checked. */
  checked: z.number().int(),
  /** The sequence of the first broken link, null when valid. */
  firstBrokenSequence: z.number().int().nullable(),
  reason: chainBreakReasonSchema.nullable(),
  /** When the verification ran. */
  verifiedAt: z.string(),
});
export type ChainVerification = z.infer<typeof chainVerificationSchema>;

/** The distinct event types of the committee, for the type filter. */
export const auditEventTypesSchema = z.object({ items: z.array(z.string()) });
export type AuditEventTypes = z.infer<typeof auditEventTypesSchema>;

/** Routes of the audit module (auditor role only), relative to /api/v1. */
export const auditRoutes = {
  events: '/audit/events',
  event: (id: string) => `/audit/events/${id}`,
  verify: '/audit/verify',
  eventTypes: '/audit/event-types',
} as const;
