import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { replyAttachments } from '../handling/handling.tables.ts';
import { loadReplyLetterData, loadReplyRow } from '../handling/reply-letter.data.ts';
import { replyLetterDocument } from '../handling/reply-letter.ts';

/** A reply's letter for the archive package, and the stored files attached to the reply. */
export async function replyLetterFile(
  _deps: AppDependencies,
  executor: Executor,
  orgId: string,
  replyId: string,
): Promise<{ content: Buffer; attachments: { fileName: string; contentType: string; storageKey: string }[] }> {
  const reply = await loadReplyRow(executor, orgId, replyId);
  const files = await executor
    .select({
      fileName: replyAttachments.fileName,
      contentType: replyAttachments.contentType,
      storageKey: replyAttachments.storageKey,
    })
    .from(replyAttachments)
    .where(and(eq(replyAttachments.orgId, orgId), eq(replyAttachments.replyId, replyId)))
    .orderBy(asc(replyAttachments.createdAt), asc(replyAttachments.id));
  return { content: await replyLetterDocument(await loadReplyLetterData(executor, reply)), attachments: files };
}
