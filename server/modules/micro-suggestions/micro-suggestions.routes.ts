import multipart from '@fastify/multipart';
import { idParamsSchema } from '../../../contracts/common.ts';
import {
  acceptSchema,
  convertSchema,
  declineSchema,
  mergeSchema,
  microHistorySchema,
  microPhotoSchema,
  microPublicationPreviewSchema,
  microSuggestionCreateSchema,
  microSuggestionListQuerySchema,
  microSuggestionPageSchema,
  microSuggestionSchema,
  microSuggestionUpdateSchema,
  microUnitSuggestionsSchema,
  photoParamsSchema,
  publishSchema,
  reportResultSchema,
  similarMicroQuerySchema,
  similarMicroResultSchema,
  takeOnSchema,
  transferSchema,
  unpublishSchema,
} from '../../../contracts/micro-suggestions.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { receiveAttachment, sendAttachment } from '../../platform/files/attachment-files.ts';
import { attachmentFacts, recordDownload } from '../../platform/files/download-audit.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { registerItemAction } from '../../platform/http/item-action-route.ts';
import { notFound, Problem } from '../../platform/http/problem.ts';
import { requestContext, setVersionTag } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { convertMicroSuggestion } from './actions/convert-micro-suggestion.ts';
import { createMicroSuggestion } from './actions/create-micro-suggestion.ts';
import { preparePhotoUpload, removeMicroPhoto, uploadMicroPhoto } from './actions/micro-photos.ts';
import { previewMicroPublication, publishMicroSuggestion, unpublishMicroSuggestion } from './actions/publish-micro-suggestion.ts';
import { acceptMicroSuggestion, declineMicroSuggestion, mergeMicroSuggestion } from './actions/review-micro-suggestion.ts';
import { submitMicroSuggestion } from './actions/submit-micro-suggestion.ts';
import { reportMicroResult, takeOnMicroSuggestion } from './actions/take-on-micro-suggestion.ts';
import { transferMicroSuggestion } from './actions/transfer-micro-suggestion.ts';
import { updateMicroSuggestion } from './actions/update-micro-suggestion.ts';
import { microSuggestionHistory } from './micro-suggestions.history.ts';
import { listMicroSuggestions } from './micro-suggestions.list.ts';
import { findPhotoFile } from './micro-suggestions.photo-files.ts';
import { presentMicroFor } from './micro-suggestions.presenter.ts';
import { loadMicroSettings, loadVisibleMicro } from './micro-suggestions.queries.ts';
import { findSimilarMicroSuggestions, suggestMicroUnits } from './micro-suggestions.similarity.ts';

const tags = ['微建议'];
/** The largest photo any committee may allow (the setting's maximum of 20 MB); each request applies its own limit. */
const HARD_LIMIT_BYTES = 20 * 1024 * 1024;

/** Routes of micro-suggestions (微建议): writing, photos, review, transfer, the member's own handling, publication. */
export function microSuggestionRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/micro-suggestions',
    {
      schema: {
        tags,
        summary: '微建议列表（本人的；提案委待审队列；按状态、承办单位、地点、月份筛选；游标分页）',
        querystring: microSuggestionListQuerySchema,
        response: { 200: microSuggestionPageSchema },
      },
    },
    async (request) => listMicroSuggestions(deps, requireActor(request), request.query),
  );

  app.get(
    '/micro-suggestions/similar',
    {
      schema: {
        tags,
        summary: '相似微建议（审查时的合并候选，或撰写时的重复提示）',
        querystring: similarMicroQuerySchema,
        response: { 200: similarMicroResultSchema },
      },
    },
    async (request) => ({ items: await findSimilarMicroSuggestions(deps, requireActor(request), request.query) }),
  );

  app.post(
    '/micro-suggestions',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '撰写微建议（委员本人；支持 Idempotency-Key）',
        body: microSuggestionCreateSchema,
        response: { 201: microSuggestionSchema },
      },
    },
    async (request, reply) => {
      const item = await createMicroSuggestion(deps, requireActor(request), request.body, requestContext(request));
      setVersionTag(reply, item.version);
      return reply.status(201).send(item);
    },
  );

  app.get(
    '/micro-suggestions/:id',
    {
      schema: {
        tags,
        summary: '微建议详情（状态、版本、可执行操作、照片、办理情况）',
        params: idParamsSchema,
        response: { 200: microSuggestionSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const orm = deps.database.orm;
      const settings = await loadMicroSettings(orm, deps, actor.orgId);
      const { row } = await loadVisibleMicro(orm, actor, request.params.id, settings);
      const item = await presentMicroFor(orm, actor, row, settings);
      setVersionTag(reply, item.version);
      return item;
    },
  );

  app.patch(
    '/micro-suggestions/:id',
    {
      schema: {
        tags,
        summary: '修改微建议草稿（自动保存；If-Match 版本号，冲突时 409）',
        params: idParamsSchema,
        body: microSuggestionUpdateSchema,
        response: { 200: microSuggestionSchema },
      },
    },
    async (request, reply) => {
      const item = await updateMicroSuggestion(
        deps,
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      );
      setVersionTag(reply, item.version);
      return item;
    },
  );

  app.get(
    '/micro-suggestions/:id/unit-suggestions',
    {
      schema: {
        tags,
        summary: '建议的承办单位（类别默认单位、相似事项的承办单位、智能分办模型）',
        params: idParamsSchema,
        response: { 200: microUnitSuggestionsSchema },
      },
    },
    async (request) => suggestMicroUnits(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/micro-suggestions/:id/history',
    {
      schema: {
        tags,
        summary: '办理过程（本件及其交办的事件，按时间先后；能查看该微建议的人）',
        params: idParamsSchema,
        response: { 200: microHistorySchema },
      },
    },
    async (request) => microSuggestionHistory(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/micro-suggestions/:id/publication-preview',
    {
      schema: {
        tags,
        summary: '公开预览（脱敏后的公开文本，提案委确认后公开；已办结且尚未公开时）',
        params: idParamsSchema,
        response: { 200: microPublicationPreviewSchema },
      },
    },
    async (request) => previewMicroPublication(deps, requireActor(request), request.params.id),
  );

  app.register(async (scope) => {
    const api = scope as unknown as ApiApp;
    await api.register(multipart, { limits: { fileSize: HARD_LIMIT_BYTES, files: 1, fields: 5, parts: 6 } });
    api.post(
      '/micro-suggestions/:id/photos',
      {
        schema: {
          tags,
          summary: '上传照片（multipart/form-data，字段 file；JPG、PNG，按内容识别；每件最多 3 张；草稿或委员领办时）',
          consumes: ['multipart/form-data'],
          params: idParamsSchema,
          response: { 201: microPhotoSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (!request.isMultipart()) {
          throw new Problem(415, 'unsupported_media_type', '请以 multipart/form-data 上传照片（字段 file）');
        }
        const limits = await preparePhotoUpload(deps, actor, request.params.id);
        const upload = await receiveAttachment(request, limits);
        const photo = await uploadMicroPhoto(deps, actor, request.params.id, upload, limits, requestContext(request));
        return reply.status(201).send(photo);
      },
    );
  });

  app.get(
    '/micro-suggestions/:id/photos/:photoId',
    { schema: { tags, summary: '查看照片（能查看该微建议的人；记录下载）', params: photoParamsSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      const orm = deps.database.orm;
      const settings = await loadMicroSettings(orm, deps, actor.orgId);
      const { row } = await loadVisibleMicro(orm, actor, request.params.id, settings);
      const file = await findPhotoFile(orm, actor.orgId, row.id, request.params.photoId);
      if (!file) throw notFound('照片');
      return sendAttachment(deps.config, reply, file, (fileName) =>
        recordDownload(
          deps,
          actor,
          {
            type: 'micro_suggestion.photo_downloaded',
            summary: `查看微建议“${row.title}”的照片「${fileName}」`,
            subjectType: 'micro_suggestion',
            subjectId: row.id,
            file: attachmentFacts(file, fileName),
          },
          requestContext(request),
        ),
      );
    },
  );

  app.delete(
    '/micro-suggestions/:id/photos/:photoId',
    { schema: { tags, summary: '删除照片（提出的委员，草稿或委员领办时）', params: photoParamsSchema } },
    async (request, reply) => {
      const { id, photoId } = request.params;
      await removeMicroPhoto(deps, requireActor(request), id, photoId, requestContext(request));
      return reply.status(204).send();
    },
  );

  const action = (path: string, summary: string) => ({ path: `/micro-suggestions/:id/actions/${path}`, tags, summary });
  const response = microSuggestionSchema;
  registerItemAction(app, {
    ...action('submit', '提交微建议（If-Match；支持 Idempotency-Key，重试不会重复提交）'),
    response,
    idempotent: true,
    run: ({ actor, id, version, context }) => submitMicroSuggestion(deps, actor, id, version, context),
  });
  registerItemAction(app, {
    ...action('accept', '受理（提案委或本会指定的审查角色）'),
    body: acceptSchema,
    response,
    run: ({ actor, id, version, body, context }) => acceptMicroSuggestion(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...action('decline', '不予受理（须填写理由，委员会收到通知）'),
    body: declineSchema,
    response,
    run: ({ actor, id, version, body, context }) => declineMicroSuggestion(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...action('merge', '合并到反映同一问题的另一件微建议'),
    body: mergeSchema,
    response,
    run: ({ actor, id, version, body, context }) => mergeMicroSuggestion(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...action('convert', '转为提案草稿（由委员完善后提交）'),
    body: convertSchema,
    response,
    run: ({ actor, id, version, body, context }) => convertMicroSuggestion(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...action('transfer', '转交一个承办单位办理（按工作日计算答复期限）'),
    body: transferSchema,
    response,
    run: ({ actor, id, version, body, context }) => transferMicroSuggestion(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...action('take_on', '委员领办'),
    body: takeOnSchema,
    response,
    run: ({ actor, id, version, body, context }) => takeOnMicroSuggestion(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...action('report_result', '委员报告领办结果（办结）'),
    body: reportResultSchema,
    response,
    run: ({ actor, id, version, body, context }) => reportMicroResult(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...action('publish', '在门户公开（自动脱敏，可编辑公开文本、选择照片）'),
    body: publishSchema,
    response,
    run: ({ actor, id, version, body, context }) => publishMicroSuggestion(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...action('unpublish', '撤回公开'),
    body: unpublishSchema,
    response,
    run: ({ actor, id, version, body, context }) => unpublishMicroSuggestion(deps, actor, id, version, body, context),
  });
}
