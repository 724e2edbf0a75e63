import { and, eq } from 'drizzle-orm';
import type { TermUpdate } from '../../../../contracts/orgs.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { badRequest, conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageTermsAndSessions } from '../orgs.policy.ts';
import { loadTerm, type TermRow } from '../orgs.queries.ts';
import { terms } from '../orgs.tables.ts';

const auditView = (row: TermRow) => ({ number: row.number, name: row.name, startsOn: row.startsOn, endsOn: row.endsOn });

/** Changes a term at the version the client saw; omitted fields stay, endsOn null clears it. */
export async function updateTerm(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: TermUpdate,
  context: RequestContext,
): Promise<TermRow> {
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const current = await loadTerm(tx, actor.orgId, id, true);
      if (current.version !== version) throw versionConflict('届次');
      if (!canManageTermsAndSessions(actor)) throw forbidden('只有系统管理员或提案委可以管理届次');
      const startsOn = input.startsOn ?? current.startsOn;
      const endsOn = input.endsOn === undefined ? current.endsOn : input.endsOn;
      if (endsOn && endsOn < startsOn)
        throw badRequest('结束日期不能早于开始日期', [{ field: 'endsOn', message: '结束日期不能早于开始日期' }]);
      const updated = await tx
        .update(terms)
        .set({ ...input, version: current.version + 1, updatedAt: deps.now().toISOString() })
        .where(and(eq(terms.orgId, actor.orgId), eq(terms.id, id), eq(terms.version, version)))
        .returning();
      assertVersionMatched(updated.length, '届次');
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'term.updated',
        summary: `修改届次“${updated[0].name}”`,
        actor,
        subjectType: 'term',
        subjectId: id,
        before: auditView(current),
        after: auditView(updated[0]),
        context,
      });
      return updated[0];
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`第 ${input.number} 届已存在`, 'duplicate_term_number');
    throw error;
  }
}
