import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { parseCheckpoints, readCheckpointText } from '../../../platform/events/checkpoints.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { forbidden, Problem } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { auditOnlyMessage, canReadAuditLog } from '../audit.policy.ts';

/** The business date of an instant in a time zone, YYYYMMDD, for the file name. */
function compactDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(instant)
    .replaceAll('-', '');
}

/**
 * The committee's signed checkpoint file as this node keeps it, for the auditor to store apart from the server
 * (a later verification can be compared with it by hand: sequence and head hash). The download is recorded.
 */
export async function downloadCheckpoints(
  dependencies: AppDependencies,
  actor: Actor,
  context: RequestContext,
): Promise<{ fileName: string; text: string }> {
  if (!canReadAuditLog(actor)) throw forbidden(auditOnlyMessage);
  const text = await readCheckpointText(dependencies.config.auditCheckpointDir, actor.orgId);
  if (text === null) {
    throw new Problem(404, 'no_checkpoints', '本委员会尚未写入审计检查点：请先执行一次“校验完整性”，或等待定时检查点');
  }
  const count = parseCheckpoints(text).length;
  await dependencies.database.orm.transaction((transaction) =>
    recordEvent(transaction, dependencies.config.auditHash, {
      orgId: actor.orgId,
      type: 'audit.checkpoints_downloaded',
      summary: `下载审计检查点文件（${count} 个检查点）`,
      actor,
      subjectType: 'audit_chain',
      subjectId: actor.orgId,
      after: { checkpoints: count },
      context,
    }),
  );
  return { fileName: `审计检查点-${compactDate(dependencies.now(), dependencies.config.timeZone)}.jsonl`, text };
}
