import { idParamsSchema } from '../../../contracts/common.ts';
import { importRunSchema, isImportRun } from '../../../contracts/imports.ts';
import {
  importResultSchema,
  memberCreateSchema,
  memberFilterSchema,
  memberListQuerySchema,
  memberListSchema,
  memberLookupSchema,
  memberPageSchema,
  memberSchema,
  memberSensitiveSchema,
  memberUpdateSchema,
  reasonBodySchema,
} from '../../../contracts/people.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { forbidden } from '../../platform/http/problem.ts';
import { requestContext, setVersionTag } from '../../platform/http/request-context.ts';
import { receiveXlsx, sendXlsx } from '../../platform/http/xlsx-transfer.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { createMember } from './actions/create-member.ts';
import { recordExport } from './actions/record-export.ts';
import { revealMemberSensitive } from './actions/reveal-member-sensitive.ts';
import { setMemberState } from './actions/set-member-state.ts';
import { updateMember } from './actions/update-member.ts';
import { memberExport, memberTemplate } from './members.excel.ts';
import { findMembers, getMember, listMembers, lookupMembers } from './members.queries.ts';
import { importUploadedRoster } from './people.imports.ts';
import { memberDictionaries } from './people.lookups.ts';
import { canManageMembers } from './people.policy.ts';

const tags = ['委员'];

/** Routes of members (委员): list, detail, create, update, deactivate, sensitive fields, Excel import/export. */
export function memberRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/members',
    {
      schema: {
        tags,
        summary: '委员列表（搜索、筛选、分页）',
        querystring: memberListQuerySchema,
        response: { 200: memberPageSchema },
      },
    },
    async (request) => listMembers(deps, requireActor(request), request.query),
  );

  app.post(
    '/members',
    { schema: { tags, summary: '新增委员', body: memberCreateSchema, response: { 201: memberSchema } } },
    async (request, reply) => {
      const member = await createMember(deps, requireActor(request), request.body, requestContext(request));
      setVersionTag(reply, member.version);
      return reply.status(201).send(member);
    },
  );

  app.get('/members/import-template.xlsx', { schema: { tags, summary: '下载委员导入模板' } }, async (request, reply) => {
    const actor = requireActor(request);
    if (!canManageMembers(actor)) throw forbidden('您无权导入委员');
    return sendXlsx(reply, await memberTemplate(await memberDictionaries(deps.database.orm, actor.orgId)), '委员导入模板.xlsx');
  });

  app.get(
    '/members/export.xlsx',
    { schema: { tags, summary: '导出委员名单（Excel，敏感信息脱敏）', querystring: memberFilterSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      const members = await findMembers(deps, actor, request.query);
      await recordExport(
        deps,
        actor,
        { type: 'member.exported', what: '委员名单', count: members.length, filter: request.query },
        requestContext(request),
      );
      return sendXlsx(reply, await memberExport(members), '委员名单.xlsx');
    },
  );

  app.post(
    '/members/import',
    {
      schema: {
        tags,
        summary:
          '从 Excel 导入委员（multipart/form-data，.xlsx，最大 5 MB；全部通过才写入）：小文件即时导入（200）；大文件转入后台（202，凭 id 查询 GET /imports/{id}）',
        consumes: ['multipart/form-data'],
        response: { 200: importResultSchema, 202: importRunSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!canManageMembers(actor)) throw forbidden('您无权导入委员');
      const outcome = await importUploadedRoster(deps, actor, 'members', await receiveXlsx(request), requestContext(request));
      return isImportRun(outcome) ? reply.status(202).send(outcome) : outcome;
    },
  );

  app.post(
    '/members/lookup',
    {
      schema: {
        tags,
        summary: '按身份证号或手机号精确查找委员（值放在请求体中，不进入访问日志）',
        body: memberLookupSchema,
        response: { 200: memberListSchema },
      },
    },
    async (request) => ({ items: await lookupMembers(deps, requireActor(request), request.body) }),
  );

  app.get(
    '/members/:id',
    { schema: { tags, summary: '委员详情', params: idParamsSchema, response: { 200: memberSchema } } },
    async (request, reply) => {
      const member = await getMember(deps, requireActor(request), request.params.id);
      setVersionTag(reply, member.version);
      return member;
    },
  );

  app.patch(
    '/members/:id',
    {
      schema: {
        tags,
        summary: '修改委员（If-Match 版本号）',
        params: idParamsSchema,
        body: memberUpdateSchema,
        response: { 200: memberSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const member = await updateMember(
        deps,
        actor,
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      );
      setVersionTag(reply, member.version);
      return member;
    },
  );

  for (const [path, state, summary] of [
    ['deactivate', 'inactive', '停用委员（If-Match 版本号）'],
    ['reactivate', 'active', '恢复委员（If-Match 版本号）'],
  ] as const) {
    app.post(
      `/members/:id/${path}`,
      { schema: { tags, summary, params: idParamsSchema, body: reasonBodySchema, response: { 200: memberSchema } } },
      async (request, reply) => {
        const actor = requireActor(request);
        const member = await setMemberState(deps, actor, request.params.id, expectedVersion(request), state, {
          ...requestContext(request),
          reason: request.body.reason,
        });
        setVersionTag(reply, member.version);
        return member;
      },
    );
  }

  app.get(
    '/members/:id/sensitive',
    {
      schema: {
        tags,
        summary: '查看委员身份证号和手机号（系统管理员、提案委；记入审计日志）',
        params: idParamsSchema,
        response: { 200: memberSensitiveSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return revealMemberSensitive(deps, requireActor(request), request.params.id, requestContext(request));
    },
  );
}
