import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Unit, unitUpdateSchema } from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched } from '../../../platform/http/concurrency.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canUpdateUnit } from '../people.policy.ts';
import { unitAuditView } from '../people.presenter.ts';
import { units } from '../people.tables.ts';
import { loadUnit, presentUnits } from '../units.queries.ts';
import { assertParentValid, assertUnitUnique } from './create-unit.ts';
import { changedFields } from './update-member.ts';

export type UnitUpdate = z.output<typeof unitUpdateSchema>;

/**
 * Updates a unit at the version the client saw. Managers change anything; the unit's own handlers and
 * leaders only its contact details.
 */
export async function updateUnit(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: UnitUpdate,
  context: RequestContext,
): Promise<Unit> {
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const current = await loadUnit(tx, actor.orgId, id, true);
      const fields = Object.keys(input).filter((key) => input[key as keyof UnitUpdate] !== undefined);
      if (!canUpdateUnit(actor, id, fields)) {
        throw forbidden(actor.unitId === id ? '您只能修改本单位的联系人、联系电话和地址' : '您无权修改该承办单位');
      }
      if (current.version !== version) throw conflict('承办单位信息已被他人修改，请刷新后重试', 'version_conflict');
      if (input.parentId && input.parentId !== current.parentId) await assertParentValid(tx, actor.orgId, id, input.parentId);
      await assertUnitUnique(
        tx,
        actor.orgId,
        {
          code: input.code !== current.code ? input.code : undefined,
          name: input.name !== current.name ? input.name : undefined,
        },
        id,
      );
      const { contactPhone, ...plain } = input;
      const updated = await tx
        .update(units)
        .set({
          ...plain,
          ...(contactPhone === undefined
            ? {}
            : { contactMobileEncrypted: contactPhone ? deps.cipher.encrypt(contactPhone) : null }),
          version: current.version + 1,
          updatedAt: deps.now().toISOString(),
        })
        .where(and(eq(units.orgId, actor.orgId), eq(units.id, id), eq(units.version, version)))
        .returning();
      assertVersionMatched(updated.length, '承办单位信息');
      const row = updated[0];
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'unit.updated',
        summary: `修改承办单位“${row.name}”的信息`,
        actor,
        subjectType: 'unit',
        subjectId: id,
        ...changedFields(unitAuditView(current, deps.cipher), unitAuditView(row, deps.cipher)),
        context,
      });
      const [unit] = await presentUnits(tx, deps, actor.orgId, [row]);
      return unit;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('单位编码或名称已存在', 'duplicate_unit');
    throw error;
  }
}
