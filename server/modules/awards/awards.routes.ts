import { z } from 'zod';
import { awardCreateSchema, awardListQuerySchema, awardListSchema, awardSchema } from '../../../contracts/awards.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { portalOrganization } from '../portal/portal.queries.ts';
import { grantAward } from './actions/grant-award.ts';
import { listAwards } from './awards.queries.ts';

const tags = ['表彰'];

/** Routes of awards: list (staff and portal) and grant. */
export function awardRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/awards',
    {
      schema: {
        tags,
        summary: '优秀提案和先进承办单位（按年度；可按提案或单位查）',
        querystring: awardListQuerySchema,
        response: { 200: awardListSchema },
      },
    },
    async (request) => listAwards(deps.database.orm, requireActor(request).orgId, request.query),
  );
  app.post(
    '/awards',
    {
      config: { idempotent: true },
      schema: { tags, summary: '登记表彰（提案委）', body: awardCreateSchema, response: { 201: awardSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await grantAward(deps, requireActor(request), request.body, requestContext(request))),
  );
  app.get(
    '/portal/awards',
    {
      config: { public: true },
      schema: {
        tags: ['门户'],
        summary: '门户：优秀提案和先进承办单位（无需登录）',
        querystring: awardListQuerySchema
          .pick({ year: true, kind: true })
          .extend({ org: z.string().trim().min(1, { error: '请指定政协（org）' }).max(64) }),
        response: { 200: awardListSchema },
      },
    },
    async (request) => {
      const organization = await portalOrganization(deps.database.orm, request.query.org);
      return listAwards(deps.database.orm, organization.id, { year: request.query.year, kind: request.query.kind });
    },
  );
}
