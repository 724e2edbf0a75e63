import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
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
};

/**
 * Verifies the actor's committee's audit chain and records that the verification ran, with its finding.
 * The chain is read outside any transaction (it may be long); the record is a short transaction afterwards.
 */
export async function verifyAuditChain(
  dependencies: AppDependencies,
  actor: Actor,
  context: RequestContext,
): Promise<{ result: ChainVerificationResult; verifiedAt: Date }> {
  if (!canReadAuditLog(actor)) throw forbidden(auditOnlyMessage);
  const verifiedAt = dependencies.now();
  const result = await verifyChain(dependencies.database.orm, actor.orgId);
  const summary = result.valid
    ? `校验审计日志哈希链：完整，共 ${result.checked} 条`
    : `校验审计日志哈希链：第 ${result.firstBrokenSequence} 条起异常（${reasonText[result.reason ?? 'hash_mismatch']}）`;
  await dependencies.database.orm.transaction(async (transaction) => {
    await recordEvent(transaction, dependencies.config.auditHash, {
      orgId: actor.orgId,
      type: 'audit.chain_verified',
      summary,
      actor,
      subjectType: 'audit_chain',
      subjectId: actor.orgId,
      after: result,
      context,
    });
  });
  return { result, verifiedAt };
}
