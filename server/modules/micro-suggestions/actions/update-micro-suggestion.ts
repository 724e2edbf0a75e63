import type { MicroSuggestion, MicroSuggestionUpdate } from '../../../../contracts/micro-suggestions.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { microAuditView, presentMicroFor } from '../micro-suggestions.presenter.ts';
import { indexMicroSuggestion } from '../micro-suggestions.search.ts';
import { assertWithinLimit } from '../micro-suggestions.validation.ts';
import { loadForAction, writeMicro } from './micro-action.ts';

/** The Chinese names of the fields an edit may change, for the history line. */
const fieldNames: Record<string, string> = { title: '标题', place: '地点', problem: '问题', suggestion: '建议' };

/**
 * PATCH /micro-suggestions/{id}: the web app's autosave of a draft at the version it saw (If-Match; 409 when another
 * tab saved meanwhile). Only the fields sent change; a save that changes nothing writes nothing (same version).
 */
export async function updateMicroSuggestion(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: MicroSuggestionUpdate,
  context: RequestContext,
): Promise<MicroSuggestion> {
  return deps.database.orm.transaction(async (tx) => {
    const { row, settings } = await loadForAction(tx, deps, actor, id, version, 'edit');
    const changes = Object.fromEntries(
      Object.entries(input).filter(([key, value]) => value !== undefined && value !== row[key as keyof MicroSuggestionUpdate]),
    ) as MicroSuggestionUpdate;
    if (Object.keys(changes).length === 0) return presentMicroFor(tx, actor, row, settings);
    assertWithinLimit({ ...row, ...changes }, settings.maxLength);
    const updated = await writeMicro(tx, deps, row, changes);
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'micro_suggestion.updated',
      summary: `修改微建议“${updated.title}”（${Object.keys(changes)
        .map((key) => fieldNames[key] ?? key)
        .join('、')}）`,
      actor,
      subjectType: 'micro_suggestion',
      subjectId: id,
      before: microAuditView(row),
      after: microAuditView(updated),
      context,
    });
    await indexMicroSuggestion(tx, actor.orgId, id);
    return presentMicroFor(tx, actor, updated, settings);
  });
}
