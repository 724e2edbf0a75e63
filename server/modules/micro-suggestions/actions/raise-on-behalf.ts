import { type RaiseOnBehalfInput, raiseOnBehalfSchema } from '../../../../contracts/micro-suggestions.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { badRequest, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { activeMemberIds } from '../../proposals/proposals.queries.ts';
import { notifyRaisers } from '../micro-suggestions.notices.ts';
import { microAuditView } from '../micro-suggestions.presenter.ts';
import { loadMicroSettings } from '../micro-suggestions.queries.ts';
import { indexMicroSuggestion } from '../micro-suggestions.search.ts';
import { modelCategoryId } from '../micro-suggestions.similarity.ts';
import { microSuggestions } from '../micro-suggestions.tables.ts';
import { assertWithinLimit, takeNextMicroNumber } from '../micro-suggestions.validation.ts';

/**
 * Station staff turn a visit's matter into a micro-suggestion of the members present (the first is the lead), in
 * the caller's transaction (the stations module records the visit's outcome in the same one). It is created
 * SUBMITTED — the members spoke for it at the station — with its number, its event and its search document, and
 * the members are told of it. The caller checks that the actor may act for the station and that the members were
 * present; this checks the input, the members (active, of the committee) and the length limit.
 */
export async function raiseOnBehalf(
  tx: Transaction,
  deps: AppDependencies,
  actor: Actor,
  input: RaiseOnBehalfInput,
  context: RequestContext,
): Promise<{ id: string }> {
  const parsed = raiseOnBehalfSchema.safeParse(input);
  if (!parsed.success) {
    throw badRequest(
      '微建议内容不完整或格式不正确',
      parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    );
  }
  const value = parsed.data;
  const memberIds = [...new Set(value.memberIds)];
  const active = await activeMemberIds(tx, actor.orgId, memberIds);
  const unknown = memberIds.filter((id) => !active.has(id));
  if (unknown.length > 0) {
    throw unprocessable('在场委员不存在或已不在任', [{ field: 'memberIds', message: '请选择本会在任的委员' }], 'invalid_members');
  }
  const settings = await loadMicroSettings(tx, deps, actor.orgId);
  assertWithinLimit(value, settings.maxLength);
  const now = deps.now().toISOString();
  const numbering = await takeNextMicroNumber(tx, actor.orgId, Number(settings.today.slice(0, 4)));
  const [row] = await tx
    .insert(microSuggestions)
    .values({
      orgId: actor.orgId,
      number: numbering.number,
      year: numbering.year,
      sequence: numbering.sequence,
      title: value.title,
      place: value.place,
      problem: value.problem,
      suggestion: value.suggestion,
      leadMemberId: memberIds[0],
      memberIds,
      createdBy: actor.userId,
      source: 'station_visit',
      categoryId: await modelCategoryId(tx, actor.orgId, value),
      stationId: value.source.stationId,
      visitId: value.source.visitId,
      state: 'submitted',
      submittedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordEvent(tx, deps.config.auditHash, {
    orgId: actor.orgId,
    type: 'micro_suggestion.raised_on_behalf',
    summary: `联络站代委员提出微建议“${row.title}”（编号${row.number}，在场委员 ${memberIds.length} 位）`,
    actor,
    subjectType: 'micro_suggestion',
    subjectId: row.id,
    after: { ...microAuditView(row), number: row.number, memberIds, source: value.source },
    context,
  });
  await indexMicroSuggestion(tx, actor.orgId, row.id);
  await notifyRaisers(tx, row, {
    title: `联络站代您提出了微建议（${row.number}）`,
    body: `您在委员联络站接待群众时提出的“${row.title}”已作为微建议提交，提案委将尽快审查。`,
  });
  return { id: row.id };
}
