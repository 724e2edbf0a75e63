import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  appraisalCreateSchema,
  appraisalListSchema,
  appraisalResultsSchema,
  appraisalSchema,
  scoreSubmitSchema,
} from '../../../contracts/appraisal.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { hasAnyRole } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { registerItemAction } from '../../platform/http/item-action-route.ts';
import { forbidden } from '../../platform/http/problem.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { portalOrganization } from '../portal/portal.queries.ts';
import { createAppraisal } from './actions/create-appraisal.ts';
import { moveAppraisal } from './actions/move-appraisal.ts';
import { submitScore } from './actions/submit-score.ts';
import { computeResults, listAppraisals, loadAppraisal } from './appraisal.queries.ts';
import { appraisals } from './appraisal.tables.ts';

const tags = ['民主评议'];

/** Routes of appraisal: create, open/close/publish, score, results (and the portal's published results). */
export function appraisalRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/appraisals',
    { schema: { tags, summary: '民主评议（提案委全部；常委看评分中的）', response: { 200: appraisalListSchema } } },
    async (request) => listAppraisals(deps.database.orm, requireActor(request)),
  );
  app.post(
    '/appraisals',
    {
      config: { idempotent: true },
      schema: { tags, summary: '组织民主评议（提案委）', body: appraisalCreateSchema, response: { 201: appraisalSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await createAppraisal(deps, requireActor(request), request.body, requestContext(request))),
  );
  for (const action of ['open', 'close', 'publish'] as const) {
    registerItemAction(app, {
      path: `/appraisals/:id/actions/${action}`,
      tags,
      summary: { open: '开始评分（确定参评单位）', close: '结束评分', publish: '公布评议结果' }[action],
      response: appraisalSchema,
      run: ({ actor, id, version, context }) => moveAppraisal(deps, actor, id, version, action, context),
    });
  }
  app.post(
    '/appraisals/:id/scores',
    {
      schema: {
        tags,
        summary: '常委为一个承办单位评分（评分期间可修改）',
        params: idParamsSchema,
        body: scoreSubmitSchema,
        response: { 200: appraisalSchema },
      },
    },
    async (request) => submitScore(deps, requireActor(request), request.params.id, request.body, requestContext(request)),
  );
  app.get(
    '/appraisals/:id/results',
    {
      schema: {
        tags,
        summary: '评议结果（提案委随时可看；公布后所有登录用户可看）',
        params: idParamsSchema,
        response: { 200: appraisalResultsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await loadAppraisal(deps.database.orm, actor.orgId, request.params.id);
      if (row.state !== 'published' && !hasAnyRole(actor, 'proposal_office', 'leader', 'supervisor'))
        throw forbidden('评议结果尚未公布');
      return computeResults(deps.database.orm, row);
    },
  );
  app.get(
    '/portal/appraisals',
    {
      config: { public: true },
      schema: {
        tags: ['门户'],
        summary: '门户：已公布的民主评议结果（无需登录）',
        querystring: z.object({ org: z.string().trim().min(1, { error: '请指定政协（org）' }).max(64) }),
        response: { 200: z.object({ items: z.array(appraisalResultsSchema) }) },
      },
    },
    async (request) => {
      const orm = deps.database.orm;
      const organization = await portalOrganization(orm, request.query.org);
      const rows = await orm
        .select()
        .from(appraisals)
        .where(and(eq(appraisals.orgId, organization.id), eq(appraisals.state, 'published')))
        .orderBy(desc(appraisals.id));
      return { items: await Promise.all(rows.map((row) => computeResults(orm, row))) };
    },
  );
}
