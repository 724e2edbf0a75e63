import { eq, max } from 'drizzle-orm';
import { type ImportResult, unitImportColumns, unitImportRequiredColumns } from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import { type ImportHooks, inlineImport } from '../../../platform/imports/import-job.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { importRowLimits } from '../import-limits.ts';
import { importProblem, readSheet } from '../people.excel.ts';
import { canManageUnits } from '../people.policy.ts';
import { units } from '../people.tables.ts';
import { parseUnitRows } from '../units.excel.ts';

/**
 * Imports handling units from an .xlsx file, read as a stream up to the committee's row limit: the whole file is
 * checked first (codes and names unique in the file and the committee, parents exist, no cycles); any error → 400
 * listing all and nothing written; otherwise all rows in one transaction with one event (checked before it, so the
 * transaction only inserts; a code or name added meanwhile is caught by the unique indexes: 409). Run within the
 * request or as a background job (`hooks` report its progress and mark its run done in that transaction).
 */
export async function importUnits(
  deps: AppDependencies,
  actor: Actor,
  file: Buffer,
  context: RequestContext,
  hooks: ImportHooks = inlineImport,
): Promise<ImportResult> {
  if (!canManageUnits(actor)) throw forbidden('您无权导入承办单位');
  const limits = await importRowLimits(deps.database.orm, actor.orgId);
  const sheet = await readSheet(file, {
    known: unitImportColumns,
    required: unitImportRequiredColumns,
    maxRows: limits.roster,
    onProgress: hooks.reading,
  });
  await hooks.writing();
  const orm = deps.database.orm;
  const current = await orm
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(eq(units.orgId, actor.orgId));
  const [{ last }] = await orm
    .select({ last: max(units.sortOrder) })
    .from(units)
    .where(eq(units.orgId, actor.orgId));
  const { parsed, errors } = parseUnitRows(sheet.rows, {
    codes: new Map(current.map((row) => [row.code, row.id])),
    names: new Set(current.map((row) => row.name)),
    nextSortOrder: (last ?? 0) + 10,
  });
  if (errors.length > 0) throw importProblem(errors.sort((a, b) => a.row - b.row));
  const now = deps.now().toISOString();
  const values = parsed.map(({ row, contactPhone, ...plain }) => ({
    ...plain,
    orgId: actor.orgId,
    contactMobileEncrypted: contactPhone ? deps.cipher.encrypt(contactPhone) : null,
    createdAt: now,
    updatedAt: now,
  }));
  try {
    return await orm.transaction(async (tx) => {
      for (let start = 0; start < values.length; start += 200) await tx.insert(units).values(values.slice(start, start + 200));
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'unit.imported',
        summary: `从 Excel 导入承办单位 ${values.length} 个`,
        actor,
        subjectType: 'unit',
        after: { count: values.length, codes: values.slice(0, 100).map((value) => value.code) },
        context,
      });
      await hooks.complete(tx, values.length);
      return { imported: values.length };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('导入期间有人新增了相同编码或名称的单位，请重新导入', 'duplicate_unit');
    throw error;
  }
}
