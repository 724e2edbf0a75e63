import { and, eq } from 'drizzle-orm';
import { type DictionaryCreate, dictionaryKindNames } from '../../../../contracts/orgs.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageDictionaries } from '../orgs.policy.ts';
import type { DictionaryEntryRow } from '../orgs.queries.ts';
import { dictionaryEntries } from '../orgs.tables.ts';

/** The fields of an entry the event log keeps. */
export const dictionaryAuditView = (row: DictionaryEntryRow) => ({
  kind: row.kind,
  code: row.code,
  name: row.name,
  description: row.description,
  sortOrder: row.sortOrder,
  active: row.active,
});

/** The next free two-digit (or longer) number code of a kind, and the next sort order. */
async function nextCodeAndOrder(tx: Transaction, orgId: string, kind: string): Promise<{ code: string; sortOrder: number }> {
  const rows = await tx
    .select({ code: dictionaryEntries.code, sortOrder: dictionaryEntries.sortOrder })
    .from(dictionaryEntries)
    .where(and(eq(dictionaryEntries.orgId, orgId), eq(dictionaryEntries.kind, kind)));
  const numbers = rows.filter((row) => /^\d+$/.test(row.code)).map((row) => Number(row.code));
  const code = String(Math.max(0, ...numbers) + 1).padStart(2, '0');
  const sortOrder = Math.max(0, ...rows.map((row) => row.sortOrder)) + 10;
  return { code, sortOrder };
}

/** Adds an entry to one of the committee's dictionaries; a code already used in the kind is a 409. */
export async function createDictionaryEntry(
  deps: AppDependencies,
  actor: Actor,
  input: DictionaryCreate,
  context: RequestContext,
): Promise<DictionaryEntryRow> {
  if (!canManageDictionaries(actor)) throw forbidden('只有系统管理员或提案委可以维护字典');
  let code = input.code;
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const next = await nextCodeAndOrder(tx, actor.orgId, input.kind);
      code ??= next.code;
      const [row] = await tx
        .insert(dictionaryEntries)
        .values({
          orgId: actor.orgId,
          kind: input.kind,
          code,
          name: input.name,
          description: input.description ?? null,
          sortOrder: input.sortOrder ?? next.sortOrder,
        })
        .returning();
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'dictionary.created',
        summary: `新增${dictionaryKindNames[input.kind]}“${row.name}”`,
        actor,
        subjectType: 'dictionary_entry',
        subjectId: row.id,
        after: dictionaryAuditView(row),
        context,
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`${dictionaryKindNames[input.kind]}中已有代码“${code}”`, 'duplicate_dictionary_code');
    }
    throw error;
  }
}
