/**
 * The audit record of a download: every file that leaves the system (attachments, generated Word and Excel files,
 * archive packages) writes an event of who took which file of which record, when and from where.
 */
import type { Readable } from 'node:stream';
import type { Actor, RequestContext } from '../auth/actor.ts';
import { recordEvent } from '../events/record-event.ts';
import type { AppDependencies } from '../module.ts';

/** One download: its event type (`<subject>.<file>_downloaded`), a Chinese summary, the record, the file. */
export type Download = {
  type: string;
  summary: string;
  subjectType: string;
  subjectId: string;
  file: Record<string, unknown>;
};

/** Records that the actor downloaded a file, in its own transaction, before the bytes are sent. */
export async function recordDownload(
  deps: Pick<AppDependencies, 'database' | 'config'>,
  actor: Actor,
  download: Download,
  context: RequestContext,
): Promise<void> {
  await deps.database.orm.transaction(async (tx) => {
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: download.type,
      summary: download.summary,
      actor,
      subjectType: download.subjectType,
      subjectId: download.subjectId,
      after: download.file,
      context,
    });
  });
}

/** What the audit trail keeps of a stored attachment: its id, the name it downloads under, type, size and hash. */
export function attachmentFacts(row: { id: string; contentType: string; size: number; sha256: string }, fileName: string) {
  return { attachmentId: row.id, fileName, contentType: row.contentType, size: row.size, sha256: row.sha256 };
}

/** Writes the record of an opened file's download; the file is closed again when the record cannot be written. */
export async function recordOpenedDownload(stream: Readable, record: () => Promise<void>): Promise<Readable> {
  try {
    await record();
    return stream;
  } catch (error) {
    stream.destroy();
    throw error;
  }
}
