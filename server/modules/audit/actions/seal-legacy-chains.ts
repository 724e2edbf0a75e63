import { keyFingerprint } from '../../../platform/crypto/hashing.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import {
  chainsSignedWithOtherKey,
  committeesWithLegacyEvents,
  type SealOutcome,
  sealChain,
} from '../../../platform/events/seal-chain.ts';
import type { AppDependencies } from '../../../platform/module.ts';

/** Where start-up reports what it found (Fastify's `app.log` fits). */
export type StartupLogger = {
  error: (object: Record<string, unknown>, message: string) => void;
  info: (object: Record<string, unknown>, message: string) => void;
};

/**
 * At start-up: seals, with a signed checkpoint in this node's folder, every chain that still holds rows of the
 * unkeyed v0.2.0 format, so that rewriting them later (in the old format, which needs no key) is detected; the
 * seal is recorded in the committee's chain. On the first start after the upgrade that is every committee with
 * history; afterwards only a folder that never saw the chain (a new node) seals anything. Also warns when chains
 * end in rows signed with another key (AUDIT_KEY lost or replaced: those rows can no longer be verified here).
 */
export async function sealLegacyChains(dependencies: AppDependencies, logger: StartupLogger): Promise<SealOutcome[]> {
  const { auditHash, auditCheckpointDir } = dependencies.config;
  const orm = dependencies.database.orm;
  const foreign = await chainsSignedWithOtherKey(orm, keyFingerprint(auditHash.key));
  if (foreign > 0) {
    logger.error(
      { chains: foreign },
      '审计密钥与数据库中审计记录所用的密钥不一致：这些记录无法校验。请恢复原 AUDIT_KEY（或 DATA_DIR/audit-key 文件）',
    );
  }
  const outcomes: SealOutcome[] = [];
  for (const orgId of await committeesWithLegacyEvents(orm)) {
    const outcome = await sealChain(orm, orgId, auditHash, auditCheckpointDir, dependencies.now());
    outcomes.push(outcome);
    const legacy = outcome.written.find((checkpoint) => checkpoint.legacy);
    if (!outcome.result.valid) {
      logger.error(
        { orgId, reason: outcome.result.reason, sequence: outcome.result.firstBrokenSequence },
        '旧版审计记录校验未通过，未封存',
      );
    } else if (legacy) {
      await orm.transaction((transaction) =>
        recordEvent(transaction, auditHash, {
          orgId,
          type: 'audit.legacy_sealed',
          summary: `升级后封存旧版审计记录：第 1–${legacy.sequence} 条，签名检查点已写入`,
          subjectType: 'audit_chain',
          subjectId: orgId,
          after: { sequence: legacy.sequence, hash: legacy.hash },
        }),
      );
      logger.info({ orgId, sequence: legacy.sequence }, '已封存旧版审计记录');
    }
  }
  return outcomes;
}
