import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common.ts';
import {
  bulkPublicationResultSchema,
  bulkPublicationSchema,
  publicationDecisionSchema,
  publicationPreviewSchema,
  publicationResultSchema,
  secretFlagSchema,
} from '../../../contracts/publication.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { bulkPublish } from './actions/bulk-publish.ts';
import { decidePublication } from './actions/decide-publication.ts';
import { setSecret } from './actions/set-secret.ts';
import { previewPublication } from './publication.preview.ts';

const tags = ['公开'];

/** Routes of publication: preview, decide (one or in bulk), the secret flag. */
export function publicationRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/proposals/:id/publication-preview',
    {
      schema: {
        tags,
        summary: '公开前审核：脱敏后的公开文本、去除的个人信息及能否公开（提案委）',
        params: idParamsSchema,
        response: { 200: publicationPreviewSchema },
      },
    },
    async (request) => previewPublication(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/proposals/:id/publication',
    {
      schema: {
        tags,
        summary: '公开决定：公开、部分公开（删改后的文本）或不公开（提案委；If-Match 提案版本号）',
        params: idParamsSchema,
        body: publicationDecisionSchema,
        response: { 200: publicationResultSchema },
      },
    },
    async (request) =>
      decidePublication(
        deps,
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      ),
  );

  app.post(
    '/publication/bulk',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '批量公开（自动脱敏；逐件报告结果）',
        body: bulkPublicationSchema,
        response: { 200: bulkPublicationResultSchema },
      },
    },
    async (request) => bulkPublish(deps, requireActor(request), request.body.items, requestContext(request)),
  );

  app.post(
    '/proposals/:id/secret',
    {
      schema: {
        tags,
        summary: '设置或取消涉密标记（涉密提案不得公开；If-Match 提案版本号）',
        params: idParamsSchema,
        body: secretFlagSchema,
        response: { 200: z.object({ proposalId: z.string(), secret: z.boolean(), version: z.number().int() }) },
      },
    },
    async (request) =>
      setSecret(
        deps,
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body.secret,
        requestContext(request),
      ),
  );
}
