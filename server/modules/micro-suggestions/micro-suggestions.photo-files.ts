import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { itemReplies, replyAttachments } from '../handling/handling.tables.ts';
import { microSuggestionPhotos } from './micro-suggestions.tables.ts';

/** A stored photo file of a micro-suggestion, wherever it is kept. */
export type PhotoFile = {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  /** problem | result (the member's) or reply (a unit's sent reply). */
  kind: 'problem' | 'result' | 'reply';
};

/**
 * A photo of a micro-suggestion by id: one of the member's, or an image attached to a unit's reply once the reply
 * was sent (a draft's files are the unit's alone). Null when it is neither.
 */
export async function findPhotoFile(
  executor: Executor,
  orgId: string,
  itemId: string,
  photoId: string,
): Promise<PhotoFile | null> {
  const [own] = await executor
    .select()
    .from(microSuggestionPhotos)
    .where(
      and(
        eq(microSuggestionPhotos.orgId, orgId),
        eq(microSuggestionPhotos.microSuggestionId, itemId),
        eq(microSuggestionPhotos.id, photoId),
      ),
    );
  if (own) return { ...own, kind: own.kind as 'problem' | 'result' };
  const [attached] = await executor
    .select({ file: replyAttachments })
    .from(replyAttachments)
    .innerJoin(itemReplies, and(eq(itemReplies.orgId, replyAttachments.orgId), eq(itemReplies.id, replyAttachments.replyId)))
    .where(
      and(
        eq(replyAttachments.orgId, orgId),
        eq(replyAttachments.itemId, itemId),
        eq(replyAttachments.id, photoId),
        eq(itemReplies.state, 'sent'),
      ),
    );
  if (!attached?.file.contentType.startsWith('image/')) return null;
  return { ...attached.file, kind: 'reply' };
}
