import type { MicroSuggestion } from '../../../../contracts/micro-suggestions.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { presentMicroFor } from '../micro-suggestions.presenter.ts';
import { indexMicroSuggestion } from '../micro-suggestions.search.ts';
import { modelCategoryId } from '../micro-suggestions.similarity.ts';
import { assertReadyToSubmit, assertWithinLimit, takeNextMicroNumber } from '../micro-suggestions.validation.ts';
import { loadForAction, writeMicro } from './micro-action.ts';

/**
 * POST /micro-suggestions/{id}/actions/submit: the lead member hands a complete draft to the office. It gets its
 * number of the year (unique, gapless) and, when the routing model is sure, its category; the text is frozen. The route takes an Idempotency-Key.
 */
export async function submitMicroSuggestion(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  context: RequestContext,
): Promise<MicroSuggestion> {
  return deps.database.orm.transaction(async (tx) => {
    const { row, settings, transition } = await loadForAction(tx, deps, actor, id, version, 'submit');
    assertReadyToSubmit(row);
    assertWithinLimit(row, settings.maxLength);
    const numbering = await takeNextMicroNumber(tx, actor.orgId, Number(settings.today.slice(0, 4)));
    const now = deps.now().toISOString();
    const updated = await writeMicro(tx, deps, row, {
      state: transition.to,
      submittedAt: now,
      number: numbering.number,
      year: numbering.year,
      sequence: numbering.sequence,
      categoryId: row.categoryId ?? (await modelCategoryId(tx, actor.orgId, row)),
    });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'micro_suggestion.submitted',
      summary: `提交微建议“${row.title}”（编号${numbering.number}）`,
      actor,
      subjectType: 'micro_suggestion',
      subjectId: id,
      before: { state: row.state },
      after: { state: updated.state, number: numbering.number },
      context,
    });
    await indexMicroSuggestion(tx, actor.orgId, id);
    return presentMicroFor(tx, actor, updated, settings);
  });
}
