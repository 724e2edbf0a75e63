import type { z } from 'zod';
import type { MicroSuggestion, transferSchema } from '../../../../contracts/micro-suggestions.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { insertAssignments } from '../../handling/handled-items.ts';
import { notify } from '../../notifications/notify.ts';
import { loadCalendar } from '../../orgs/orgs.calendar.ts';
import { activeUnitNames } from '../../proposals/assignments.queries.ts';
import { syncMicroHandledItem } from '../micro-suggestions.handled-kind.ts';
import { notifyRaisers, reasonSentence } from '../micro-suggestions.notices.ts';
import { presentMicroFor } from '../micro-suggestions.presenter.ts';
import { indexMicroSuggestion } from '../micro-suggestions.search.ts';
import { loadForAction, storedDecision, writeMicro } from './micro-action.ts';
import { assertCategory } from './review-micro-suggestion.ts';

/**
 * POST /micro-suggestions/{id}/actions/transfer: the office transfers an accepted micro-suggestion to ONE unit (转交).
 * Handling opens in the engine (decision 0016): the handled item, then one sole assignment due in the committee's
 * working days (microSuggestionReplyWorkingDays, default 15, with its holiday calendar); no adjustment window
 * (adjustments are the proposals' rule). The unit is told here, once (the engine's insert leaves notices to the owner); so are the members.
 */
export async function transferMicroSuggestion(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: z.output<typeof transferSchema>,
  context: RequestContext,
): Promise<MicroSuggestion> {
  return deps.database.orm.transaction(async (tx) => {
    const { row, settings, transition } = await loadForAction(tx, deps, actor, id, version, 'transfer');
    const names = await activeUnitNames(tx, actor.orgId, [input.unitId]);
    const unitName = names.get(input.unitId);
    if (!unitName) {
      throw unprocessable('承办单位不存在或已停用', [{ field: 'unitId', message: '请选择本会在用的承办单位' }], 'unknown_unit');
    }
    if (input.categoryId) await assertCategory(tx, actor.orgId, input.categoryId);
    const calendar = await loadCalendar(tx, actor.orgId);
    const today = calendar.today(deps.now());
    const dueOn = calendar.dueDate(today, { workingDays: settings.replyWorkingDays });
    // Adjustments (申请调整) are the proposals' rule; a micro-suggestion's unit has no adjustment window.
    const adjustmentUntil = today;
    const now = deps.now().toISOString();
    const updated = await writeMicro(tx, deps, row, {
      state: transition.to,
      handlingMode: 'unit',
      transferredAt: now,
      categoryId: input.categoryId ?? row.categoryId,
      decision: storedDecision('transfer', actor, now, input.note),
    });
    await syncMicroHandledItem(tx, updated);
    const [assignment] = await insertAssignments(tx, [
      { orgId: actor.orgId, itemId: id, unitId: input.unitId, role: 'sole', dueOn, adjustmentUntil, assignedAt: now },
    ]);
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'micro_suggestion.transferred',
      summary: `微建议“${row.title}”转交${unitName}办理，答复期限 ${dueOn}${input.note ? `，说明：${input.note}` : ''}`,
      actor,
      subjectType: 'micro_suggestion',
      subjectId: id,
      before: { state: row.state, categoryId: row.categoryId },
      after: {
        state: updated.state,
        categoryId: updated.categoryId,
        assignment: { id: assignment.id, unitId: input.unitId, dueOn, adjustmentUntil },
        note: input.note ?? null,
      },
      context,
    });
    await notify(
      tx,
      actor.orgId,
      { unitIds: [input.unitId] },
      {
        title: `新交办微建议：${row.title}`,
        body:
          `微建议“${row.title}”${row.number ? `（${row.number}）` : ''}（地点：${row.place}）交贵单位办理，请及时签收，` +
          `于 ${dueOn} 前答复。${reasonSentence(input.note, '交办说明')}`,
        subjectType: 'item_assignment',
        subjectId: assignment.id,
        link: `/handling/${assignment.id}`,
      },
    );
    await notifyRaisers(
      tx,
      updated,
      {
        title: '微建议已转交办理',
        body: `您的微建议“${row.title}”已转交${unitName}办理，答复期限为 ${dueOn}。`,
      },
      true,
    );
    await indexMicroSuggestion(tx, actor.orgId, id);
    return presentMicroFor(tx, actor, updated, settings);
  });
}
