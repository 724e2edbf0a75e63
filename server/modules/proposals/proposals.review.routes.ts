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
import { errorLogFields } from '../../platform/http/error-handler.ts';
import { registerItemAction } from '../../platform/http/item-action-route.ts';
import { requestContext } from '../../platform/http/request-context.ts';
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
  const decision = { tags, response: proposalSchema };
  registerItemAction(app, {
    ...decision,
    path: '/proposals/:id/actions/file',
    idempotent: true,
    summary: '立案（提案委；If-Match 版本号；按会议顺序编号；支持 Idempotency-Key，重试不会重复编号）',
    body: fileProposalSchema,
    run: ({ actor, id, version, body, context }) => fileProposal(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...decision,
    path: '/proposals/:id/actions/reject',
    summary: '不予立案（提案委；须选择不予立案理由并填写说明；If-Match 版本号）',
    body: rejectProposalSchema,
    run: ({ actor, id, version, body, context }) => rejectProposal(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...decision,
    path: '/proposals/:id/actions/merge',
    summary: '并案（提案委；并入一件已立案的提案，提案人一并计入；If-Match 版本号）',
    body: mergeProposalSchema,
    run: ({ actor, id, version, body, context }) => mergeProposal(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...decision,
    path: '/proposals/:id/actions/convert',
    summary: '转为社情民意信息或来信（提案委；须记录提案人同意；If-Match 版本号）',
    body: convertProposalSchema,
    run: ({ actor, id, version, body, context }) => convertProposal(deps, actor, id, version, body, context),
  });
  registerItemAction(app, {
    ...decision,
    path: '/proposals/:id/actions/return',
    summary: '退回修改（提案委；须填写修改意见；If-Match 版本号）',
    body: returnProposalSchema,
    run: ({ actor, id, version, body, context }) => returnProposal(deps, actor, id, version, body.reason, context),
  });

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
        request.log.error({ error: errorLogFields(error) }, 'bulk filing: an item failed unexpectedly'),
      ),
  );
}
