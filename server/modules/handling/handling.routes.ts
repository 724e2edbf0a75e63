import { idParamsSchema } from '../../../contracts/common.ts';
import {
  contactCreateSchema,
  contactSchema,
  coOpinionCreateSchema,
  coOpinionSchema,
  extensionDecisionSchema,
  extensionListQuerySchema,
  extensionListSchema,
  extensionRefusalSchema,
  extensionRequestSchema,
  extensionSchema,
  handlingViewSchema,
  itemRepliesSchema,
  proposalRepliesSchema,
  ratingCreateSchema,
  replyDraftSchema,
  replyReleaseSchema,
  replyReturnSchema,
  replySchema,
} from '../../../contracts/handling.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { attachmentDisposition } from '../../platform/files/attachment-files.ts';
import { recordDownload } from '../../platform/files/download-audit.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { registerItemAction } from '../../platform/http/item-action-route.ts';
import { requestContext, setVersionTag } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { decideExtension } from './actions/decide-extension.ts';
import { draftReply } from './actions/draft-reply.ts';
import { rateReply } from './actions/rate-reply.ts';
import { recordContact } from './actions/record-contact.ts';
import { releaseReply } from './actions/release-reply.ts';
import { requestExtension } from './actions/request-extension.ts';
import { returnReply } from './actions/return-reply.ts';
import { sendCoOpinion } from './actions/send-co-opinion.ts';
import { sendReply } from './actions/send-reply.ts';
import { signOffReply } from './actions/sign-off-reply.ts';
import { submitReply } from './actions/submit-reply.ts';
import { updateReply } from './actions/update-reply.ts';
import { listExtensions } from './extensions.list.ts';
import { getHandlingView, getItemReplies, getProposalReplies } from './handling.view.ts';
import { replyLetterFor } from './reply-letter.download.ts';

const tags = ['提案办理'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const replyUpdateSchema = replyDraftSchema.omit({ kind: true });

/** Routes of handling: the unit's handling view, contacts, co-handlers' opinions, extensions, replies, ratings. */
export function handlingRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/assignments/:id/handling',
    {
      schema: {
        tags,
        summary: '办理一件交办件所需的全部信息（沟通记录、会办意见、延期、答复及当前可做的事）',
        params: idParamsSchema,
        response: { 200: handlingViewSchema },
      },
    },
    async (request) => getHandlingView(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/assignments/:id/contacts',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '记录与提案人的沟通（走访、座谈、电话；主办、单办、分办单位）',
        params: idParamsSchema,
        body: contactCreateSchema,
        response: { 201: contactSchema },
      },
    },
    async (request, reply) => {
      const contact = await recordContact(deps, requireActor(request), request.params.id, request.body, requestContext(request));
      return reply.code(201).send(contact);
    },
  );

  app.post(
    '/assignments/:id/co-opinion',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '会办单位向主办单位提出会办意见（一次；逾期仍可提交并标明逾期）',
        params: idParamsSchema,
        body: coOpinionCreateSchema,
        response: { 201: coOpinionSchema },
      },
    },
    async (request, reply) => {
      const opinion = await sendCoOpinion(deps, requireActor(request), request.params.id, request.body, requestContext(request));
      return reply.code(201).send(opinion);
    },
  );

  app.post(
    '/assignments/:id/extension-requests',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '申请延期（期限届满前；累计不超过交办之日起的规定月数）',
        params: idParamsSchema,
        body: extensionRequestSchema,
        response: { 201: extensionSchema },
      },
    },
    async (request, reply) => {
      const extension = await requestExtension(
        deps,
        requireActor(request),
        request.params.id,
        request.body,
        requestContext(request),
      );
      return reply.code(201).send(extension);
    },
  );

  app.get(
    '/extension-requests',
    {
      schema: {
        tags,
        summary: '延期申请（提案委看全部，承办单位看本单位）',
        querystring: extensionListQuerySchema,
        response: { 200: extensionListSchema },
      },
    },
    async (request) => listExtensions(deps, requireActor(request), request.query),
  );

  registerItemAction(app, {
    path: '/extension-requests/:id/actions/approve',
    tags,
    summary: '同意延期（提案委；If-Match 版本号）',
    body: extensionDecisionSchema,
    response: extensionSchema,
    run: ({ actor, id, version, body, context }) =>
      decideExtension(deps, actor, id, version, 'approve', body.reason ?? null, context),
  });
  registerItemAction(app, {
    path: '/extension-requests/:id/actions/refuse',
    tags,
    summary: '不同意延期（提案委；须填写理由；If-Match 版本号）',
    body: extensionRefusalSchema,
    response: extensionSchema,
    run: ({ actor, id, version, body, context }) => decideExtension(deps, actor, id, version, 'refuse', body.reason, context),
  });

  app.post(
    '/assignments/:id/replies',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '起草答复（本轮一份）或后续办理情况报告（B 类答复之后）',
        params: idParamsSchema,
        body: replyDraftSchema,
        response: { 201: replySchema },
      },
    },
    async (request, reply) => {
      const created = await draftReply(deps, requireActor(request), request.params.id, request.body, requestContext(request));
      setVersionTag(reply, created.version);
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/replies/:id',
    {
      schema: {
        tags,
        summary: '修改答复稿（草稿或被退回的答复；If-Match 版本号）',
        params: idParamsSchema,
        body: replyUpdateSchema,
        response: { 200: replySchema },
      },
    },
    async (request, reply) => {
      const updated = await updateReply(
        deps,
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      );
      setVersionTag(reply, updated.version);
      return updated;
    },
  );

  registerItemAction(app, {
    path: '/replies/:id/actions/submit',
    tags,
    summary: '送分管领导签发（须已与提案人沟通、会办意见已到或已过期限）',
    response: replySchema,
    run: ({ actor, id, version, context }) => submitReply(deps, actor, id, version, context),
  });
  registerItemAction(app, {
    path: '/replies/:id/actions/send',
    tags,
    summary: '发送答复（不需分管领导签发的办理件，如微建议；经办人直接答复）',
    response: replySchema,
    run: ({ actor, id, version, context }) => sendReply(deps, actor, id, version, context),
  });
  registerItemAction(app, {
    path: '/replies/:id/actions/sign_off',
    tags,
    summary: '分管领导签发，送提案委审核（委员会要求审核答复时）',
    response: replySchema,
    run: ({ actor, id, version, context }) => signOffReply(deps, actor, id, version, 'sign_off', context),
  });
  registerItemAction(app, {
    path: '/replies/:id/actions/sign_off_and_send',
    tags,
    summary: '分管领导签发并答复提案人（委员会不审核答复时）',
    response: replySchema,
    run: ({ actor, id, version, context }) => signOffReply(deps, actor, id, version, 'sign_off_and_send', context),
  });
  registerItemAction(app, {
    path: '/replies/:id/actions/return',
    tags,
    summary: '退回答复修改（分管领导签发前，或提案委审核时；须填写理由）',
    body: replyReturnSchema,
    response: replySchema,
    run: ({ actor, id, version, body, context }) => returnReply(deps, actor, id, version, body.reason, context),
  });
  registerItemAction(app, {
    path: '/replies/:id/actions/release',
    tags,
    summary: '提案委审核通过并答复提案人（可调整答复类别）',
    body: replyReleaseSchema,
    response: replySchema,
    run: ({ actor, id, version, body, context }) => releaseReply(deps, actor, id, version, body.resultClass, context),
  });

  app.post(
    '/replies/:id/ratings',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '提案人（微建议的建议人）评价答复（满意、基本满意、不满意；每人一次，不满意可启动二次办理）',
        params: idParamsSchema,
        body: ratingCreateSchema,
        response: { 200: itemRepliesSchema },
      },
    },
    async (request) => rateReply(deps, requireActor(request), request.params.id, request.body, requestContext(request)),
  );

  app.get(
    '/replies/:id/letter.docx',
    {
      schema: {
        tags,
        summary: '答复函（Word，公文格式；承办单位和提案委随时可下载，提案人、督办领导和党政领导在答复送达后）',
        params: idParamsSchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const letter = await replyLetterFor(deps, actor, request.params.id);
      await recordDownload(
        deps,
        actor,
        {
          type: 'reply.letter_downloaded',
          summary: `下载答复函「${letter.title}」（Word）`,
          subjectType: 'reply',
          subjectId: request.params.id,
          file: { fileName: `${letter.title}.docx` },
        },
        requestContext(request),
      );
      return reply
        .type(DOCX_TYPE)
        .header('content-disposition', attachmentDisposition(`${letter.title}.docx`, 'reply.docx'))
        .header('cache-control', 'no-store')
        .send(letter.content);
    },
  );

  app.get(
    '/proposals/:id/replies',
    {
      schema: { tags, summary: '提案的答复与评价', params: idParamsSchema, response: { 200: proposalRepliesSchema } },
    },
    async (request) => getProposalReplies(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/items/:id/replies',
    {
      schema: {
        tags,
        summary: '办理件（提案、微建议）的答复与评价',
        params: idParamsSchema,
        response: { 200: itemRepliesSchema },
      },
    },
    async (request) => getItemReplies(deps, requireActor(request), request.params.id),
  );
}
