import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../../contracts/common.ts';
import {
  approveAdjustmentSchema,
  assignmentBatchCreateSchema,
  assignmentBatchSchema,
  assignmentListQuerySchema,
  assignmentPageSchema,
  assignmentSchema,
  assignProposalSchema,
  categoryDefaultUnitsSchema,
  categoryDefaultUnitsUpdateSchema,
  proposalSchema,
  refuseAdjustmentSchema,
  requestAdjustmentSchema,
  unitSuggestionsSchema,
} from '../../../contracts/proposals.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { registerItemAction } from '../../platform/http/item-action-route.ts';
import { requestContext, setVersionTag } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { assignProposal } from './actions/assign-proposal.ts';
import { confirmAssignmentBatch } from './actions/confirm-assignment-batch.ts';
import { approveAdjustment, refuseAdjustment } from './actions/decide-adjustment.ts';
import { requestAdjustment } from './actions/request-adjustment.ts';
import { setCategoryDefaultUnits } from './actions/set-category-default-units.ts';
import { signForAssignment } from './actions/sign-for-assignment.ts';
import { getAssignment, getBatch, listAssignments, listBatches } from './assignments.queries.ts';
import { getCategoryDefaultUnits, suggestUnits } from './unit-suggestions.ts';

const tags = ['提案'];

/** Query of the batch list: one session's batches, or all. */
const batchListQuerySchema = z.object({ sessionId: idSchema.optional() });
const batchListSchema = z.object({ items: z.array(assignmentBatchSchema) });

/** Routes of assignment: assign, batches, the units' inbox, sign-for and adjustments, suggestions, category defaults. */
export function assignmentRoutes(app: ApiApp, deps: AppDependencies): void {
  app.post(
    '/proposals/:id/actions/assign',
    {
      schema: {
        tags,
        summary: '交办提案（提案委；单办、分办或主办+会办；If-Match 版本号）',
        params: idParamsSchema,
        body: assignProposalSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request, reply) => {
      const proposal = await assignProposal(
        deps,
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      );
      setVersionTag(reply, proposal.version);
      return proposal;
    },
  );

  app.get(
    '/proposals/:id/unit-suggestions',
    {
      schema: {
        tags,
        summary: '建议的承办单位（提案委；类别默认单位和相似提案的承办单位）',
        params: idParamsSchema,
        response: { 200: unitSuggestionsSchema },
      },
    },
    async (request) => suggestUnits(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/assignment-batches',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '确认交办批次（交办会；整批同一事务，全部成功或全部不交办；支持 Idempotency-Key）',
        body: assignmentBatchCreateSchema,
        response: { 201: assignmentBatchSchema },
      },
    },
    async (request, reply) => {
      const batch = await confirmAssignmentBatch(deps, requireActor(request), request.body, requestContext(request));
      return reply.status(201).send(batch);
    },
  );

  app.get(
    '/assignment-batches',
    {
      schema: {
        tags,
        summary: '交办批次列表（按会议筛选）',
        querystring: batchListQuerySchema,
        response: { 200: batchListSchema },
      },
    },
    async (request) => listBatches(deps, requireActor(request), request.query.sessionId),
  );

  app.get(
    '/assignment-batches/:id',
    {
      schema: {
        tags,
        summary: '交办批次详情（提案数、各单位件数）',
        params: idParamsSchema,
        response: { 200: assignmentBatchSchema },
      },
    },
    async (request) => getBatch(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/assignments',
    {
      schema: {
        tags,
        summary: '交办件列表（承办单位只看本单位的；按会议、单位、提案、状态筛选，游标分页）',
        querystring: assignmentListQuerySchema,
        response: { 200: assignmentPageSchema },
      },
    },
    async (request) => listAssignments(deps, requireActor(request), request.query),
  );

  app.get(
    '/assignments/:id',
    {
      schema: {
        tags,
        summary: '交办件详情（状态、版本、期限、可执行操作）',
        params: idParamsSchema,
        response: { 200: assignmentSchema },
      },
    },
    async (request, reply) => {
      const assignment = await getAssignment(deps, requireActor(request), request.params.id);
      setVersionTag(reply, assignment.version);
      return assignment;
    },
  );

  const unitAction = { tags, response: assignmentSchema };
  registerItemAction(app, {
    ...unitAction,
    path: '/assignments/:id/actions/sign_for',
    summary: '签收交办件（本单位承办人员或分管领导；If-Match 版本号）',
    run: ({ actor, id, version, context }) => signForAssignment(deps, actor, id, version, context),
  });
  registerItemAction(app, {
    ...unitAction,
    path: '/assignments/:id/actions/request_adjustment',
    summary: '申请调整承办单位（本单位；交办后规定工作日内；If-Match 版本号）',
    body: requestAdjustmentSchema,
    run: ({ actor, id, version, body, context }) => requestAdjustment(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...unitAction,
    path: '/assignments/:id/actions/approve_adjustment',
    summary: '同意调整（提案委；指定新的承办单位，重新计算期限；If-Match 版本号）',
    body: approveAdjustmentSchema,
    run: ({ actor, id, version, body, context }) => approveAdjustment(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...unitAction,
    path: '/assignments/:id/actions/refuse_adjustment',
    summary: '不同意调整（提案委；须填写理由，交办件回到待签收；If-Match 版本号）',
    body: refuseAdjustmentSchema,
    run: ({ actor, id, version, body, context }) => refuseAdjustment(deps, actor, id, version, body.reason, context),
  });

  app.get(
    '/proposal-categories/:id/default-units',
    {
      schema: {
        tags,
        summary: '提案类别的默认承办单位（提案委）',
        params: idParamsSchema,
        response: { 200: categoryDefaultUnitsSchema },
      },
    },
    async (request) => getCategoryDefaultUnits(deps, requireActor(request), request.params.id),
  );

  app.put(
    '/proposal-categories/:id/default-units',
    {
      schema: {
        tags,
        summary: '设置提案类别的默认承办单位（提案委；整体替换，按顺序）',
        params: idParamsSchema,
        body: categoryDefaultUnitsUpdateSchema,
        response: { 200: categoryDefaultUnitsSchema },
      },
    },
    async (request) =>
      setCategoryDefaultUnits(deps, requireActor(request), request.params.id, request.body.unitIds, requestContext(request)),
  );
}
