import multipart from '@fastify/multipart';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common.ts';
import {
  instructionCreateSchema,
  instructionListSchema,
  instructionSchema,
  keyProposalApproveSchema,
  keyProposalDeclineSchema,
  keyProposalListQuerySchema,
  keyProposalListSchema,
  keyProposalRecommendSchema,
  keyProposalSchema,
  supervisionActivitySchema,
  supervisorCandidatesSchema,
} from '../../../contracts/key-proposals.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { fileStoreFor } from '../../platform/files/file-store.ts';
import { registerItemAction } from '../../platform/http/item-action-route.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import { receiveUpload } from '../../platform/http/xlsx-transfer.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { decideKeyProposal } from './actions/decide-key-proposal.ts';
import { recommendKeyProposal } from './actions/recommend-key-proposal.ts';
import { recordActivity } from './actions/record-activity.ts';
import { recordInstruction } from './actions/record-instruction.ts';
import { uploadPhoto } from './actions/upload-photo.ts';
import { listInstructions } from './instructions.queries.ts';
import { canReadKeyProposals } from './key-proposals.policy.ts';
import { getKeyProposal, listKeyProposals, listSupervisorCandidates } from './key-proposals.queries.ts';
import { supervisionPhotos } from './key-proposals.tables.ts';

const tags = ['重点提案'];
const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** Routes of key proposals: recommendation and selection, supervision activities with photos, leaders' instructions. */
export function keyProposalRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/key-proposals',
    {
      schema: {
        tags,
        summary: '重点提案及推荐（提案委、督办领导、党政领导）',
        querystring: keyProposalListQuerySchema,
        response: { 200: keyProposalListSchema },
      },
    },
    async (request) => listKeyProposals(deps, requireActor(request), request.query),
  );
  app.get(
    '/key-proposals/supervisor-candidates',
    {
      schema: {
        tags,
        summary: '可指定的督办领导（在用的督办领导、党政领导账户；提案委）',
        response: { 200: supervisorCandidatesSchema },
      },
    },
    async (request) => listSupervisorCandidates(deps, requireActor(request)),
  );
  app.get(
    '/key-proposals/:id',
    {
      schema: { tags, summary: '一件重点提案：督办领导与督办活动', params: idParamsSchema, response: { 200: keyProposalSchema } },
    },
    async (request) => getKeyProposal(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/key-proposals',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '登记重点提案推荐（提案委代工作人员、党派团体或专委会登记）',
        body: keyProposalRecommendSchema,
        response: { 201: keyProposalSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recommendKeyProposal(deps, requireActor(request), request.body, requestContext(request))),
  );
  registerItemAction(app, {
    path: '/key-proposals/:id/actions/shortlist',
    tags,
    summary: '列入重点提案候选（If-Match）',
    response: keyProposalSchema,
    run: ({ actor, id, version, context }) => decideKeyProposal(deps, actor, id, version, 'shortlist', {}, context),
  });
  registerItemAction(app, {
    path: '/key-proposals/:id/actions/approve',
    tags,
    summary: '确定为重点提案并指定督办领导（If-Match）',
    body: keyProposalApproveSchema,
    response: keyProposalSchema,
    run: ({ actor, id, version, body, context }) =>
      decideKeyProposal(deps, actor, id, version, 'approve', { supervisorIds: body.supervisorIds }, context),
  });
  registerItemAction(app, {
    path: '/key-proposals/:id/actions/decline',
    tags,
    summary: '不列入重点提案（须填写理由；If-Match）',
    body: keyProposalDeclineSchema,
    response: keyProposalSchema,
    run: ({ actor, id, version, body, context }) =>
      decideKeyProposal(deps, actor, id, version, 'decline', { reason: body.reason }, context),
  });
  app.post(
    '/key-proposals/:id/activities',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '记录督办活动（督办领导或提案委）',
        params: idParamsSchema,
        body: supervisionActivitySchema,
        response: { 201: keyProposalSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordActivity(deps, requireActor(request), request.params.id, request.body, requestContext(request))),
  );

  app.register(async (scope) => {
    const api = scope as unknown as ApiApp;
    await api.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 2, parts: 3 } });
    api.post(
      '/key-proposals/:id/photos',
      {
        schema: {
          tags,
          summary: '上传督办照片（multipart/form-data；JPG、PNG，不超过 10 MB）',
          consumes: ['multipart/form-data'],
          params: idParamsSchema,
          response: { 201: z.object({ id: z.string(), fileName: z.string() }) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const upload = await receiveUpload(request, { maxBytes: PHOTO_MAX_BYTES, what: '督办照片' });
        const photo = await uploadPhoto(
          deps,
          actor,
          request.params.id,
          { fileName: upload.fileName, content: upload.buffer },
          requestContext(request),
        );
        return reply.code(201).send(photo);
      },
    );
  });

  app.get(
    '/supervision-photos/:id/content',
    { schema: { tags, summary: '督办照片', params: idParamsSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!canReadKeyProposals(actor)) throw forbidden('您无权查看督办照片');
      const [photo] = await deps.database.orm
        .select()
        .from(supervisionPhotos)
        .where(and(eq(supervisionPhotos.orgId, actor.orgId), eq(supervisionPhotos.id, request.params.id)));
      if (!photo) throw notFound('督办照片');
      return reply
        .type(photo.contentType)
        .header('cache-control', 'private, max-age=3600')
        .send(await fileStoreFor(deps.config).get(photo.storageKey));
    },
  );

  app.get(
    '/proposals/:id/instructions',
    { schema: { tags, summary: '提案的领导批示', params: idParamsSchema, response: { 200: instructionListSchema } } },
    async (request) => listInstructions(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/proposals/:id/instructions',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '记录领导批示（提案委或党政领导）',
        params: idParamsSchema,
        body: instructionCreateSchema,
        response: { 201: instructionSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordInstruction(deps, requireActor(request), request.params.id, request.body, requestContext(request))),
  );
}
