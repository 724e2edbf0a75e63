import type { AuditEventDetail, AuditEventSummary, ChainCheckpoint, ChainVerification } from '../../../contracts/audit.ts';
import type { Checkpoint } from '../../platform/events/checkpoints.ts';
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
    hashVersion: row.hashVersion,
    previousHash: row.previousHash,
    hash: row.hash,
  };
}

/** A checkpoint as the auditor sees it: the sealed position, its hash and when it was written. */
function presentCheckpoint(checkpoint: Checkpoint | null): ChainCheckpoint | null {
  return checkpoint ? { sequence: checkpoint.sequence, hash: checkpoint.hash, writtenAt: checkpoint.writtenAt } : null;
}

/** A verification result with the head, the newest checkpoint (the one just written, if any) and when it ran. */
export function presentVerification(
  result: ChainVerificationResult,
  written: Checkpoint | null,
  verifiedAt: Date,
): ChainVerification {
  return {
    valid: result.valid,
    status: result.status,
    checked: result.checked,
    firstBrokenSequence: result.firstBrokenSequence,
    reason: result.reason,
    head: result.head,
    checkpointsCompared: result.checkpoints,
    latestCheckpoint: presentCheckpoint(written ?? result.latestCheckpoint),
    verifiedAt: verifiedAt.toISOString(),
  };
}
