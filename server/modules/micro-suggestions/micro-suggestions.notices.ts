import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { notify } from '../notifications/notify.ts';
import type { MicroRow } from './micro-suggestions.queries.ts';
import { microSuggestions } from './micro-suggestions.tables.ts';

/** The link of a micro-suggestion in the web app. */
export function microLink(id: string): string {
  return `/micro-suggestions/${id}`;
}

/**
 * Tells the raising members of a micro-suggestion (in-app and the SMS copy, in the caller's transaction) — and, with
 * `withMerged`, the members of micro-suggestions merged into it, who share its outcome.
 */
export async function notifyRaisers(
  executor: Executor,
  row: MicroRow,
  notice: { title: string; body: string },
  withMerged = false,
): Promise<number> {
  const memberIds = new Set(row.memberIds);
  if (withMerged) {
    const merged = await executor
      .select({ memberIds: microSuggestions.memberIds })
      .from(microSuggestions)
      .where(and(eq(microSuggestions.orgId, row.orgId), eq(microSuggestions.mergedIntoId, row.id)));
    for (const source of merged) for (const memberId of source.memberIds) memberIds.add(memberId);
  }
  return notify(
    executor,
    row.orgId,
    { memberIds: [...memberIds] },
    { ...notice, subjectType: 'micro_suggestion', subjectId: row.id, link: microLink(row.id) },
  );
}

/** The members of several micro-suggestions, for a notice about all of them at once. */
export async function raisersOf(executor: Executor, orgId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await executor
    .select({ memberIds: microSuggestions.memberIds })
    .from(microSuggestions)
    .where(and(eq(microSuggestions.orgId, orgId), inArray(microSuggestions.id, ids)));
  return [...new Set(rows.flatMap((row) => row.memberIds))];
}

/** A reason as the end of a sentence of a notice (empty when there is none). */
export function reasonSentence(reason: string | null | undefined, label = '理由'): string {
  return reason ? `${label}：${reason}` : '';
}
