import multipart from '@fastify/multipart';
import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common.ts';
import { importRunSchema, isImportRun } from '../../../contracts/imports.ts';
import { categorySuggestionsSchema, routingStatusSchema } from '../../../contracts/routing.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { forbidden, Problem } from '../../platform/http/problem.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { receiveUpload, sendXlsx } from '../../platform/http/xlsx-transfer.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { importRowLimits } from '../people/import-limits.ts';
import { loadVisibleProposal } from '../proposals/proposals.queries.ts';
import { trainRouting } from './actions/train-routing.ts';
import { proposalText } from './routing.examples.ts';
import { historyTemplate } from './routing.history-file.ts';
import { importUploadedHistory } from './routing.imports.ts';
import { canManageRouting, canSeeRoutingSuggestions } from './routing.policy.ts';
import { routingStatus } from './routing.queries.ts';
import { suggestCategories } from './routing.suggestions.ts';

const tags = ['智能分办'];
/** Largest history file: a few years of proposals with their full text. */
const MAX_HISTORY_BYTES = 30 * 1024 * 1024;
const HISTORY_FILE_NAME = /\.(xlsx|csv|jsonl|json|txt)$/i;

/** Routes of routing: the history import and its template, training, status, and an item's category suggestions. */
export function routingRoutes(app: ApiApp, deps: AppDependencies): void {
  app.register(async (api: ApiApp) => {
    await api.register(multipart, { limits: { fileSize: MAX_HISTORY_BYTES, files: 1, fields: 5, parts: 6 } });
    api.post(
      '/routing/history/import',
      {
        schema: {
          tags,
          summary:
            '导入历史数据（Excel/CSV/JSONL：标题、正文、类别、承办单位；整个文件通过检查才导入）：小文件即时导入（200）；大文件转入后台（202，凭 id 查询 GET /imports/{id}）',
          response: { 200: z.object({ imported: z.number().int(), importId: z.string() }), 202: importRunSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (!canManageRouting(actor)) throw forbidden('只有提案委工作人员可以导入历史数据');
        const file = await receiveUpload(request, { maxBytes: MAX_HISTORY_BYTES, what: '历史数据文件（.xlsx、.csv 或 .jsonl）' });
        if (file.fileName && !HISTORY_FILE_NAME.test(file.fileName)) {
          throw new Problem(415, 'unsupported_file_type', '只支持 .xlsx、.csv（UTF-8）和 .jsonl 格式的历史数据文件');
        }
        const outcome = await importUploadedHistory(deps, actor, file, requestContext(request));
        return isImportRun(outcome) ? reply.status(202).send(outcome) : outcome;
      },
    );
  });

  app.get('/routing/history/template.xlsx', { schema: { tags, summary: '下载历史数据导入模板' } }, async (request, reply) => {
    const actor = requireActor(request);
    if (!canManageRouting(actor)) throw forbidden('只有提案委工作人员可以导入历史数据');
    const limits = await importRowLimits(deps.database.orm, actor.orgId);
    return sendXlsx(reply, await historyTemplate(limits.history), '历史数据导入模板.xlsx');
  });

  app.get(
    '/routing/status',
    { schema: { tags, summary: '历史数据与分办模型状态', response: { 200: routingStatusSchema } } },
    async (request) => routingStatus(deps, requireActor(request)),
  );

  app.post(
    '/routing/train',
    { schema: { tags, summary: '立即重新训练分办模型', response: { 200: routingStatusSchema } } },
    async (request) => {
      const actor = requireActor(request);
      await trainRouting(deps, actor.orgId, actor);
      return routingStatus(deps, actor);
    },
  );

  app.get(
    '/proposals/:id/category-suggestions',
    {
      schema: {
        tags,
        summary: '提案的建议类别（从本会历史数据学习）',
        params: idParamsSchema,
        response: { 200: categorySuggestionsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!canSeeRoutingSuggestions(actor)) throw forbidden('只有提案委工作人员可以查看建议的类别');
      const { proposal } = await loadVisibleProposal(deps.database.orm, actor, request.params.id);
      return suggestCategories(deps.database.orm, actor.orgId, proposalText(proposal));
    },
  );
}
