import { and, eq, inArray } from 'drizzle-orm';
import { type ImportResult, memberImportColumns, memberImportRequiredColumns } from '../../../../contracts/people.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { blindIndex } from '../../../platform/crypto/hashing.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { parseMemberRows } from '../members.excel.ts';
import { importError, importProblem, readSheet } from '../people.excel.ts';
import { memberDictionaries } from '../people.lookups.ts';
import { canManageMembers } from '../people.policy.ts';
import { members } from '../people.tables.ts';
import { sealedMemberFields } from './create-member.ts';

/** Rows per INSERT statement. */
const BATCH = 200;

/**
 * Imports members from an .xlsx roster. The whole file is checked first (columns, every cell, duplicate ID
 * numbers in the file and against existing members); any error → 400 listing all of them and nothing written.
 * Otherwise every row is inserted in one transaction with one event.
 */
export async function importMembers(
  deps: AppDependencies,
  actor: Actor,
  file: Buffer,
  context: RequestContext,
): Promise<ImportResult> {
  if (!canManageMembers(actor)) throw forbidden('您无权导入委员');
  const sheet = await readSheet(file, { known: memberImportColumns, required: memberImportRequiredColumns });
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const dictionaries = await memberDictionaries(tx, actor.orgId);
      const { parsed, errors } = parseMemberRows(sheet.rows, dictionaries, deps.now().getFullYear());
      const secret = deps.config.sessionSecret;
      const hashes = parsed.filter((member) => member.idNumber).map((member) => blindIndex(secret, member.idNumber!));
      const taken = new Map<string, string>();
      for (let start = 0; start < hashes.length; start += 1000) {
        const rows = await tx
          .select({ hash: members.idNumberHash, name: members.name })
          .from(members)
          .where(and(eq(members.orgId, actor.orgId), inArray(members.idNumberHash, hashes.slice(start, start + 1000))));
        for (const row of rows) taken.set(row.hash!, row.name);
      }
      for (const member of parsed) {
        const name = member.idNumber ? taken.get(blindIndex(secret, member.idNumber)) : undefined;
        if (name) errors.push(importError(member.row, '身份证号', `已登记在委员“${name}”名下`));
      }
      if (errors.length > 0) throw importProblem(errors.sort((a, b) => a.row - b.row));

      const now = deps.now().toISOString();
      const values = parsed.map(({ row, idNumber, mobile, ...plain }) => ({
        ...plain,
        ...sealedMemberFields(deps, { idNumber, mobile }),
        orgId: actor.orgId,
        createdAt: now,
        updatedAt: now,
      }));
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
      return { imported: values.length };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('导入期间有人登记了相同的身份证号，请重新导入', 'duplicate_id_number');
    throw error;
  }
}
