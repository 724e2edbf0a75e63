import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { appendCheckpoint, type Checkpoint, readCheckpoints, signCheckpoint } from '../../../platform/events/checkpoints.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { type ChainVerificationResult, verifyChain } from '../../../platform/events/verify-chain.ts';
import { forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { auditOnlyMessage, canReadAuditLog } from '../audit.policy.ts';

const reasonText: Record<NonNullable<ChainVerificationResult['reason']>, string> = {
  hash_mismatch: '内容与哈希不符',
  previous_hash_mismatch: '与前一条记录的链接不符',
  sequence_gap: '序号缺失',
  head_mismatch: '链头与末条记录不符',
  legacy_format: '升级后出现旧格式记录',
  checkpoint_mismatch: '与签名检查点不符',
  checkpoint_truncated: '记录少于签名检查点',
  checkpoint_invalid: '检查点文件被改动',
  key_missing: '未配置审计密钥',
  key_mismatch: '审计密钥不一致',
};

/** The event summary of a verification's finding. */
function summaryOf(result: ChainVerificationResult): string {
  if (result.valid) return `校验审计日志哈希链：完整，共 ${result.checked} 条，链头第 ${result.head.sequence} 条`;
  const reason = reasonText[result.reason ?? 'hash_mismatch'];
  if (result.status === 'unverifiable') return `校验审计日志哈希链：无法校验（${reason}）`;
  const where = result.firstBrokenSequence === null ? '检查点文件' : `第 ${result.firstBrokenSequence} 条起`;
  return `校验审计日志哈希链：${where}异常（${reason}）`;
}

/**
 * Verifies the actor's committee's chain against the signed checkpoints in this node's folder; when the chain is
 * intact and has grown since the newest checkpoint, seals its head with a new one (the on-demand checkpoint).
 * Records that the verification ran, with its finding. The chain is read outside any transaction (it may be
 * long); the record is a short transaction afterwards.
 */
export async function verifyAuditChain(
  dependencies: AppDependencies,
  actor: Actor,
  context: RequestContext,
): Promise<{ result: ChainVerificationResult; written: Checkpoint | null; verifiedAt: Date }> {
  if (!canReadAuditLog(actor)) throw forbidden(auditOnlyMessage);
  const { auditHash: hashing, auditCheckpointDir: directory } = dependencies.config;
  const verifiedAt = dependencies.now();
  const lines = await readCheckpoints(directory, actor.orgId);
  const result = await verifyChain(dependencies.database.orm, actor.orgId, hashing, { checkpoints: lines });
  let written: Checkpoint | null = null;
  if (result.valid && result.head.sequence > (result.latestCheckpoint?.sequence ?? 0)) {
    written = signCheckpoint(hashing, {
      orgId: actor.orgId,
      ...result.head,
      legacy: result.legacyHead?.sequence === result.head.sequence,
      writtenAt: verifiedAt,
    });
    await appendCheckpoint(directory, written);
  }
  await dependencies.database.orm.transaction(async (transaction) => {
    await recordEvent(transaction, hashing, {
      orgId: actor.orgId,
      type: 'audit.chain_verified',
      summary: summaryOf(result),
      actor,
      subjectType: 'audit_chain',
      subjectId: actor.orgId,
      after: {
        status: result.status,
        checked: result.checked,
        firstBrokenSequence: result.firstBrokenSequence,
        reason: result.reason,
        head: result.head,
        checkpointsCompared: result.checkpoints,
        checkpointWritten: written ? { sequence: written.sequence, hash: written.hash } : null,
      },
      result: result.valid ? 'success' : 'failure',
      context,
    });
  });
  return { result, written, verifiedAt };
}
