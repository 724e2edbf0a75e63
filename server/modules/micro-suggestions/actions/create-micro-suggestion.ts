import type { MicroSuggestion, MicroSuggestionCreate } from '../../../../contracts/micro-suggestions.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canCreateMicroSuggestion } from '../micro-suggestions.policy.ts';
import { microAuditView, presentMicroFor } from '../micro-suggestions.presenter.ts';
import { loadMicroSettings } from '../micro-suggestions.queries.ts';
import { indexMicroSuggestion } from '../micro-suggestions.search.ts';
import { microSuggestions } from '../micro-suggestions.tables.ts';
import { assertWithinLimit } from '../micro-suggestions.validation.ts';

/**
 * POST /micro-suggestions: a member starts a draft of their own (they are its lead). The route takes an
 * Idempotency-Key, so a retried request from a phone on a bad network never makes two.
 */
export async function createMicroSuggestion(
  deps: AppDependencies,
  actor: Actor,
  input: MicroSuggestionCreate,
  context: RequestContext,
): Promise<MicroSuggestion> {
  if (!canCreateMicroSuggestion(actor)) {
    throw forbidden(actor.memberId ? '只有委员可以提出微建议' : '您的账户未关联委员，不能提出微建议');
  }
  const memberId = actor.memberId as string;
  return deps.database.orm.transaction(async (tx) => {
    const settings = await loadMicroSettings(tx, deps, actor.orgId);
    assertWithinLimit(input, settings.maxLength);
    const now = deps.now().toISOString();
    const [row] = await tx
      .insert(microSuggestions)
      .values({
        orgId: actor.orgId,
        title: input.title,
        place: input.place,
        problem: input.problem,
        suggestion: input.suggestion,
        leadMemberId: memberId,
        memberIds: [memberId],
        createdBy: actor.userId,
        source: 'member',
        state: 'draft',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'micro_suggestion.created',
      summary: `起草微建议“${row.title}”`,
      actor,
      subjectType: 'micro_suggestion',
      subjectId: row.id,
      after: microAuditView(row),
      context,
    });
    await indexMicroSuggestion(tx, actor.orgId, row.id);
    return presentMicroFor(tx, actor, row, settings);
  });
}
