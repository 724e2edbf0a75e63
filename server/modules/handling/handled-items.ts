import { and, eq, sql } from 'drizzle-orm';
import type { HandledKind, HandlingPhase } from '../../../contracts/handling.ts';
import type { Executor, Transaction } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/problem.ts';
import { handledItems, itemAssignments } from './handled-items.tables.ts';

export type HandledItemRow = typeof handledItems.$inferSelect;
export type ItemAssignmentRow = typeof itemAssignments.$inferSelect;

/** What an owning module tells the engine about its item: identity, title and its own state with the phase it means. */
export type HandledItemFacts = {
  orgId: string;
  id: string;
  kind: HandledKind;
  sessionId?: string | null;
  number?: string | null;
  title: string;
  state: string;
  phase: HandlingPhase;
};

/**
 * Writes the engine's row of an item in the owner's transaction: created when the item first goes to a unit, then
 * updated on every move of the owner (state, phase, title, number), so the inbox, the board, the reminders and the
 * statistics never read the owner's tables.
 */
export async function writeHandledItem(tx: Transaction, facts: HandledItemFacts): Promise<void> {
  const values = {
    orgId: facts.orgId,
    id: facts.id,
    kind: facts.kind,
    sessionId: facts.sessionId ?? null,
    number: facts.number ?? null,
    title: facts.title,
    state: facts.state,
    phase: facts.phase,
  };
  await tx
    .insert(handledItems)
    .values(values)
    .onConflictDoUpdate({
      target: [handledItems.orgId, handledItems.id],
      set: {
        sessionId: values.sessionId,
        number: values.number,
        title: values.title,
        state: values.state,
        phase: values.phase,
        updatedAt: sql`now()`,
      },
    });
}

/** The engine's row of an item of the committee (404 when the item never went to a unit). */
export async function loadHandledItem(executor: Executor, orgId: string, id: string): Promise<HandledItemRow> {
  const [row] = await executor
    .select()
    .from(handledItems)
    .where(and(eq(handledItems.orgId, orgId), eq(handledItems.id, id)));
  if (!row) throw notFound('办理件');
  return row;
}

/**
 * Gives an item to units: one pending assignment per unit with its deadlines, in the caller's transaction (the
 * owner has written its handled item first). Returns the rows; notifying the units is the caller's (it knows the
 * words).
 */
export async function insertAssignments(
  tx: Transaction,
  rows: Array<{
    orgId: string;
    itemId: string;
    unitId: string;
    role: string;
    dueOn: string;
    adjustmentUntil: string;
    assignedAt: string;
    batchId?: string | null;
  }>,
): Promise<ItemAssignmentRow[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(itemAssignments)
    .values(rows.map((row) => ({ ...row, state: 'pending', batchId: row.batchId ?? null })))
    .returning();
}
