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
  /** 1: unkeyed digest of v0.2.0 (rows written before the upgrade); 2: keyed HMAC over every column. */
  hashVersion: z.number().int(),
  previousHash: z.string(),
  hash: z.string(),
});
export type AuditEventDetail = z.infer<typeof auditEventDetailSchema>;

/** A page of the audit log, newest first. */
export const auditEventPageSchema = pageOf(auditEventSummarySchema);
export type AuditEventPage = z.infer<typeof auditEventPageSchema>;

/** Why a chain failed verification (or, for the key reasons, could not be verified). */
export const chainBreakReasonSchema = z.enum([
  'hash_mismatch',
  'previous_hash_mismatch',
  'sequence_gap',
  'head_mismatch',
  'legacy_format',
  'checkpoint_mismatch',
  'checkpoint_truncated',
  'checkpoint_invalid',
  'key_missing',
  'key_mismatch',
]);
export type ChainBreakReason = z.infer<typeof chainBreakReasonSchema>;

/** Chinese explanations of the break reasons, for the UI. */
export const chainBreakReasonNames: Record<ChainBreakReason, string> = {
  hash_mismatch: '记录内容与其哈希值不符（记录被篡改）',
  previous_hash_mismatch: '记录与前一条记录的哈希链接不符（记录被替换或插入）',
  sequence_gap: '序号不连续（有记录被删除）',
  head_mismatch: '链头与最后一条记录不符（末尾记录被删除或链头被改动）',
  legacy_format: '升级后仍出现旧版无密钥格式的记录（记录被按旧算法重写）',
  checkpoint_mismatch: '记录与签名检查点中的哈希值不符（检查点之前的记录被改写）',
  checkpoint_truncated: '数据库中的记录少于签名检查点（末尾记录被删除）',
  checkpoint_invalid: '检查点文件中有签名无效或无法识别的内容（检查点文件被改动）',
  key_missing: '服务器未配置审计密钥，无法校验',
  key_mismatch: '记录或检查点由另一把审计密钥签名，本服务器的密钥无法校验（密钥丢失或被更换）',
};

/** valid: intact; broken: tampered, with where; unverifiable: the server lacks the key the chain was signed with. */
export const chainStatusSchema = z.enum(['valid', 'broken', 'unverifiable']);
export type ChainStatus = z.infer<typeof chainStatusSchema>;

/** A signed checkpoint kept outside the database: the chain had `hash` at `sequence` when it was written. */
export const chainCheckpointSchema = z.object({
  sequence: z.number().int(),
  hash: z.string(),
  writtenAt: z.string(),
});
export type ChainCheckpoint = z.infer<typeof chainCheckpointSchema>;

/** The result of recomputing a committee's whole hash chain and comparing it with the signed checkpoints. */
export const chainVerificationSchema = z.object({
  /** True only when the status is valid. */
  valid: z.boolean(),
  status: chainStatusSchema,
  /** How many events were checked. */
  checked: z.number().int(),
  /** The sequence of the first broken link, null when valid (or when no sequence can be named). */
  firstBrokenSequence: z.number().int().nullable(),
  reason: chainBreakReasonSchema.nullable(),
  /** The last event verified: the chain's head when valid (sequence 0 for an empty chain). */
  head: z.object({ sequence: z.number().int(), hash: z.string() }),
  /** How many signed checkpoints the chain was compared with. */
  checkpointsCompared: z.number().int(),
  /** The newest checkpoint after this verification (a valid chain's head is sealed by it); null when none. */
  latestCheckpoint: chainCheckpointSchema.nullable(),
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
  checkpointFile: '/audit/checkpoints/file',
  eventTypes: '/audit/event-types',
} as const;
