import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../../contracts/common.ts';
import { historySchema, proposalListQuerySchema } from '../../../contracts/proposals.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { attachmentDisposition } from '../../platform/files/attachment-files.ts';
import { recordDownload } from '../../platform/files/download-audit.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { sendXlsx } from '../../platform/http/xlsx-transfer.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { loadAssignmentNoticeData, loadProposalDocumentData } from './proposals.document-data.ts';
import { assignmentNoticeDocument, numberText, proposalDocument } from './proposals.documents.ts';
import { exportProposals } from './proposals.export.ts';
import { proposalHistory } from './proposals.history.ts';

const tags = ['提案'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The filters of the export: those of the list, without paging. */
export const proposalExportQuerySchema = proposalListQuerySchema.omit({ cursor: true, limit: true });

/** Query of the assignment notice: the unit, and either the batch (交办批次) or the session. */
export const assignmentNoticeQuerySchema = z
  .object({ unitId: idSchema, batchId: idSchema.optional(), sessionId: idSchema.optional() })
  .refine((query) => Boolean(query.batchId) !== Boolean(query.sessionId), {
    error: '请指定交办批次（batchId）或会议（sessionId），二者选一',
    path: ['batchId'],
  });

/** A file name without characters that file systems or headers refuse, at most 80 characters. */
function safeFileName(name: string): string {
  return [...name.replace(/[\\/:*?"<>|\r\n\t]/g, '_')].slice(0, 80).join('');
}

/** Sends a .docx file as a download with a Chinese file name. */
function sendDocx(reply: FastifyReply, buffer: Buffer, fileName: string): FastifyReply {
  return reply
    .type(DOCX_TYPE)
    .header('content-disposition', attachmentDisposition(`${safeFileName(fileName)}.docx`, 'document.docx'))
    .header('cache-control', 'no-store')
    .send(buffer);
}

/** Routes of proposal records: Excel export, history, the proposal's Word form and the units' assignment notices. */
export function recordRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/proposals/export',
    {
      schema: {
        tags,
        summary: '导出提案列表（Excel；与列表相同的筛选条件，最多 10000 条）',
        querystring: proposalExportQuerySchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const buffer = await exportProposals(deps, actor, request.query, requestContext(request));
      return sendXlsx(reply, buffer, '提案列表.xlsx');
    },
  );

  app.get(
    '/proposals/:id/history',
    {
      schema: {
        tags,
        summary: '提案办理过程（提案及其交办的全部记录，按时间先后）',
        params: idParamsSchema,
        response: { 200: historySchema },
      },
    },
    async (request) => proposalHistory(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/proposals/:id/document',
    { schema: { tags, summary: '下载提案正式文本（Word）', params: idParamsSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      const data = await loadProposalDocumentData(deps, actor, request.params.id);
      const name = data.number ? `提案${numberText(data.number)}` : `提案 ${data.title}`;
      const content = await proposalDocument(data);
      await recordDownload(
        deps,
        actor,
        {
          type: 'proposal.document_downloaded',
          summary: `下载提案正式文本「${name}」（Word）`,
          subjectType: 'proposal',
          subjectId: request.params.id,
          file: { fileName: `${safeFileName(name)}.docx` },
        },
        requestContext(request),
      );
      return sendDocx(reply, content, name);
    },
  );

  app.get(
    '/assignment-notices/document',
    {
      schema: {
        tags,
        summary: '下载承办单位的交办通知（Word；提案委任一单位，承办单位仅本单位）',
        querystring: assignmentNoticeQuerySchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const data = await loadAssignmentNoticeData(deps, actor, request.query);
      const name = `交办通知 ${data.unitName}`;
      const content = await assignmentNoticeDocument(data);
      await recordDownload(
        deps,
        actor,
        {
          type: 'proposal.assignment_notice_downloaded',
          summary: `下载${data.unitName}的交办通知（Word）`,
          subjectType: 'unit',
          subjectId: request.query.unitId,
          file: {
            fileName: `${safeFileName(name)}.docx`,
            batchId: request.query.batchId ?? null,
            sessionId: request.query.sessionId ?? null,
          },
        },
        requestContext(request),
      );
      return sendDocx(reply, content, name);
    },
  );
}
