import { actionParamsSchema, idParamsSchema } from '../../../contracts/common.ts';
import {
  passwordResetDecisionSchema,
  passwordResetListQuerySchema,
  passwordResetRequestListSchema,
  userActionBodySchema,
  userCreateSchema,
  userListQuerySchema,
  userPageSchema,
  userSchema,
  userUpdateSchema,
  userWithPasswordSchema,
} from '../../../contracts/people.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { expectedVersion } from '../../platform/http/concurrency.ts';
import { requestContext, setVersionTag } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { createUser } from './actions/create-user.ts';
import { decidePasswordReset } from './actions/decide-password-reset.ts';
import { takeUserAction } from './actions/take-user-action.ts';
import { updateUser } from './actions/update-user.ts';
import { listResetRequests } from './password-resets.queries.ts';
import { getUser, listUsers } from './users.queries.ts';

const tags = ['账户'];

/**
 * Routes of user accounts: list, detail, create, update (roles, links), the account workflow actions, and the
 * administrator password reset requests a second administrator decides.
 */
export function userRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: '账户列表（搜索、按角色和状态筛选、分页）',
        querystring: userListQuerySchema,
        response: { 200: userPageSchema },
      },
    },
    async (request) => listUsers(deps, requireActor(request), request.query),
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: '新建账户（未给密码时生成一次性初始密码；首次登录须修改）',
        body: userCreateSchema,
        response: { 201: userWithPasswordSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const result = await createUser(deps, requireActor(request), request.body, requestContext(request));
      setVersionTag(reply, result.user.version);
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/users/:id',
    {
      schema: {
        tags,
        summary: '账户详情（含状态、版本和当前可执行的操作）',
        params: idParamsSchema,
        response: { 200: userSchema },
      },
    },
    async (request, reply) => {
      const user = await getUser(deps, requireActor(request), request.params.id);
      setVersionTag(reply, user.version);
      return user;
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: '修改账户：姓名、角色、关联委员或单位（If-Match 版本号；三员分立）',
        params: idParamsSchema,
        body: userUpdateSchema,
        response: { 200: userSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const user = await updateUser(
        deps,
        actor,
        request.params.id,
        expectedVersion(request),
        request.body,
        requestContext(request),
      );
      setVersionTag(reply, user.version);
      return user;
    },
  );

  app.post(
    '/users/:id/actions/:action',
    {
      schema: {
        tags,
        summary:
          '账户操作：disable 停用、enable 启用、unlock 解除锁定、reset_password 重置密码（业务账户）、request_password_reset 申请重置管理员密码（须另一名管理员批准）',
        params: actionParamsSchema,
        body: userActionBodySchema,
        response: { 200: userWithPasswordSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { id, action } = request.params;
      const result = await takeUserAction(deps, requireActor(request), id, action, request.body.reason, requestContext(request));
      setVersionTag(reply, result.user.version);
      return result;
    },
  );

  app.get(
    '/password-reset-requests',
    {
      schema: {
        tags,
        summary: '管理员密码重置申请（默认待批准的；三员可见）',
        querystring: passwordResetListQuerySchema,
        response: { 200: passwordResetRequestListSchema },
      },
    },
    async (request) => listResetRequests(deps, requireActor(request), request.query),
  );

  app.post(
    '/password-reset-requests/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '处理密码重置申请：approve 批准并重置（另一名管理员；临时密码只显示一次）、reject 驳回、cancel 撤销（申请人）',
        params: actionParamsSchema,
        body: userActionBodySchema,
        response: { 200: passwordResetDecisionSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { id, action } = request.params;
      return decidePasswordReset(deps, requireActor(request), id, action, request.body.reason, requestContext(request));
    },
  );
}
