import { idParamsSchema } from '../../../contracts/common.ts';
import {
  bulkFileSchema,
  bulkResultSchema,
  convertProposalSchema,
  fileProposalSchema,
  mergeProposalSchema,
  proposalSchema,
  rejectProposalSchema,
  returnProposalSchema,
} from '../../../contracts/proposals.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { requestContext, setVersionTag } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { bulkFileProposals } from './actions/bulk-file-proposals.ts';
import { convertProposal } from './actions/convert-proposal.ts';
import { fileProposal } from './actions/file-proposal.ts';
import { mergeProposal } from './actions/merge-proposal.ts';
import { rejectProposal } from './actions/reject-proposal.ts';
import { returnProposal } from './actions/return-proposal.ts';

const tags = ['提案'];

/** Routes of the office's review: file, reject, merge, convert, return, bulk filing. */
export function reviewRoutes(app: ApiApp, deps: AppDependencies): void {
  app.post(
    '/proposals/:id/actions/file',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '立案（提案委；If-Match 版本号；按会议顺序编号；支持 Idempotency-Key，重试不会重复编号）',
        params: idParamsSchema,
        body: fileProposalSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request, reply) => {
      const proposal = await fileProposal(
        deps,
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body.note,
        requestContext(request),
      );
      setVersionTag(reply, proposal.version);
      return proposal;
    },
  );

  app.post(
    '/proposals/:id/actions/reject',
    {
      schema: {
        tags,
        summary: '不予立案（提案委；须选择不予立案理由并填写说明；If-Match 版本号）',
        params: idParamsSchema,
        body: rejectProposalSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request, reply) => {
      const proposal = await rejectProposal(
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
    '/proposals/:id/actions/merge',
    {
      schema: {
        tags,
        summary: '并案（提案委；并入一件已立案的提案，提案人一并计入；If-Match 版本号）',
        params: idParamsSchema,
        body: mergeProposalSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request, reply) => {
      const proposal = await mergeProposal(
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
    '/proposals/:id/actions/convert',
    {
      schema: {
        tags,
        summary: '转为社情民意信息或来信（提案委；须记录提案人同意；If-Match 版本号）',
        params: idParamsSchema,
        body: convertProposalSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request, reply) => {
      const proposal = await convertProposal(
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
    '/proposals/:id/actions/return',
    {
      schema: {
        tags,
        summary: '退回修改（提案委；须填写修改意见；If-Match 版本号）',
        params: idParamsSchema,
        body: returnProposalSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request, reply) => {
      const proposal = await returnProposal(
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
    '/proposals/bulk-actions/file',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '批量立案（提案委；按所给顺序逐件立案，每件各自成败；支持 Idempotency-Key）',
        body: bulkFileSchema,
        response: { 200: bulkResultSchema },
      },
    },
    async (request) =>
      bulkFileProposals(deps, requireActor(request), request.body.items, requestContext(request), (error) =>
        request.log.error({ err: error }, 'bulk filing: an item failed unexpectedly'),
      ),
  );
}
