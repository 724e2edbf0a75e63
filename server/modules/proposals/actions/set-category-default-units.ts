import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { categoryDefaultUnitsSchema } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageAssignments } from '../assignments.policy.ts';
import { activeUnitNames } from '../assignments.queries.ts';
import { categoryDefaultUnits } from '../proposals.tables.ts';
import { loadCategoryDefaultUnits, loadProposalCategory } from '../unit-suggestions.ts';

/**
 * PUT /proposal-categories/{id}/default-units (office): replaces the category's default handling units with the
 * given list, in that order. Every unit must be an active unit of the committee, each once (422 otherwise).
 */
export async function setCategoryDefaultUnits(
  deps: AppDependencies,
  actor: Actor,
  categoryId: string,
  unitIds: string[],
  context: RequestContext,
): Promise<z.infer<typeof categoryDefaultUnitsSchema>> {
  if (!canManageAssignments(actor)) throw forbidden('只有提案委工作人员可以维护类别的默认承办单位');
  const repeated = unitIds.filter((unitId, index) => unitIds.indexOf(unitId) !== index);
  if (repeated.length > 0) {
    throw unprocessable(
      '同一承办单位不能重复选择',
      [{ field: 'unitIds', message: `重复的承办单位：${[...new Set(repeated)].join('、')}` }],
      'duplicate_unit',
    );
  }
  return deps.database.orm.transaction(async (tx) => {
    const category = await loadProposalCategory(tx, actor.orgId, categoryId);
    const names = await activeUnitNames(tx, actor.orgId, unitIds);
    const unknown = unitIds.filter((unitId) => !names.has(unitId));
    if (unknown.length > 0) {
      throw unprocessable(
        `以下承办单位不存在或已停用：${unknown.join('、')}`,
        unknown.map((unitId) => ({ field: 'unitIds', message: `承办单位不存在或已停用：${unitId}` })),
        'unknown_unit',
      );
    }
    const before = (await loadCategoryDefaultUnits(tx, actor.orgId, categoryId)).map((row) => row.unitId);
    await tx
      .delete(categoryDefaultUnits)
      .where(and(eq(categoryDefaultUnits.orgId, actor.orgId), eq(categoryDefaultUnits.categoryId, categoryId)));
    if (unitIds.length > 0) {
      await tx
        .insert(categoryDefaultUnits)
        .values(unitIds.map((unitId, index) => ({ orgId: actor.orgId, categoryId, unitId, sortOrder: index })))
        .catch((error: unknown) => {
          // A concurrent save of the same category: the later one is refused rather than merged.
          if (isUniqueViolation(error)) throw conflict('默认承办单位已被他人修改，请刷新后重试', 'concurrent_update');
          throw error;
        });
    }
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal_category.default_units_set',
      summary: `设置提案类别“${category.name}”的默认承办单位：${unitIds.map((unitId) => names.get(unitId)).join('、') || '（无）'}`,
      actor,
      subjectType: 'dictionary_entry',
      subjectId: categoryId,
      before: { unitIds: before },
      after: { unitIds },
      context,
    });
    return { categoryId, unitIds };
  });
}
