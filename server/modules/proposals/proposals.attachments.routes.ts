import multipart from '@fastify/multipart';
import { and, asc, eq } from 'drizzle-orm';
import { attachmentListSchema, attachmentParamsSchema, attachmentSchema } from '../../../contracts/attachments.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { receiveAttachment, sendAttachment } from '../../platform/files/attachment-files.ts';
import { attachmentFacts, recordDownload } from '../../platform/files/download-audit.ts';
import { acceptedTypeNames } from '../../platform/files/file-types.ts';
import { notFound, Problem } from '../../platform/http/problem.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { removeAttachment } from './actions/remove-attachment.ts';
import {
  canEditAttachments,
  loadAttachmentLimits,
  prepareUpload,
  presentAttachment,
  uploadAttachment,
} from './actions/upload-attachment.ts';
import { proposalAttachments } from './attachments.tables.ts';
import { loadVisibleProposal } from './proposals.queries.ts';

const tags = ['提案'];
/** The most any committee may allow (the settings' maximum of 100 MB); each request applies its own limit. */
const HARD_LIMIT_BYTES = 100 * 1024 * 1024;

/** Routes of proposal attachments (附件): upload, list, download, delete. Multipart is parsed in this scope only. */
export function attachmentRoutes(app: ApiApp, deps: AppDependencies): void {
  app.register(async (scope) => {
    const api = scope as unknown as ApiApp;
    await api.register(multipart, { limits: { fileSize: HARD_LIMIT_BYTES, files: 1, fields: 5, parts: 6 } });

    api.post(
      '/proposals/:id/attachments',
      {
        schema: {
          tags,
          summary: `上传提案附件（multipart/form-data，字段 file；${acceptedTypeNames}；大小和数量按本会设置；仅提案人在提交前）`,
          consumes: ['multipart/form-data'],
          params: idParamsSchema,
          response: { 201: attachmentSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (!request.isMultipart()) {
          throw new Problem(415, 'unsupported_media_type', '请以 multipart/form-data 上传附件（字段 file）');
        }
        const limits = await prepareUpload(deps, actor, request.params.id);
        const upload = await receiveAttachment(request, limits);
        const attachment = await uploadAttachment(deps, actor, request.params.id, upload, requestContext(request));
        return reply.status(201).send(attachment);
      },
    );
  });

  app.get(
    '/proposals/:id/attachments',
    {
      schema: {
        tags,
        summary: '提案附件列表（能查看该提案的人）',
        params: idParamsSchema,
        response: { 200: attachmentListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const orm = deps.database.orm;
      const { proposal } = await loadVisibleProposal(orm, actor, request.params.id);
      const rows = await orm
        .select()
        .from(proposalAttachments)
        .where(and(eq(proposalAttachments.orgId, actor.orgId), eq(proposalAttachments.proposalId, proposal.id)))
        .orderBy(asc(proposalAttachments.createdAt), asc(proposalAttachments.id));
      const limits = await loadAttachmentLimits(orm, actor.orgId);
      return {
        items: rows.map(presentAttachment),
        maxMegabytes: limits.maxMegabytes,
        maxCount: limits.maxCount,
        editable: canEditAttachments(actor, proposal),
      };
    },
  );

  app.get(
    '/proposals/:id/attachments/:attachmentId',
    { schema: { tags, summary: '下载提案附件（能查看该提案的人）', params: attachmentParamsSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      const orm = deps.database.orm;
      const { proposal } = await loadVisibleProposal(orm, actor, request.params.id);
      const [row] = await orm
        .select()
        .from(proposalAttachments)
        .where(
          and(
            eq(proposalAttachments.orgId, actor.orgId),
            eq(proposalAttachments.proposalId, proposal.id),
            eq(proposalAttachments.id, request.params.attachmentId),
          ),
        );
      if (!row) throw notFound('附件');
      return sendAttachment(deps.config, reply, row, (fileName) =>
        recordDownload(
          deps,
          actor,
          {
            type: 'proposal.attachment_downloaded',
            summary: `下载提案附件「${fileName}」`,
            subjectType: 'proposal',
            subjectId: proposal.id,
            file: attachmentFacts(row, fileName),
          },
          requestContext(request),
        ),
      );
    },
  );

  app.delete(
    '/proposals/:id/attachments/:attachmentId',
    { schema: { tags, summary: '删除提案附件（仅提案人在提交前）', params: attachmentParamsSchema } },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      await removeAttachment(deps, requireActor(request), id, attachmentId, requestContext(request));
      return reply.status(204).send();
    },
  );
}
