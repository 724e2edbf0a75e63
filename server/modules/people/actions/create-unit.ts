import { and, eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Unit, unitCreateSchema } from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { badRequest, conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageUnits } from '../people.policy.ts';
import { unitAuditView } from '../people.presenter.ts';
import { units } from '../people.tables.ts';
import { presentUnits } from '../units.queries.ts';

export type UnitCreate = z.output<typeof unitCreateSchema>;

/** Deepest unit hierarchy walked when checking for cycles. */
const MAX_DEPTH = 32;

/** 400 unless the parent is a unit of the committee and making it the parent of `unitId` creates no cycle. */
export async function assertParentValid(tx: Transaction, orgId: string, unitId: string | null, parentId: string): Promise<void> {
  const invalid = (message: string) => badRequest(message, [{ field: 'parentId', message }], 'invalid_parent');
  if (parentId === unitId) throw invalid('上级单位不能是本单位');
  let cursor: string | null = parentId;
  for (let depth = 0; cursor; depth++) {
    const [row] = await tx
      .select({ id: units.id, parentId: units.parentId })
      .from(units)
      .where(and(eq(units.orgId, orgId), eq(units.id, cursor)));
    if (!row) throw invalid(depth === 0 ? '找不到该上级单位' : '上级单位链不完整');
    if (unitId && row.parentId === unitId) throw invalid('不能把下级单位设为上级单位');
    if (depth > MAX_DEPTH) throw invalid('单位层级过深');
    cursor = row.parentId;
  }
}

/** 409 when another unit of the committee has this code or name. */
export async function assertUnitUnique(
  tx: Transaction,
  orgId: string,
  input: { code?: string; name?: string },
  exceptId?: string,
) {
  const matches = [
    input.code ? eq(units.code, input.code) : undefined,
    input.name ? eq(units.name, input.name) : undefined,
  ].filter(Boolean);
  if (matches.length === 0) return;
  const rows = await tx
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(and(eq(units.orgId, orgId), or(...matches)));
  for (const row of rows.filter((candidate) => candidate.id !== exceptId)) {
    if (row.code === input.code) throw conflict(`单位编码“${row.code}”已被“${row.name}”使用`, 'duplicate_unit_code');
    throw conflict(`单位名称“${row.name}”已存在`, 'duplicate_unit_name');
  }
}

/** Creates a handling unit under an optional parent, contact phone encrypted. */
export async function createUnit(deps: AppDependencies, actor: Actor, input: UnitCreate, context: RequestContext): Promise<Unit> {
  if (!canManageUnits(actor)) throw forbidden('您无权新增承办单位');
  try {
    return await deps.database.orm.transaction(async (tx) => {
      if (input.parentId) await assertParentValid(tx, actor.orgId, null, input.parentId);
      await assertUnitUnique(tx, actor.orgId, input);
      const now = deps.now().toISOString();
      const { contactPhone, ...plain } = input;
      const [row] = await tx
        .insert(units)
        .values({
          ...plain,
          orgId: actor.orgId,
          contactMobileEncrypted: contactPhone ? deps.cipher.encrypt(contactPhone) : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'unit.created',
        summary: `新增承办单位“${row.name}”`,
        actor,
        subjectType: 'unit',
        subjectId: row.id,
        after: unitAuditView(row, deps.cipher),
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
