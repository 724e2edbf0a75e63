import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, eq, inArray } from 'drizzle-orm';
import { type ImportResult, memberImportColumns, memberImportRequiredColumns } from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { blindIndex } from '../../../platform/crypto/hashing.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import { type ImportHooks, inlineImport } from '../../../platform/imports/import-job.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { importRowLimits } from '../import-limits.ts';
import { parseMemberRows } from '../members.excel.ts';
import { importError, importProblem, readSheet } from '../people.excel.ts';
import { memberDictionaries } from '../people.lookups.ts';
import { canManageMembers } from '../people.policy.ts';
import { members } from '../people.tables.ts';
import { sealedMemberFields } from './create-member.ts';

/** Rows per INSERT statement. */
const BATCH = 200;

/** The names of the committee's members already holding these ID number hashes, by hash. */
async function takenIdNumbers(executor: Executor, orgId: string, hashes: string[]): Promise<Map<string, string>> {
  const taken = new Map<string, string>();
  for (let start = 0; start < hashes.length; start += 1000) {
    const rows = await executor
      .select({ hash: members.idNumberHash, name: members.name })
      .from(members)
      .where(and(eq(members.orgId, orgId), inArray(members.idNumberHash, hashes.slice(start, start + 1000))));
    for (const row of rows) taken.set(row.hash!, row.name);
  }
  return taken;
}

/**
 * Imports members from an .xlsx roster, read as a stream up to the committee's row limit. The whole file is checked
 * first (columns, every cell, duplicate ID numbers in the file and against existing members); any error → 400
 * listing all of them and nothing written. Otherwise every row is inserted in one transaction with one event; the
 * checking and sealing happen before it, so the transaction holds the (embedded) database only to insert — an ID
 * number registered meanwhile is caught by the unique index (409). Run within the request or as a background job
 * (`hooks` report its progress and mark its run done in that transaction).
 */
export async function importMembers(
  deps: AppDependencies,
  actor: Actor,
  file: Buffer,
  context: RequestContext,
  hooks: ImportHooks = inlineImport,
): Promise<ImportResult> {
  if (!canManageMembers(actor)) throw forbidden('您无权导入委员');
  const orm = deps.database.orm;
  const limits = await importRowLimits(orm, actor.orgId);
  const sheet = await readSheet(file, {
    known: memberImportColumns,
    required: memberImportRequiredColumns,
    maxRows: limits.roster,
    onProgress: hooks.reading,
  });
  await hooks.writing();
  const dictionaries = await memberDictionaries(orm, actor.orgId);
  const { parsed, errors } = parseMemberRows(sheet.rows, dictionaries, deps.now().getFullYear());
  const secret = deps.config.sessionSecret;
  const hashes = parsed.filter((member) => member.idNumber).map((member) => blindIndex(secret, member.idNumber!));
  const taken = await takenIdNumbers(orm, actor.orgId, hashes);
  for (const member of parsed) {
    const name = member.idNumber ? taken.get(blindIndex(secret, member.idNumber)) : undefined;
    if (name) errors.push(importError(member.row, '身份证号', `已登记在委员“${name}”名下`));
  }
  if (errors.length > 0) throw importProblem(errors.sort((a, b) => a.row - b.row));

  const now = deps.now().toISOString();
  const values: (typeof members.$inferInsert)[] = [];
  for (const [index, { row, idNumber, mobile, ...plain }] of parsed.entries()) {
    values.push({
      ...plain,
      ...sealedMemberFields(deps, { idNumber, mobile }),
      orgId: actor.orgId,
      createdAt: now,
      updatedAt: now,
    });
    if (index % 500 === 499) await nextTurn();
  }
  try {
    return await orm.transaction(async (tx) => {
      for (let start = 0; start < values.length; start += BATCH)
        await tx.insert(members).values(values.slice(start, start + BATCH));
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'member.imported',
        summary: `从 Excel 导入委员 ${values.length} 名`,
        actor,
        subjectType: 'member',
        after: { count: values.length, names: values.slice(0, 50).map((value) => value.name) },
        context,
      });
      await hooks.complete(tx, values.length);
      return { imported: values.length };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('导入期间有人登记了相同的身份证号，请重新导入', 'duplicate_id_number');
    throw error;
  }
}
