import { and, eq } from 'drizzle-orm';
import type { Unit } from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched } from '../../../platform/http/concurrency.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageUnits } from '../people.policy.ts';
import { units } from '../people.tables.ts';
import { loadUnit, presentUnits } from '../units.queries.ts';

/** Deactivates (no longer assignable) or reactivates a handling unit at the version the client saw. */
export async function setUnitActive(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  active: boolean,
  context: RequestContext & { reason?: string },
): Promise<Unit> {
  return deps.database.orm.transaction(async (tx) => {
    const current = await loadUnit(tx, actor.orgId, id, true);
    if (current.active === active) {
      throw conflict(`承办单位“${current.name}”当前已是${active ? '启用' : '停用'}状态`, 'invalid_transition', {
        state: current.active ? 'active' : 'inactive',
      });
    }
    if (!canManageUnits(actor)) throw forbidden('您无权停用或启用承办单位');
    if (current.version !== version) throw conflict('承办单位信息已被他人修改，请刷新后重试', 'version_conflict');
    const updated = await tx
      .update(units)
      .set({ active, version: current.version + 1, updatedAt: deps.now().toISOString() })
      .where(and(eq(units.orgId, actor.orgId), eq(units.id, id), eq(units.version, version)))
      .returning();
    assertVersionMatched(updated.length, '承办单位信息');
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: active ? 'unit.reactivated' : 'unit.deactivated',
      summary: `${active ? '启用' : '停用'}承办单位“${current.name}”${context.reason ? `：${context.reason}` : ''}`,
      actor,
      subjectType: 'unit',
      subjectId: id,
      before: { active: current.active },
      after: { active, reason: context.reason ?? null },
      context,
    });
    const [unit] = await presentUnits(tx, deps, actor.orgId, updated);
    return unit;
  });
}
