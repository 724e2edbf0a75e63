import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';

/** Records that someone exported a roster (personal data leaving the system, even masked, is audited). */
export async function recordExport(
  deps: AppDependencies,
  actor: Actor,
  input: { type: 'member.exported' | 'unit.exported'; what: string; count: number; filter: Record<string, unknown> },
  context: RequestContext,
): Promise<void> {
  await deps.database.orm.transaction(async (tx) => {
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: input.type,
      summary: `导出${input.what} ${input.count} 条`,
      actor,
      subjectType: input.type.split('.')[0],
      after: { count: input.count, filter: input.filter },
      context,
    });
  });
}
