import type { z } from 'zod';
import type { MicroSuggestion, reportResultSchema, takeOnSchema } from '../../../../contracts/micro-suggestions.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { notifyRaisers, reasonSentence } from '../micro-suggestions.notices.ts';
import { presentMicroFor } from '../micro-suggestions.presenter.ts';
import { indexMicroSuggestion } from '../micro-suggestions.search.ts';
import { loadForAction, storedDecision, writeMicro } from './micro-action.ts';

/**
 * POST /micro-suggestions/{id}/actions/take_on: the office marks an accepted micro-suggestion as taken on by its lead
 * member (委员领办): the member follows it up and reports the result.
 */
export async function takeOnMicroSuggestion(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: z.output<typeof takeOnSchema>,
  context: RequestContext,
): Promise<MicroSuggestion> {
  return deps.database.orm.transaction(async (tx) => {
    const { row, settings, transition } = await loadForAction(tx, deps, actor, id, version, 'take_on');
    const now = deps.now().toISOString();
    const updated = await writeMicro(tx, deps, row, {
      state: transition.to,
      handlingMode: 'member',
      transferredAt: now,
      decision: storedDecision('take_on', actor, now, input.note),
    });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'micro_suggestion.taken_on',
      summary: `微建议“${row.title}”由委员领办${input.note ? `，说明：${input.note}` : ''}`,
      actor,
      subjectType: 'micro_suggestion',
      subjectId: id,
      before: { state: row.state },
      after: { state: updated.state, handlingMode: 'member', note: input.note ?? null },
      context,
    });
    await notifyRaisers(tx, updated, {
      title: '微建议由您领办',
      body: `您的微建议“${row.title}”已确定由您领办，请跟进落实后在系统中报告办理结果。${reasonSentence(input.note, '说明')}`,
    });
    await indexMicroSuggestion(tx, actor.orgId, id);
    return presentMicroFor(tx, actor, updated, settings);
  });
}

/**
 * POST /micro-suggestions/{id}/actions/report_result: the lead member reports what was done (text; photos uploaded
 * before) on a micro-suggestion they took on; it is resolved.
 */
export async function reportMicroResult(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: z.output<typeof reportResultSchema>,
  context: RequestContext,
): Promise<MicroSuggestion> {
  return deps.database.orm.transaction(async (tx) => {
    const { row, settings, transition } = await loadForAction(tx, deps, actor, id, version, 'report_result');
    const now = deps.now().toISOString();
    const updated = await writeMicro(tx, deps, row, {
      state: transition.to,
      memberReport: input.text,
      memberReportedAt: now,
      resolvedAt: now,
      resolution: 'member_reported',
    });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'micro_suggestion.result_reported',
      summary: `委员报告微建议“${row.title}”的办理结果，已办结`,
      actor,
      subjectType: 'micro_suggestion',
      subjectId: id,
      before: { state: row.state },
      after: { state: updated.state, report: input.text },
      context,
    });
    await notifyRaisers(
      tx,
      updated,
      { title: '微建议已办结', body: `微建议“${row.title}”已由领办委员报告办理结果并办结：${input.text}` },
      true,
    );
    await indexMicroSuggestion(tx, actor.orgId, id);
    return presentMicroFor(tx, actor, updated, settings);
  });
}
