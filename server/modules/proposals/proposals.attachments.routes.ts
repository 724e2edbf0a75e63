import multipart from '@fastify/multipart';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { attachmentListSchema, attachmentParamsSchema, attachmentSchema } from '../../../contracts/attachments.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { FileNotFoundError, fileStoreFor } from '../../platform/files/file-store.ts';
import { acceptedTypeNames } from '../../platform/files/file-types.ts';
import { badRequest, notFound, Problem } from '../../platform/http/problem.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { removeAttachment } from './actions/remove-attachment.ts';
import {
  type AttachmentLimits,
  type AttachmentUpload,
  attachmentTooLarge,
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

/** The one file of a multipart upload in field `file`: 400 no file or more than one, 413 past the limit. */
async function receiveAttachment(request: FastifyRequest, limits: AttachmentLimits): Promise<AttachmentUpload> {
  let upload: AttachmentUpload | null = null;
  try {
    // Every part is read (other fields are ignored), so a second file is refused instead of silently dropped.
    for await (const part of request.parts({ limits: { fileSize: limits.maxBytes, files: 1 } })) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw badRequest('附件请放在表单字段 file 中上传', [{ field: 'file', message: '没有收到文件' }], 'file_missing');
      }
      upload = { fileName: part.filename ?? '', content: await part.toBuffer() };
    }
  } catch (error) {
    if (error instanceof Problem) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw attachmentTooLarge(limits);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw badRequest('每次只能上传一个附件', [{ field: 'file', message: '只能有一个文件' }], 'too_many_files');
    }
    throw badRequest('上传的内容无法读取，请重新选择文件', undefined, 'bad_upload');
  }
  if (!upload) throw badRequest('请选择要上传的附件', [{ field: 'file', message: '没有收到文件' }], 'file_missing');
  return upload;
}

/** A file name as an RFC 5987 `filename*` value (percent-encoded UTF-8, also the characters the RFC reserves). */
function encodeRfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The plain `filename` for old clients: ASCII only, the rest replaced, the extension kept. */
function asciiFallback(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return /[A-Za-z0-9]/.test(ascii) ? ascii : `attachment${/\.[A-Za-z0-9]+$/.exec(name)?.[0] ?? ''}`;
}

/** The Content-Disposition of a download with the user's (Chinese) file name. */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

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
      let stream: Awaited<ReturnType<ReturnType<typeof fileStoreFor>['get']>>;
      try {
        stream = await fileStoreFor(deps.config).get(row.storageKey);
      } catch (error) {
        if (error instanceof FileNotFoundError) {
          throw new Problem(404, 'file_missing', '附件文件已丢失，请联系管理员');
        }
        throw error;
      }
      return reply
        .type(row.contentType)
        .header('content-length', String(row.size))
        .header('content-disposition', attachmentDisposition(row.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(stream);
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
