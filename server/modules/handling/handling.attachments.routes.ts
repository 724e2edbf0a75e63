import multipart from '@fastify/multipart';
import { and, eq } from 'drizzle-orm';
import { attachmentParamsSchema, attachmentSchema } from '../../../contracts/attachments.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { receiveAttachment, sendAttachment } from '../../platform/files/attachment-files.ts';
import { attachmentFacts, recordDownload } from '../../platform/files/download-audit.ts';
import { acceptedTypeNames } from '../../platform/files/file-types.ts';
import { notFound, Problem } from '../../platform/http/problem.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { prepareReplyUpload, removeReplyAttachment, uploadReplyAttachment } from './actions/reply-attachments.ts';
import { replyAttachments } from './handling.tables.ts';
import { loadReadableReply } from './reply-letter.download.ts';

const tags = ['提案办理'];
/** The most any committee may allow; each request applies its committee's limit. */
const HARD_LIMIT_BYTES = 100 * 1024 * 1024;

/** Routes of reply attachments (答复附件): upload and delete while drafting, download for whoever reads the reply. */
export function replyAttachmentRoutes(app: ApiApp, deps: AppDependencies): void {
  app.register(async (scope) => {
    const api = scope as unknown as ApiApp;
    await api.register(multipart, { limits: { fileSize: HARD_LIMIT_BYTES, files: 1, fields: 5, parts: 6 } });
    api.post(
      '/replies/:id/attachments',
      {
        schema: {
          tags,
          summary: `上传答复附件（multipart/form-data，字段 file；${acceptedTypeNames}；本单位在答复稿阶段）`,
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
        const limits = await prepareReplyUpload(deps, actor, request.params.id);
        const upload = await receiveAttachment(request, limits);
        return reply
          .status(201)
          .send(await uploadReplyAttachment(deps, actor, request.params.id, upload, requestContext(request)));
      },
    );
  });

  app.get(
    '/replies/:id/attachments/:attachmentId',
    { schema: { tags, summary: '下载答复附件（能查看该答复的人）', params: attachmentParamsSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      const answer = await loadReadableReply(deps, actor, request.params.id);
      const [row] = await deps.database.orm
        .select()
        .from(replyAttachments)
        .where(
          and(
            eq(replyAttachments.orgId, actor.orgId),
            eq(replyAttachments.replyId, answer.id),
            eq(replyAttachments.id, request.params.attachmentId),
          ),
        );
      if (!row) throw notFound('附件');
      return sendAttachment(deps.config, reply, row, (fileName) =>
        recordDownload(
          deps,
          actor,
          {
            type: 'reply.attachment_downloaded',
            summary: `下载答复附件「${fileName}」`,
            subjectType: 'reply',
            subjectId: answer.id,
            file: { ...attachmentFacts(row, fileName), proposalId: row.itemId },
          },
          requestContext(request),
        ),
      );
    },
  );

  app.delete(
    '/replies/:id/attachments/:attachmentId',
    { schema: { tags, summary: '删除答复附件（本单位在答复稿阶段）', params: attachmentParamsSchema } },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      await removeReplyAttachment(deps, requireActor(request), id, attachmentId, requestContext(request));
      return reply.status(204).send();
    },
  );
}
