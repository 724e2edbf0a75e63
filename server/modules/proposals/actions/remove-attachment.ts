import { and, eq } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { fileStoreFor } from '../../../platform/files/file-store.ts';
import { notFound } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { proposalAttachments } from '../attachments.tables.ts';
import { loadVisibleProposal } from '../proposals.queries.ts';
import { assertAttachmentsEditable } from './upload-attachment.ts';

/**
 * Removes an attachment while the proposer still edits the proposal (409 once submitted). The row and its event
 * go in one transaction; the bytes are deleted after it commits (a failed delete leaves only unreachable bytes,
 * never a row without its file).
 */
export async function removeAttachment(
  deps: AppDependencies,
  actor: Actor,
  proposalId: string,
  attachmentId: string,
  context: RequestContext,
): Promise<void> {
  const key = await deps.database.orm.transaction(async (tx) => {
    const { proposal } = await loadVisibleProposal(tx, actor, proposalId, true);
    const [row] = await tx
      .select()
      .from(proposalAttachments)
      .where(
        and(
          eq(proposalAttachments.orgId, actor.orgId),
          eq(proposalAttachments.proposalId, proposalId),
          eq(proposalAttachments.id, attachmentId),
        ),
      );
    if (!row) throw notFound('附件');
    assertAttachmentsEditable(actor, proposal);
    await tx
      .delete(proposalAttachments)
      .where(and(eq(proposalAttachments.orgId, actor.orgId), eq(proposalAttachments.id, attachmentId)));
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal.attachment_removed',
      summary: `删除提案“${proposal.title}”的附件“${row.fileName}”`,
      actor,
      subjectType: 'proposal',
      subjectId: proposalId,
      before: { attachmentId, fileName: row.fileName, contentType: row.contentType, size: row.size, sha256: row.sha256 },
      context,
    });
    return row.storageKey;
  });
  await fileStoreFor(deps.config)
    .remove(key)
    .catch(() => undefined);
}
