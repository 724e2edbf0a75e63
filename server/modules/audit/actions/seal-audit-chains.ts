import { committeesWithChains, type SealOutcome, sealChain } from '../../../platform/events/seal-chain.ts';
import type { AppDependencies } from '../../../platform/module.ts';

/**
 * The scheduled checkpoint: checks every chain from its newest checkpoint in this node's folder and appends a
 * signed checkpoint of each head that moved. No event is recorded (that would move the head every run); a chain
 * found broken is reported by throwing after all chains were done, which the job runner logs as an error.
 */
export async function sealAuditChains(dependencies: AppDependencies): Promise<SealOutcome[]> {
  const { auditHash, auditCheckpointDir } = dependencies.config;
  const orm = dependencies.database.orm;
  const outcomes: SealOutcome[] = [];
  for (const orgId of await committeesWithChains(orm)) {
    outcomes.push(await sealChain(orm, orgId, auditHash, auditCheckpointDir, dependencies.now()));
  }
  const failed = outcomes.filter((outcome) => !outcome.result.valid);
  if (failed.length > 0) {
    const list = failed.map((item) => `${item.orgId}: ${item.result.reason} @ ${item.result.firstBrokenSequence ?? '-'}`);
    throw new Error(`审计日志哈希链校验未通过，未写入检查点：${list.join('; ')}`);
  }
  return outcomes;
}
