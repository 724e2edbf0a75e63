import { and, count, eq } from 'drizzle-orm';
import {
  MICRO_SUGGESTION_MAX_PHOTOS,
  type MicroPhoto,
  type MicroSuggestionState,
} from '../../../../contracts/micro-suggestions.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { newId } from '../../../platform/db/columns.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { type AttachmentLimits, type AttachmentUpload, inspectUpload } from '../../../platform/files/attachment-files.ts';
import { fileStoreFor, storageKey } from '../../../platform/files/file-store.ts';
import { conflict, forbidden, notFound, Problem, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { isLead, type MicroFacts } from '../micro-suggestions.policy.ts';
import { presentPhoto } from '../micro-suggestions.presenter.ts';
import { loadMicroSettings, loadVisibleMicro } from '../micro-suggestions.queries.ts';
import { microSuggestionPhotos } from '../micro-suggestions.tables.ts';
import { microSuggestionWorkflow } from '../micro-suggestions.workflow.ts';

/** The photo kind a state takes: the problem while writing, the result while the member handles it (委员领办). */
const kindOfState: Partial<Record<MicroSuggestionState, 'problem' | 'result'>> = {
  draft: 'problem',
  member_handling: 'result',
};

/** The committee's photo limits (tenant setting microSuggestions.photoMaxMegabytes; at most 3 photos of a kind). */
export async function loadPhotoLimits(deps: AppDependencies, orgId: string): Promise<AttachmentLimits> {
  const settings = await loadMicroSettings(deps.database.orm, deps, orgId);
  return {
    maxMegabytes: settings.photoMaxMegabytes,
    maxBytes: settings.photoMaxMegabytes * 1024 * 1024,
    maxCount: MICRO_SUGGESTION_MAX_PHOTOS,
  };
}

/** The kind of photo the lead may add or remove now: 409 in any other state, 403 for anyone but the lead. */
function editableKind(actor: Actor, facts: MicroFacts): 'problem' | 'result' {
  const kind = kindOfState[facts.state as MicroSuggestionState];
  if (!kind) {
    const stateName = microSuggestionWorkflow.states[facts.state as MicroSuggestionState] ?? facts.state;
    throw conflict(`微建议当前状态为“${stateName}”，照片已不能修改`, 'photos_frozen');
  }
  if (!isLead(actor, facts)) throw forbidden('只有提出微建议的委员可以上传或删除照片');
  return kind;
}

/** How many photos of the kind the micro-suggestion has. */
async function countPhotos(executor: Executor, orgId: string, id: string, kind: string): Promise<number> {
  const [row] = await executor
    .select({ total: count() })
    .from(microSuggestionPhotos)
    .where(
      and(
        eq(microSuggestionPhotos.orgId, orgId),
        eq(microSuggestionPhotos.microSuggestionId, id),
        eq(microSuggestionPhotos.kind, kind),
      ),
    );
  return Number(row?.total ?? 0);
}

/** 422 when the micro-suggestion already has the most photos of the kind. */
function assertRoom(existing: number): void {
  if (existing >= MICRO_SUGGESTION_MAX_PHOTOS) {
    throw unprocessable(
      `每件微建议最多上传 ${MICRO_SUGGESTION_MAX_PHOTOS} 张照片，请先删除不需要的照片`,
      [{ field: 'file', message: `最多 ${MICRO_SUGGESTION_MAX_PHOTOS} 张` }],
      'too_many_photos',
    );
  }
}

/**
 * The checks that need no file, before the upload is read (so a frozen item or a full set does not cost the whole
 * transfer): 404 / 409 / 403 / 422. Answers the limits for reading the file.
 */
export async function preparePhotoUpload(deps: AppDependencies, actor: Actor, id: string): Promise<AttachmentLimits> {
  const orm = deps.database.orm;
  const settings = await loadMicroSettings(orm, deps, actor.orgId);
  const { facts } = await loadVisibleMicro(orm, actor, id, settings);
  const kind = editableKind(actor, facts);
  assertRoom(await countPhotos(orm, actor.orgId, id, kind));
  return loadPhotoLimits(deps, actor.orgId);
}

/**
 * Adds a photo (JPG or PNG by its bytes: anything else, also a text file named .jpg, is a 415 in Chinese). The bytes
 * are stored first, then the row and its event in one transaction with the micro-suggestion locked (so the limit of
 * 3 holds under concurrent uploads); a failed transaction removes the stored bytes again.
 */
export async function uploadMicroPhoto(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  upload: AttachmentUpload,
  limits: AttachmentLimits,
  context: RequestContext,
): Promise<MicroPhoto> {
  const { type, fileName, sha256 } = inspectUpload(upload, limits);
  if (type.kind !== 'jpeg' && type.kind !== 'png') {
    throw new Problem(415, 'unsupported_file_type', '照片只支持 JPG、PNG 格式的图片；这个文件的内容不是图片');
  }
  const photoId = newId();
  const key = storageKey('micro-suggestions', actor.orgId, photoId);
  const store = fileStoreFor(deps.config);
  await store.put(key, upload.content);
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const settings = await loadMicroSettings(tx, deps, actor.orgId);
      const { row, facts } = await loadVisibleMicro(tx, actor, id, settings, true);
      const kind = editableKind(actor, facts);
      assertRoom(await countPhotos(tx, actor.orgId, id, kind));
      const [photo] = await tx
        .insert(microSuggestionPhotos)
        .values({
          orgId: actor.orgId,
          id: photoId,
          microSuggestionId: id,
          kind,
          fileName,
          contentType: type.contentType,
          size: upload.content.length,
          sha256,
          storageKey: key,
          uploadedBy: actor.userId,
          createdAt: deps.now().toISOString(),
        })
        .returning();
      await recordEvent(tx, deps.config.auditHash, {
        orgId: actor.orgId,
        type: 'micro_suggestion.photo_added',
        summary: `为微建议“${row.title}”上传${kind === 'problem' ? '问题' : '办理结果'}照片“${fileName}”`,
        actor,
        subjectType: 'micro_suggestion',
        subjectId: id,
        after: { photoId, kind, fileName, contentType: type.contentType, size: upload.content.length, sha256 },
        context,
      });
      return presentPhoto(photo);
    });
  } catch (error) {
    await store.remove(key).catch(() => undefined);
    throw error;
  }
}

/** DELETE /micro-suggestions/{id}/photos/{photoId}: the lead removes a photo while it may still change. */
export async function removeMicroPhoto(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  photoId: string,
  context: RequestContext,
): Promise<void> {
  const key = await deps.database.orm.transaction(async (tx) => {
    const settings = await loadMicroSettings(tx, deps, actor.orgId);
    const { row, facts } = await loadVisibleMicro(tx, actor, id, settings, true);
    const [photo] = await tx
      .select()
      .from(microSuggestionPhotos)
      .where(
        and(
          eq(microSuggestionPhotos.orgId, actor.orgId),
          eq(microSuggestionPhotos.microSuggestionId, id),
          eq(microSuggestionPhotos.id, photoId),
        ),
      );
    if (!photo) throw notFound('照片');
    const kind = editableKind(actor, facts);
    if (photo.kind !== kind) throw conflict('这张照片已不能删除', 'photos_frozen');
    await tx
      .delete(microSuggestionPhotos)
      .where(and(eq(microSuggestionPhotos.orgId, actor.orgId), eq(microSuggestionPhotos.id, photoId)));
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'micro_suggestion.photo_removed',
      summary: `删除微建议“${row.title}”的照片“${photo.fileName}”`,
      actor,
      subjectType: 'micro_suggestion',
      subjectId: id,
      before: { photoId, kind: photo.kind, fileName: photo.fileName, sha256: photo.sha256 },
      context,
    });
    return photo.storageKey;
  });
  await fileStoreFor(deps.config)
    .remove(key)
    .catch(() => undefined);
}
