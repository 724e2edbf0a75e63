import { and, eq } from 'drizzle-orm';
import type { MicroSuggestionAction, MicroSuggestionState } from '../../../../contracts/micro-suggestions.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { assertVersionMatched, versionConflict } from '../../../platform/http/concurrency.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition, type Transition } from '../../../platform/workflow/workflow.ts';
import { actingRoles, canTakeMicroAction, type MicroFacts } from '../micro-suggestions.policy.ts';
import { loadMicroSettings, loadVisibleMicro, type MicroRow, type MicroSettings } from '../micro-suggestions.queries.ts';
import { microSuggestions } from '../micro-suggestions.tables.ts';
import { microSuggestionWorkflow } from '../micro-suggestions.workflow.ts';

/** What an action works on: the locked row, its facts, the committee's settings and the transition to apply. */
export type MicroSubject = {
  row: MicroRow;
  facts: MicroFacts;
  settings: MicroSettings;
  transition: Transition<MicroSuggestionState, MicroSuggestionAction>;
};

/**
 * The first steps of every action on one micro-suggestion, in the caller's transaction: load it within the actor's
 * committee and read rule, locked (404), ask the workflow guard (409 wrong state, 403 role or item-level check), then
 * check the version the client saw (409).
 */
export async function loadForAction(
  tx: Transaction,
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number | null,
  action: MicroSuggestionAction,
): Promise<MicroSubject> {
  const settings = await loadMicroSettings(tx, deps, actor.orgId);
  const { row, facts } = await loadVisibleMicro(tx, actor, id, settings, true);
  const transition = guardTransition(
    microSuggestionWorkflow,
    row.state as MicroSuggestionState,
    action,
    actingRoles(actor, action, settings.reviewerRoles),
    canTakeMicroAction(actor, facts, action),
  );
  if (version !== null && row.version !== version) throw versionConflict('微建议');
  return { row, facts, settings, transition };
}

/** Writes changes to a micro-suggestion at the version it was loaded with, bumping the version; 409 if it moved. */
export async function writeMicro(
  tx: Transaction,
  deps: AppDependencies,
  row: MicroRow,
  changes: Partial<typeof microSuggestions.$inferInsert>,
): Promise<MicroRow> {
  const updated = await tx
    .update(microSuggestions)
    .set({ ...changes, version: row.version + 1, updatedAt: deps.now().toISOString() })
    .where(and(eq(microSuggestions.orgId, row.orgId), eq(microSuggestions.id, row.id), eq(microSuggestions.version, row.version)))
    .returning();
  assertVersionMatched(updated.length, '微建议');
  return updated[0];
}

/** The decision as stored on the row (jsonb); the full history is in the event log. */
export function storedDecision(
  action: 'accept' | 'decline' | 'merge' | 'convert' | 'transfer' | 'take_on',
  actor: Actor,
  now: string,
  reason: string | null | undefined,
) {
  return { action, reason: reason ?? null, decidedAt: now, decidedBy: actor.userId, decidedByName: actor.displayName };
}
