import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  acceptSchema,
  declineSchema,
  MicroSuggestion,
  MicroSuggestionState,
  mergeSchema,
} from '../../../../contracts/micro-suggestions.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { assertDictionaryEntry } from '../../proposals/proposals.validation.ts';
import { notifyRaisers, reasonSentence } from '../micro-suggestions.notices.ts';
import { presentMicroFor } from '../micro-suggestions.presenter.ts';
import { findMicro } from '../micro-suggestions.queries.ts';
import { indexMicroSuggestion } from '../micro-suggestions.search.ts';
import { microSuggestions } from '../micro-suggestions.tables.ts';
import { mergeTargetStates, microSuggestionWorkflow } from '../micro-suggestions.workflow.ts';
import { loadForAction, storedDecision, writeMicro } from './micro-action.ts';

/** 422 unless the id is an active category (领域, a proposal_category entry) of the committee. */
export async function assertCategory(
  executor: Parameters<typeof assertDictionaryEntry>[0],
  orgId: string,
  id: string,
): Promise<void> {
  await assertDictionaryEntry(executor, orgId, id, ['proposal_category'], 'categoryId', '领域（类别）');
}

/** POST /micro-suggestions/{id}/actions/accept: the office accepts it (受理), optionally filing it under a category. */
export async function acceptMicroSuggestion(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: z.output<typeof acceptSchema>,
  context: RequestContext,
): Promise<MicroSuggestion> {
  return deps.database.orm.transaction(async (tx) => {
    const { row, settings, transition } = await loadForAction(tx, deps, actor, id, version, 'accept');
    if (input.categoryId) await assertCategory(tx, actor.orgId, input.categoryId);
    const now = deps.now().toISOString();
    const updated = await writeMicro(tx, deps, row, {
      state: transition.to,
      acceptedAt: now,
      categoryId: input.categoryId ?? row.categoryId,
      decision: storedDecision('accept', actor, now, input.note),
    });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'micro_suggestion.accepted',
      summary: `受理微建议“${row.title}”${input.note ? `，说明：${input.note}` : ''}`,
      actor,
      subjectType: 'micro_suggestion',
      subjectId: id,
      before: { state: row.state, categoryId: row.categoryId },
      after: { state: updated.state, categoryId: updated.categoryId, note: input.note ?? null },
      context,
    });
    await notifyRaisers(tx, updated, {
      title: '微建议已受理',
      body: `您的微建议“${row.title}”已受理，将尽快转交有关单位办理。${reasonSentence(input.note, '说明')}`,
    });
    await indexMicroSuggestion(tx, actor.orgId, id);
    return presentMicroFor(tx, actor, updated, settings);
  });
}

/** POST /micro-suggestions/{id}/actions/decline: the office declines it (不予受理) with a reason the member reads. */
export async function declineMicroSuggestion(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: z.output<typeof declineSchema>,
  context: RequestContext,
): Promise<MicroSuggestion> {
  return deps.database.orm.transaction(async (tx) => {
    const { row, settings, transition } = await loadForAction(tx, deps, actor, id, version, 'decline');
    const now = deps.now().toISOString();
    const updated = await writeMicro(tx, deps, row, {
      state: transition.to,
      decision: storedDecision('decline', actor, now, input.reason),
    });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'micro_suggestion.declined',
      summary: `不予受理微建议“${row.title}”，理由：${input.reason}`,
      actor,
      subjectType: 'micro_suggestion',
      subjectId: id,
      before: { state: row.state },
      after: { state: updated.state, reason: input.reason },
      context,
    });
    await notifyRaisers(tx, updated, {
      title: '微建议不予受理',
      body: `您的微建议“${row.title}”经审查不予受理。${reasonSentence(input.reason)}`,
    });
    await indexMicroSuggestion(tx, actor.orgId, id);
    return presentMicroFor(tx, actor, updated, settings);
  });
}

/**
 * POST /micro-suggestions/{id}/actions/merge: the office merges a duplicate into another micro-suggestion on the same
 * matter (合并); its members share the target's outcome (they read it and rate its reply). Those already merged
 * into this one follow it to the target. The target must be alive (submitted, accepted or being handled).
 */
export async function mergeMicroSuggestion(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: z.output<typeof mergeSchema>,
  context: RequestContext,
): Promise<MicroSuggestion> {
  return deps.database.orm.transaction(async (tx) => {
    const { row, settings, transition } = await loadForAction(tx, deps, actor, id, version, 'merge');
    if (input.targetId === id) {
      throw unprocessable('不能与自身合并', [{ field: 'targetId', message: '请选择另一件微建议' }], 'merge_into_self');
    }
    const target = await findMicro(tx, actor.orgId, input.targetId, true);
    if (!target) {
      throw unprocessable(
        '要合并到的微建议不存在',
        [{ field: 'targetId', message: '请选择本会的微建议' }],
        'merge_target_missing',
      );
    }
    if (!mergeTargetStates.includes(target.state as MicroSuggestionState)) {
      const stateName = microSuggestionWorkflow.states[target.state as MicroSuggestionState] ?? target.state;
      throw conflict(`要合并到的微建议当前为“${stateName}”，不能再合并`, 'merge_target_closed');
    }
    const now = deps.now().toISOString();
    const updated = await writeMicro(tx, deps, row, {
      state: transition.to,
      mergedIntoId: target.id,
      decision: storedDecision('merge', actor, now, input.reason),
    });
    // Those merged into this one follow it, so every merged member reaches the item that will have an outcome.
    const followers = await tx
      .update(microSuggestions)
      .set({ mergedIntoId: target.id, updatedAt: now })
      .where(and(eq(microSuggestions.orgId, actor.orgId), eq(microSuggestions.mergedIntoId, id)))
      .returning({ id: microSuggestions.id });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'micro_suggestion.merged',
      summary: `微建议“${row.title}”合并到“${target.title}”${target.number ? `（${target.number}）` : ''}`,
      actor,
      subjectType: 'micro_suggestion',
      subjectId: id,
      before: { state: row.state },
      after: {
        state: updated.state,
        mergedIntoId: target.id,
        reason: input.reason ?? null,
        followers: followers.map((follower) => follower.id),
      },
      context,
    });
    await notifyRaisers(tx, updated, {
      title: '微建议已合并办理',
      body: `您的微建议“${row.title}”与反映同一问题的微建议“${target.title}”合并办理，办理结果将一并告知您。${reasonSentence(input.reason, '说明')}`,
    });
    await indexMicroSuggestion(tx, actor.orgId, id);
    return presentMicroFor(tx, actor, updated, settings);
  });
}
