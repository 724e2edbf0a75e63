import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { newId } from '../../../platform/db/columns.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { fileStoreFor, storageKey } from '../../../platform/files/file-store.ts';
import { detectFileType } from '../../../platform/files/file-types.ts';
import { conflict, forbidden, Problem } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { canRecordActivity } from '../key-proposals.policy.ts';
import { loadKeyProposal } from '../key-proposals.queries.ts';
import { supervisionPhotos } from '../key-proposals.tables.ts';

/**
 * POST /key-proposals/{id}/photos: a supervision photo (JPG or PNG, by its bytes), stored before the activity
 * that shows it is recorded. Returns its id.
 */
export async function uploadPhoto(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  upload: { fileName: string; content: Buffer },
  context: RequestContext,
): Promise<{ id: string; fileName: string }> {
  const type = detectFileType(upload.content);
  if (!type || (type.kind !== 'jpeg' && type.kind !== 'png')) {
    throw new Problem(415, 'unsupported_file_type', '督办照片只支持 JPG、PNG 格式');
  }
  const photoId = newId();
  const key = storageKey('supervision', actor.orgId, id, photoId);
  return deps.database.orm.transaction(async (tx) => {
    const row = await loadKeyProposal(tx, actor.orgId, id, true);
    if (row.state !== 'approved') throw conflict('只有已确定的重点提案才上传督办照片', 'not_approved');
    if (!canRecordActivity(actor, row)) throw forbidden('只有该重点提案的督办领导或提案委可以上传督办照片');
    await fileStoreFor(deps.config).put(key, upload.content);
    const fileName = [...(upload.fileName || `督办照片.${type.extension}`)].slice(0, 120).join('');
    await tx.insert(supervisionPhotos).values({
      orgId: actor.orgId,
      id: photoId,
      keyProposalId: id,
      fileName,
      contentType: type.contentType,
      size: upload.content.length,
      storageKey: key,
      uploadedBy: actor.userId,
    });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'key_proposal.photo_uploaded',
      summary: `上传督办照片：${fileName}`,
      actor,
      subjectType: 'key_proposal',
      subjectId: id,
      after: { photoId, size: upload.content.length, contentType: type.contentType },
      context,
    });
    return { id: photoId, fileName };
  });
}
