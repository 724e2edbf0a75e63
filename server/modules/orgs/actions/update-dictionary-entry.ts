import { and, eq } from 'drizzle-orm';
import { type DictionaryKind, type DictionaryUpdate, dictionaryKindNames } from '../../../../contracts/orgs.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import { forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canManageDictionaries } from '../orgs.policy.ts';
import { type DictionaryEntryRow, loadDictionaryEntry } from '../orgs.queries.ts';
import { dictionaryEntries } from '../orgs.tables.ts';
import { dictionaryAuditView } from './create-dictionary-entry.ts';

/** The event type of a change: retiring and restoring an entry are named, other edits are updates. */
function eventOf(before: DictionaryEntryRow, after: DictionaryEntryRow): { type: string; verb: string } {
  if (before.active && !after.active) return { type: 'dictionary.deactivated', verb: '停用' };
  if (!before.active && after.active) return { type: 'dictionary.reactivated', verb: '启用' };
  return { type: 'dictionary.updated', verb: '修改' };
}

/**
 * Changes an entry at the version the client saw: name, description, order, or `active` (false retires it).
 * Entries are never deleted, so records that refer to a retired entry keep showing its name.
 */
export async function updateDictionaryEntry(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: DictionaryUpdate,
  context: RequestContext,
): Promise<DictionaryEntryRow> {
  return deps.database.orm.transaction(async (tx) => {
    const current = await loadDictionaryEntry(tx, actor.orgId, id, true);
    if (current.version !== version) throw versionConflict('字典项');
    if (!canManageDictionaries(actor)) throw forbidden('只有系统管理员或提案委可以维护字典');
    const updated = await tx
      .update(dictionaryEntries)
      .set({ ...input, version: current.version + 1, updatedAt: deps.now().toISOString() })
      .where(and(eq(dictionaryEntries.orgId, actor.orgId), eq(dictionaryEntries.id, id), eq(dictionaryEntries.version, version)))
      .returning();
    assertVersionMatched(updated.length, '字典项');
    const row = updated[0];
    const { type, verb } = eventOf(current, row);
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type,
      summary: `${verb}${dictionaryKindNames[row.kind as DictionaryKind]}“${row.name}”`,
      actor,
      subjectType: 'dictionary_entry',
      subjectId: id,
      before: dictionaryAuditView(current),
      after: dictionaryAuditView(row),
      context,
    });
    return row;
  });
}
