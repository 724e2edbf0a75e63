import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  MicroPublicationPreview,
  MicroSuggestion,
  MicroSuggestionState,
  PublishInput,
  unpublishSchema,
} from '../../../../contracts/micro-suggestions.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Executor, Transaction } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { guardTransition } from '../../../platform/workflow/workflow.ts';
import { itemAssignments } from '../../handling/handled-items.tables.ts';
import { itemReplies, replyAttachments } from '../../handling/handling.tables.ts';
import { units } from '../../people/people.tables.ts';
import { addCounts, redact } from '../../publication/redaction.ts';
import { notifyRaisers } from '../micro-suggestions.notices.ts';
import { actingRoles, canTakeMicroAction } from '../micro-suggestions.policy.ts';
import { memberNames, presentMicroFor, sentOn } from '../micro-suggestions.presenter.ts';
import { loadMicroSettings, loadVisibleMicro, type MicroRow } from '../micro-suggestions.queries.ts';
import { microSuggestionPhotos, microSuggestionPublications } from '../micro-suggestions.tables.ts';
import { microSuggestionWorkflow } from '../micro-suggestions.workflow.ts';
import { loadForAction, writeMicro } from './micro-action.ts';

/** The unit's last sent reply and its image files, or null when the member took it on. */
async function lastReply(executor: Executor, row: MicroRow) {
  const [reply] = await executor
    .select({ id: itemReplies.id, text: itemReplies.text, unitName: units.name })
    .from(itemReplies)
    .innerJoin(units, and(eq(units.orgId, itemReplies.orgId), eq(units.id, itemReplies.unitId)))
    .where(
      and(
        eq(itemReplies.orgId, row.orgId),
        eq(itemReplies.itemId, row.id),
        eq(itemReplies.kind, 'reply'),
        eq(itemReplies.state, 'sent'),
      ),
    )
    .orderBy(desc(itemReplies.round), desc(itemReplies.id))
    .limit(1);
  return reply ?? null;
}

/** Ids of the public "after" photos: the images of every sent reply, or the member's result photos. */
async function afterPhotoIds(tx: Transaction, row: MicroRow): Promise<string[]> {
  if (row.handlingMode === 'member') {
    const photos = await tx
      .select({ id: microSuggestionPhotos.id })
      .from(microSuggestionPhotos)
      .where(
        and(
          eq(microSuggestionPhotos.orgId, row.orgId),
          eq(microSuggestionPhotos.microSuggestionId, row.id),
          eq(microSuggestionPhotos.kind, 'result'),
        ),
      )
      .orderBy(asc(microSuggestionPhotos.createdAt), asc(microSuggestionPhotos.id));
    return photos.map((photo) => photo.id);
  }
  const files = await tx
    .select({ id: replyAttachments.id, contentType: replyAttachments.contentType })
    .from(replyAttachments)
    .innerJoin(itemReplies, and(eq(itemReplies.orgId, replyAttachments.orgId), eq(itemReplies.id, replyAttachments.replyId)))
    .where(and(eq(replyAttachments.orgId, row.orgId), eq(replyAttachments.itemId, row.id), eq(itemReplies.state, 'sent')))
    .orderBy(asc(replyAttachments.createdAt), asc(replyAttachments.id));
  return files.filter((file) => file.contentType.startsWith('image/')).map((file) => file.id);
}

/** The unit that handled it (the live assignment's). */
async function handlingUnitName(tx: Transaction, row: MicroRow): Promise<string | null> {
  const [unit] = await tx
    .select({ name: units.name })
    .from(itemAssignments)
    .innerJoin(units, and(eq(units.orgId, itemAssignments.orgId), eq(units.id, itemAssignments.unitId)))
    .where(and(eq(itemAssignments.orgId, row.orgId), eq(itemAssignments.itemId, row.id), ne(itemAssignments.state, 'reassigned')))
    .orderBy(asc(itemAssignments.id))
    .limit(1);
  return unit?.name ?? null;
}

/** The texts of the public copy, before redaction. */
type PublicTexts = { title: string; place: string; problem: string; suggestion: string; reply: string };

/** Each text through the publication module's redaction, with the counts of what it removed by kind. */
export function redactPublicTexts(source: PublicTexts): { redacted: PublicTexts; removed: Record<string, number> } {
  let removed: Record<string, number> = {};
  const redacted = Object.fromEntries(
    Object.entries(source).map(([key, text]) => {
      const result = redact(text);
      removed = addCounts(removed, result.removed);
      return [key, result.text];
    }),
  ) as PublicTexts;
  return { redacted, removed };
}

/**
 * The public copy of a micro-suggestion as publish stores it: the office's edits or the item's own texts (the reply
 * is the unit's last sent reply, or the member's result), redacted. The preview calls it with no edits.
 */
export async function publicCopy(executor: Executor, row: MicroRow, input: Omit<PublishInput, 'photoIds'>) {
  const reply = row.handlingMode === 'unit' ? await lastReply(executor, row) : null;
  const source: PublicTexts = {
    title: input.title ?? row.title,
    place: input.place ?? row.place,
    problem: input.problem ?? row.problem,
    suggestion: input.suggestion ?? row.suggestion,
    reply: input.reply ?? (row.handlingMode === 'member' ? (row.memberReport ?? '') : (reply?.text ?? '')),
  };
  return { reply, ...redactPublicTexts(source) };
}

/**
 * GET /micro-suggestions/{id}/publication-preview: what publish would store with no edits, for the office to confirm.
 * The same checks as publish (404 unreadable, 403 not the office, 409 not resolved or already public), nothing written.
 */
export async function previewMicroPublication(deps: AppDependencies, actor: Actor, id: string): Promise<MicroPublicationPreview> {
  const orm = deps.database.orm;
  const settings = await loadMicroSettings(orm, deps, actor.orgId);
  const { row, facts } = await loadVisibleMicro(orm, actor, id, settings);
  guardTransition(
    microSuggestionWorkflow,
    row.state as MicroSuggestionState,
    'publish',
    actingRoles(actor, 'publish', settings.reviewerRoles),
    canTakeMicroAction(actor, facts, 'publish'),
  );
  if (facts.published) throw conflict('这件微建议已经公开', 'already_published');
  const { redacted, removed } = await publicCopy(orm, row, {});
  return { ...redacted, removed };
}

/**
 * POST /micro-suggestions/{id}/actions/publish: the office publishes a resolved micro-suggestion on the portal. The
 * public copy is the title, place, problem, suggestion and the last reply (or the member's result), each through the
 * publication module's redaction (phones, ID numbers, e-mail and contact details removed) — the office may edit them
 * first, and they are redacted again — with the member's photos (before) and the reply's or result's (after).
 */
export async function publishMicroSuggestion(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: PublishInput,
  context: RequestContext,
): Promise<MicroSuggestion> {
  return deps.database.orm.transaction(async (tx) => {
    const { row, facts, settings } = await loadForAction(tx, deps, actor, id, version, 'publish');
    if (facts.published) throw conflict('这件微建议已经公开', 'already_published');
    const { reply, redacted, removed } = await publicCopy(tx, row, input);
    const before = (
      await tx
        .select({ id: microSuggestionPhotos.id })
        .from(microSuggestionPhotos)
        .where(
          and(
            eq(microSuggestionPhotos.orgId, row.orgId),
            eq(microSuggestionPhotos.microSuggestionId, row.id),
            eq(microSuggestionPhotos.kind, 'problem'),
          ),
        )
        .orderBy(asc(microSuggestionPhotos.createdAt), asc(microSuggestionPhotos.id))
    ).map((photo) => photo.id);
    const after = await afterPhotoIds(tx, row);
    const chosen = input.photoIds ? new Set(input.photoIds) : null;
    if (chosen) {
      const known = new Set([...before, ...after]);
      if ([...chosen].some((photoId) => !known.has(photoId))) {
        throw unprocessable(
          '所选照片不属于这件微建议',
          [{ field: 'photoIds', message: '请从本件的照片中选择' }],
          'unknown_photo',
        );
      }
    }
    const keep = (ids: string[]) => (chosen ? ids.filter((photoId) => chosen.has(photoId)) : ids);
    const names = await memberNames(tx, row.orgId, row.memberIds);
    const now = deps.now().toISOString();
    await tx.insert(microSuggestionPublications).values({
      orgId: row.orgId,
      id: row.id,
      number: row.number,
      title: redacted.title,
      place: redacted.place,
      problem: redacted.problem,
      suggestion: redacted.suggestion,
      reply: redacted.reply,
      memberNames: row.memberIds.map((memberId) => names.get(memberId) ?? '').filter((name) => name !== ''),
      unitName: row.handlingMode === 'unit' ? (reply?.unitName ?? (await handlingUnitName(tx, row))) : null,
      handlingMode: row.handlingMode ?? 'unit',
      beforePhotoIds: keep(before),
      afterPhotoIds: keep(after),
      submittedOn: sentOn(row.submittedAt ?? row.createdAt, settings.timeZone),
      resolvedOn: sentOn(row.resolvedAt ?? now, settings.timeZone),
      publishedAt: now,
      publishedBy: actor.userId,
    });
    // The version moves so a client holding the old one sees the change (its actions changed).
    const updated = await writeMicro(tx, deps, row, {});
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'micro_suggestion.published',
      summary: `公开微建议“${row.title}”${Object.keys(removed).length > 0 ? '（已自动脱敏）' : ''}`,
      actor,
      subjectType: 'micro_suggestion',
      subjectId: id,
      after: {
        edited: Object.keys(input).filter((key) => key !== 'photoIds'),
        removed,
        beforePhotoIds: keep(before),
        afterPhotoIds: keep(after),
      },
      context,
    });
    await notifyRaisers(tx, updated, {
      title: '微建议已在门户公开',
      body: `您的微建议“${row.title}”及其办理结果已在政协门户公开（已隐去个人信息）。`,
    });
    return presentMicroFor(tx, actor, updated, settings);
  });
}

/** POST /micro-suggestions/{id}/actions/unpublish: the office withdraws the public copy. */
export async function unpublishMicroSuggestion(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: z.output<typeof unpublishSchema>,
  context: RequestContext,
): Promise<MicroSuggestion> {
  return deps.database.orm.transaction(async (tx) => {
    const { row, facts, settings } = await loadForAction(tx, deps, actor, id, version, 'unpublish');
    if (!facts.published) throw conflict('这件微建议尚未公开', 'not_published');
    await tx
      .delete(microSuggestionPublications)
      .where(and(eq(microSuggestionPublications.orgId, row.orgId), eq(microSuggestionPublications.id, row.id)));
    const updated = await writeMicro(tx, deps, row, {});
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'micro_suggestion.unpublished',
      summary: `撤回微建议“${row.title}”的公开${input.reason ? `，说明：${input.reason}` : ''}`,
      actor,
      subjectType: 'micro_suggestion',
      subjectId: id,
      after: { reason: input.reason ?? null },
      context,
    });
    return presentMicroFor(tx, actor, updated, settings);
  });
}
