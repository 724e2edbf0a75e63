import { and, count, eq } from 'drizzle-orm';
import type { Attachment } from '../../../../contracts/attachments.ts';
import type { ProposalState } from '../../../../contracts/proposals.ts';
import { effectiveSettings } from '../../../../contracts/settings.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { newId } from '../../../platform/db/columns.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { type AttachmentLimits, type AttachmentUpload, inspectUpload } from '../../../platform/files/attachment-files.ts';
import { fileStoreFor, storageKey } from '../../../platform/files/file-store.ts';
import { conflict, forbidden, unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { loadOrganization } from '../../orgs/orgs.queries.ts';
import { proposalAttachments } from '../attachments.tables.ts';
import { isProposer, type ProposalFacts } from '../proposals.policy.ts';
import { loadVisibleProposal } from '../proposals.queries.ts';
import { proposalWorkflow } from '../proposals.workflow.ts';

/** States in which the proposer may still add and remove attachments; from submission on they are frozen. */
export const attachmentEditableStates: readonly ProposalState[] = ['draft', 'co_signing', 'returned'];

export type { AttachmentLimits, AttachmentUpload } from '../../../platform/files/attachment-files.ts';

type AttachmentRow = typeof proposalAttachments.$inferSelect;

/** The committee's attachment limits (tenant settings `proposals.attachmentMaxMegabytes` and `attachmentMaxCount`). */
export async function loadAttachmentLimits(executor: Executor, orgId: string): Promise<AttachmentLimits> {
  const settings = effectiveSettings((await loadOrganization(executor, orgId)).settings).proposals;
  return {
    maxMegabytes: settings.attachmentMaxMegabytes,
    maxBytes: settings.attachmentMaxMegabytes * 1024 * 1024,
    maxCount: settings.attachmentMaxCount,
  };
}

/** True when the actor may add or remove attachments of the proposal now. */
export function canEditAttachments(actor: Actor, proposal: ProposalFacts): boolean {
  return attachmentEditableStates.includes(proposal.state as ProposalState) && isProposer(actor, proposal);
}

/** 409 once the proposal has left the editable states (naming the state); 403 for anyone but its proposer. */
export function assertAttachmentsEditable(actor: Actor, proposal: ProposalFacts): void {
  if (!attachmentEditableStates.includes(proposal.state as ProposalState)) {
    const stateName = proposalWorkflow.states[proposal.state as ProposalState] ?? proposal.state;
    throw conflict(`提案当前状态为“${stateName}”，附件已不能修改；如需补充，请使用“补充材料”`, 'attachments_frozen');
  }
  if (!isProposer(actor, proposal)) throw forbidden('只有提案人可以上传或删除附件');
}

/** The attachments a proposal has. */
async function countAttachments(executor: Executor, orgId: string, proposalId: string): Promise<number> {
  const [row] = await executor
    .select({ total: count() })
    .from(proposalAttachments)
    .where(and(eq(proposalAttachments.orgId, orgId), eq(proposalAttachments.proposalId, proposalId)));
  return Number(row?.total ?? 0);
}

/** 422 when the proposal already has as many attachments as the committee allows. */
function assertRoomFor(existing: number, limits: AttachmentLimits): void {
  if (existing >= limits.maxCount) {
    throw unprocessable(`每件提案最多上传 ${limits.maxCount} 个附件，请先删除不需要的附件`, undefined, 'too_many_attachments');
  }
}

/**
 * The checks that need no file, run before the upload is read so a frozen proposal or a full list does not
 * cost the whole transfer: 404 / 409 / 403 / 422. Answers the limits for reading the file.
 */
export async function prepareUpload(deps: AppDependencies, actor: Actor, proposalId: string): Promise<AttachmentLimits> {
  const orm = deps.database.orm;
  const { proposal } = await loadVisibleProposal(orm, actor, proposalId);
  assertAttachmentsEditable(actor, proposal);
  const limits = await loadAttachmentLimits(orm, actor.orgId);
  assertRoomFor(await countAttachments(orm, actor.orgId, proposalId), limits);
  return limits;
}

/** The public shape of an attachment row (of a proposal or of a reply). */
export function presentAttachment(
  row: Pick<AttachmentRow, 'id' | 'fileName' | 'contentType' | 'size' | 'createdAt'>,
): Attachment {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/**
 * Attaches a file to a proposal its proposer still edits. The bytes are checked (empty 400, size 413, real type
 * 415), written to the file store first, then the row and its event are written in one transaction with the
 * proposal locked (so the count limit holds under concurrent uploads); if the transaction fails the stored file
 * is removed again, so nothing is left half-written.
 */
export async function uploadAttachment(
  deps: AppDependencies,
  actor: Actor,
  proposalId: string,
  upload: AttachmentUpload,
  context: RequestContext,
): Promise<Attachment> {
  const limits = await loadAttachmentLimits(deps.database.orm, actor.orgId);
  const { type, fileName, sha256 } = inspectUpload(upload, limits);
  const id = newId();
  const key = storageKey('proposals', actor.orgId, id);
  const store = fileStoreFor(deps.config);
  await store.put(key, upload.content);
  try {
    return await deps.database.orm.transaction(async (tx) => {
      const { proposal } = await loadVisibleProposal(tx, actor, proposalId, true);
      assertAttachmentsEditable(actor, proposal);
      assertRoomFor(await countAttachments(tx, actor.orgId, proposalId), limits);
      const [row] = await tx
        .insert(proposalAttachments)
        .values({
          orgId: actor.orgId,
          id,
          proposalId,
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
        type: 'proposal.attachment_added',
        summary: `为提案“${proposal.title}”上传附件“${fileName}”`,
        actor,
        subjectType: 'proposal',
        subjectId: proposalId,
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
