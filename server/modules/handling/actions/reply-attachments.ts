import { and, count, eq } from 'drizzle-orm';
import type { Attachment } from '../../../../contracts/attachments.ts';
import { type HandledKind, handledKindNames } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { newId } from '../../../platform/db/columns.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { type AttachmentLimits, type AttachmentUpload, inspectUpload } from '../../../platform/files/attachment-files.ts';
import { fileStoreFor, storageKey } from '../../../platform/files/file-store.ts';
import { conflict, forbidden, notFound, type Problem, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { loadAttachmentLimits, presentAttachment } from '../../proposals/actions/upload-attachment.ts';
import { isUnitUserOf } from '../../proposals/assignments.policy.ts';
import { loadHandledSubject, type ReplyRow } from '../handling.queries.ts';
import { itemReplies, replyAttachments } from '../handling.tables.ts';

/**
 * Why the actor may not add or remove files of this reply now, or null: only the unit's own users, only while the
 * reply is a draft (also one sent back), never once the item is archived. Each is an Error to throw.
 */
export function replyFilesRefusal(
  actor: Actor,
  reply: Pick<ReplyRow, 'unitId' | 'state'>,
  itemState: string,
  kindName = '提案',
): Problem | null {
  if (!isUnitUserOf(actor, reply.unitId)) return forbidden('只有本单位的经办人或分管领导可以上传或删除答复附件');
  if (itemState === 'archived') return conflict(`${kindName}已随会议归档，不能再修改`, 'archived');
  if (reply.state !== 'draft') return conflict('答复已送签，附件不能再修改（可请分管领导退回修改）', 'attachments_frozen');
  return null;
}

/** The reply (404 unless it exists in the committee), with its item's owner; `forUpdate` locks both in order. */
async function loadReply(executor: Executor, actor: Actor, replyId: string, forUpdate: boolean) {
  const [peek] = await executor
    .select({ itemId: itemReplies.itemId, unitId: itemReplies.unitId })
    .from(itemReplies)
    .where(and(eq(itemReplies.orgId, actor.orgId), eq(itemReplies.id, replyId)));
  // Outside the unit and the office a draft's existence is not told: 404.
  if (!peek || (!isUnitUserOf(actor, peek.unitId) && !actor.roles.includes('proposal_office'))) throw notFound('答复');
  const { owner, item } = await loadHandledSubject(executor, actor.orgId, peek.itemId, forUpdate);
  const kindName = handledKindNames[item.kind as HandledKind] ?? item.kind;
  const query = executor
    .select()
    .from(itemReplies)
    .where(and(eq(itemReplies.orgId, actor.orgId), eq(itemReplies.id, replyId)));
  const [reply] = forUpdate ? await query.for('update') : await query;
  if (!reply) throw notFound('答复');
  return { reply, owner, kindName };
}

async function countFiles(executor: Executor, orgId: string, replyId: string): Promise<number> {
  const [row] = await executor
    .select({ total: count() })
    .from(replyAttachments)
    .where(and(eq(replyAttachments.orgId, orgId), eq(replyAttachments.replyId, replyId)));
  return Number(row?.total ?? 0);
}

function assertRoom(existing: number, limits: AttachmentLimits): void {
  if (existing >= limits.maxCount) {
    throw unprocessable(`每份答复最多上传 ${limits.maxCount} 个附件，请先删除不需要的附件`, undefined, 'too_many_attachments');
  }
}

/** The checks that need no file (404 / 403 / 409 / 422), before the upload is read; answers the limits. */
export async function prepareReplyUpload(deps: AppDependencies, actor: Actor, replyId: string): Promise<AttachmentLimits> {
  const orm = deps.database.orm;
  const { reply, owner, kindName } = await loadReply(orm, actor, replyId, false);
  const refusal = replyFilesRefusal(actor, reply, owner.phase, kindName);
  if (refusal) throw refusal;
  const limits = await loadAttachmentLimits(orm, actor.orgId);
  assertRoom(await countFiles(orm, actor.orgId, replyId), limits);
  return limits;
}

/**
 * POST /replies/{id}/attachments: attaches a file to a draft reply of the actor's unit. The bytes are checked
 * (empty 400, size 413, real type 415) and stored first; the row and its event are written in one transaction
 * with the proposal and the reply locked (the count limit holds under concurrent uploads); on failure the stored
 * file is removed again. The committee's proposal attachment limits apply (size, count per reply).
 */
export async function uploadReplyAttachment(
  deps: AppDependencies,
  actor: Actor,
  replyId: string,
  upload: AttachmentUpload,
  context: RequestContext,
): Promise<Attachment> {
  const limits = await loadAttachmentLimits(deps.database.orm, actor.orgId);
  const { type, fileName, sha256 } = inspectUpload(upload, limits);
  const id = newId();
  const key = storageKey('replies', actor.orgId, id);
  const store = fileStoreFor(deps.config);
  await store.put(key, upload.content);
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const { reply, owner, kindName } = await loadReply(tx, actor, replyId, true);
      const refusal = replyFilesRefusal(actor, reply, owner.phase, kindName);
      if (refusal) throw refusal;
      assertRoom(await countFiles(tx, actor.orgId, replyId), limits);
      const [row] = await tx
        .insert(replyAttachments)
        .values({
          orgId: actor.orgId,
          id,
          replyId,
          itemId: reply.itemId,
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
        type: 'handling.reply_attachment_added',
        summary: `为${kindName}“${owner.title}”的答复上传附件“${fileName}”`,
        actor,
        subjectType: 'proposal_reply',
        subjectId: replyId,
        after: { attachmentId: id, fileName, contentType: type.contentType, size: upload.content.length, sha256 },
        context,
      });
      return presentAttachment(row);
    });
  } catch (error) {
    await store.remove(key).catch(() => undefined);
    throw error;
  }
}

/** DELETE /replies/{id}/attachments/{attachmentId}: removes a file of a draft reply; the bytes go after commit. */
export async function removeReplyAttachment(
  deps: AppDependencies,
  actor: Actor,
  replyId: string,
  attachmentId: string,
  context: RequestContext,
): Promise<void> {
  const key = await deps.database.orm.transaction(async (tx) => {
    const { reply, owner, kindName } = await loadReply(tx, actor, replyId, true);
    const [row] = await tx
      .select()
      .from(replyAttachments)
      .where(
        and(
          eq(replyAttachments.orgId, actor.orgId),
          eq(replyAttachments.replyId, replyId),
          eq(replyAttachments.id, attachmentId),
        ),
      );
    if (!row) throw notFound('附件');
    const refusal = replyFilesRefusal(actor, reply, owner.phase, kindName);
    if (refusal) throw refusal;
    await tx.delete(replyAttachments).where(and(eq(replyAttachments.orgId, actor.orgId), eq(replyAttachments.id, attachmentId)));
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'handling.reply_attachment_removed',
      summary: `删除${kindName}“${owner.title}”答复的附件“${row.fileName}”`,
      actor,
      subjectType: 'proposal_reply',
      subjectId: replyId,
      before: { attachmentId, fileName: row.fileName, contentType: row.contentType, size: row.size, sha256: row.sha256 },
      context,
    });
    return row.storageKey;
  });
  await fileStoreFor(deps.config)
    .remove(key)
    .catch(() => undefined);
}
