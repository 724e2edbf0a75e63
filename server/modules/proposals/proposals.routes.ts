import { idParamsSchema } from '../../../contracts/common.ts';
import {
  coSignerActionParamsSchema,
  inviteCoSignersSchema,
  proposalCreateSchema,
  proposalListQuerySchema,
  proposalPageSchema,
  proposalSchema,
  proposalUpdateSchema,
  similarQuerySchema,
  similarResultSchema,
  supplementCreateSchema,
  withdrawSchema,
} from '../../../contracts/proposals.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { requestContext, setVersionTag } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { actOnCoSigner } from './actions/act-on-co-signer.ts';
import { addSupplement } from './actions/add-supplement.ts';
import { createProposal } from './actions/create-proposal.ts';
import { inviteCoSigners } from './actions/invite-co-signers.ts';
import { submitProposal } from './actions/submit-proposal.ts';
import { updateProposal } from './actions/update-proposal.ts';
import { withdrawProposal } from './actions/withdraw-proposal.ts';
import { getProposal, listProposals } from './proposals.queries.ts';
import { findSimilarProposals } from './proposals.similarity.ts';

const tags = ['提案'];

/** Routes of proposal writing and submission: drafts, co-signing, submit, withdraw, supplements, similar items. */
export function proposalRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/proposals',
    {
      schema: {
        tags,
        summary: '提案列表（按会议、状态、本人筛选，游标分页）',
        querystring: proposalListQuerySchema,
        response: { 200: proposalPageSchema },
      },
    },
    async (request) => listProposals(deps, requireActor(request), request.query),
  );

  app.get(
    '/proposals/similar',
    {
      schema: {
        tags,
        summary: '相似提案（本次及上次会议，按案由和关键词相似度排序）',
        querystring: similarQuerySchema,
        response: { 200: similarResultSchema },
      },
    },
    async (request) => ({ items: await findSimilarProposals(deps, requireActor(request), request.query) }),
  );

  app.post(
    '/proposals',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '起草提案（委员本人；提案委录入集体提案）',
        body: proposalCreateSchema,
        response: { 201: proposalSchema },
      },
    },
    async (request, reply) => {
      const proposal = await createProposal(deps, requireActor(request), request.body, requestContext(request));
      setVersionTag(reply, proposal.version);
      return reply.status(201).send(proposal);
    },
  );

  app.get(
    '/proposals/:id',
    {
      schema: {
        tags,
        summary: '提案详情（状态、版本、可执行操作、提案人、联名人）',
        params: idParamsSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request, reply) => {
      const proposal = await getProposal(deps, requireActor(request), request.params.id);
      setVersionTag(reply, proposal.version);
      return proposal;
    },
  );

  app.patch(
    '/proposals/:id',
    {
      schema: {
        tags,
        summary: '修改提案草稿（If-Match 版本号；只传改动的字段，便于自动保存）',
        params: idParamsSchema,
        body: proposalUpdateSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const proposal = await updateProposal(
        deps,
        actor,
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      );
      setVersionTag(reply, proposal.version);
      return proposal;
    },
  );

  app.post(
    '/proposals/:id/co-signers',
    {
      schema: {
        tags,
        summary: '邀请委员联名并设定联名截止日期（第一提案人；If-Match 版本号）',
        params: idParamsSchema,
        body: inviteCoSignersSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request, reply) => {
      const proposal = await inviteCoSigners(
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

  app.post(
    '/proposals/:id/co-signers/:memberId/actions/:action',
    {
      schema: {
        tags,
        summary: '联名邀请的答复（accept 同意 / decline 谢绝，受邀委员）或取消（cancel，第一提案人）',
        params: coSignerActionParamsSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request, reply) => {
      const { id, memberId, action } = request.params;
      const proposal = await actOnCoSigner(deps, requireActor(request), id, memberId, action, requestContext(request));
      setVersionTag(reply, proposal.version);
      return proposal;
    },
  );

  app.post(
    '/proposals/:id/actions/submit',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '提交提案（If-Match 版本号；支持 Idempotency-Key，重试不会重复提交）',
        params: idParamsSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request, reply) => {
      const proposal = await submitProposal(
        deps,
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        requestContext(request),
      );
      setVersionTag(reply, proposal.version);
      return proposal;
    },
  );

  app.post(
    '/proposals/:id/actions/withdraw',
    {
      schema: {
        tags,
        summary: '撤回提案（审查前；If-Match 版本号）',
        params: idParamsSchema,
        body: withdrawSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request, reply) => {
      const proposal = await withdrawProposal(
        deps,
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body.reason,
        requestContext(request),
      );
      setVersionTag(reply, proposal.version);
      return proposal;
    },
  );

  app.post(
    '/proposals/:id/supplements',
    {
      schema: {
        tags,
        summary: '追加补充材料（提交后；原文不可修改）',
        params: idParamsSchema,
        body: supplementCreateSchema,
        response: { 201: proposalSchema },
      },
    },
    async (request, reply) => {
      const proposal = await addSupplement(
        deps,
        requireActor(request),
        request.params.id,
        request.body.text,
        requestContext(request),
      );
      setVersionTag(reply, proposal.version);
      return reply.status(201).send(proposal);
    },
  );
}
