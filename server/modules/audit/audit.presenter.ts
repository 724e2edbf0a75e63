import type { AuditEventDetail, AuditEventSummary, ChainVerification } from '../../../contracts/audit.ts';
import type { events } from '../../platform/events/events.tables.ts';
import type { ChainVerificationResult } from '../../platform/events/verify-chain.ts';

type EventRow = typeof events.$inferSelect;

/** An event as one line of the audit log. */
export function presentEventSummary(row: EventRow): AuditEventSummary {
  return {
    id: row.id,
    sequence: row.sequence,
    occurredAt: new Date(row.occurredAt).toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    type: row.type,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    summary: row.summary,
    result: row.result === 'failure' ? 'failure' : 'success',
    ip: row.ip,
  };
}

/** An event in full, with its change and its place in the hash chain. */
export function presentEventDetail(row: EventRow): AuditEventDetail {
  return {
    ...presentEventSummary(row),
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    hashAlgorithm: row.hashAlgorithm === 'sm3' ? 'sm3' : 'sha256',
    previousHash: row.previousHash,
    hash: row.hash,
  };
}

/** A verification result with the instant it ran. */
export function presentVerification(result: ChainVerificationResult, verifiedAt: Date): ChainVerification {
  return { ...result, verifiedAt: verifiedAt.toISOString() };
}
