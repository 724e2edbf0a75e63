import { idParamsSchema } from '../../../contracts/common.ts';
import {
  photoParamsSchema,
  portalMicroCountsSchema,
  portalMicroListQuerySchema,
  portalMicroOrgQuerySchema,
  portalMicroPageSchema,
  portalMicroSchema,
} from '../../../contracts/micro-suggestions.ts';
import { FileNotFoundError, fileStoreFor } from '../../platform/files/file-store.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { getPortalMicro, listPortalMicro, portalMicroCounts, publicPhotoFile } from './micro-suggestions.portal.ts';

const tags = ['门户'];
const publicRoute = { public: true };

/** The portal's micro-suggestion routes (no login): published ones, their photos, the counts. */
export function microPortalRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/portal/micro-suggestions',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: '门户：公开的微建议（办结后经提案委公开；脱敏；无需登录）',
        querystring: portalMicroListQuerySchema,
        response: { 200: portalMicroPageSchema },
      },
    },
    async (request) => listPortalMicro(deps.database.orm, request.query),
  );

  app.get(
    '/portal/micro-suggestions/counts',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: '门户：微建议提出数、办结数、平均办结天数（可按年；无需登录）',
        querystring: portalMicroOrgQuerySchema,
        response: { 200: portalMicroCountsSchema },
      },
    },
    async (request) => portalMicroCounts(deps.database.orm, request.query.org, request.query.year),
  );

  app.get(
    '/portal/micro-suggestions/:id',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: '门户：一件公开的微建议及其办理结果、前后对比照片（脱敏；无需登录）',
        params: idParamsSchema,
        querystring: portalMicroOrgQuerySchema.pick({ org: true }),
        response: { 200: portalMicroSchema },
      },
    },
    async (request) => getPortalMicro(deps.database.orm, request.query.org, request.params.id),
  );

  app.get(
    '/portal/micro-suggestions/:id/photos/:photoId',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: '门户：公开的微建议照片（仅公开时选定的照片）',
        params: photoParamsSchema,
        querystring: portalMicroOrgQuerySchema.pick({ org: true }),
      },
    },
    async (request, reply) => {
      const file = await publicPhotoFile(deps.database.orm, request.query.org, request.params.id, request.params.photoId);
      let stream: Awaited<ReturnType<ReturnType<typeof fileStoreFor>['get']>>;
      try {
        stream = await fileStoreFor(deps.config).get(file.storageKey);
      } catch (error) {
        if (error instanceof FileNotFoundError) throw new Problem(404, 'file_missing', '照片文件已丢失');
        throw error;
      }
      return reply
        .type(file.contentType)
        .header('content-length', String(file.size))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'public, max-age=3600')
        .send(stream);
    },
  );
}
