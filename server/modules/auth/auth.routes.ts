import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  loginRequestSchema,
  loginResponseSchema,
  loginSessionListSchema,
  meSchema,
  passwordChangeRequestSchema,
  platformLoginFailurePageSchema,
  platformLoginFailureQuerySchema,
  secondFactorRequestSchema,
  totpDisableRequestSchema,
  totpEnableRequestSchema,
  totpSetupResponseSchema,
} from '../../../contracts/auth.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { requireActor, requireSession } from '../../platform/auth/auth-plugin.ts';
import { clearSessionCookies, setSessionCookies } from '../../platform/auth/session-cookies.ts';
import { forbidden, notFound, Problem } from '../../platform/http/problem.ts';
import { loginRateLimit } from '../../platform/http/rate-limits.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { changePassword } from './actions/change-password.ts';
import { completeSecondFactor } from './actions/complete-second-factor.ts';
import { disableTotp } from './actions/disable-totp.ts';
import { enableTotp } from './actions/enable-totp.ts';
import { type LoginContext, logIn } from './actions/log-in.ts';
import { logOut } from './actions/log-out.ts';
import { revokeOwnSession } from './actions/revoke-session.ts';
import { setUpTotp } from './actions/set-up-totp.ts';
import { canReadPlatformLoginFailures, type PendingStep } from './auth.policy.ts';
import { presentMe, presentSession } from './auth.presenter.ts';
import { loadAccount, parentOfCommittee } from './auth.queries.ts';
import { listOpenSessions, SESSION_COOKIE } from './login-sessions.ts';
import { listPlatformLoginFailures } from './platform-login-failures.ts';

const tags = ['auth'];
/** Routes without a body still accept an empty JSON object, and refuse anything else. */
const emptyBody = z.object({}).nullish();
const noContent = { 204: z.undefined() };
const everyStep: PendingStep[] = ['second_factor', 'password_change', 'totp_enrollment'];
/** Routes a session may use while it must still change its password or enrol an authenticator. */
const accountSetupSteps: PendingStep[] = ['password_change', 'totp_enrollment'];

/** Where a request comes from, for the event log. */
function contextOf(request: FastifyRequest): RequestContext {
  return { ip: request.ip, requestId: request.id };
}

/** The request context of a login step: also the browser and the session cookie it still holds. */
function loginContextOf(request: FastifyRequest): LoginContext {
  const userAgent = request.headers['user-agent'];
  return {
    ...contextOf(request),
    userAgent: typeof userAgent === 'string' ? userAgent : null,
    previousToken: request.cookies?.[SESSION_COOKIE] ?? null,
  };
}

/** Runs a login step; a 429 of the login counters also gets its Retry-After header. */
async function withRetryAfter<T>(reply: FastifyReply, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const seconds = error instanceof Problem ? error.extra?.retryAfterSeconds : undefined;
    if (typeof seconds === 'number') reply.header('retry-after', String(seconds));
    throw error;
  }
}

/** Registers login, logout, the second factor, password change and the user's own sessions under /auth. */
export function registerAuthRoutes(app: ApiApp, dependencies: AppDependencies): void {
  const loginLimit = loginRateLimit(dependencies.config);

  app.post(
    '/auth/login',
    {
      // No per-address request limit: failed logins are counted in the database (login-throttle.ts), successes are not.
      config: { public: true, csrf: false },
      schema: {
        tags,
        summary: '登录（用户名或手机号 + 密码）',
        body: loginRequestSchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) => {
      const outcome = await withRetryAfter(reply, () => logIn(dependencies, request.body, loginContextOf(request)));
      setSessionCookies(reply, request, outcome.session);
      return outcome.body;
    },
  );

  app.post(
    '/auth/login/second-factor',
    {
      config: { allowPending: everyStep, rateLimit: loginLimit },
      schema: {
        tags,
        summary: '登录第二步：输入动态验证码',
        body: secondFactorRequestSchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) => {
      const outcome = await withRetryAfter(reply, () =>
        completeSecondFactor(dependencies, requireSession(request), request.body.code, loginContextOf(request)),
      );
      setSessionCookies(reply, request, outcome.session);
      return outcome.body;
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { public: true, allowPending: everyStep },
      schema: { tags, summary: '退出登录', body: emptyBody, response: noContent },
    },
    async (request, reply) => {
      if (request.actor) await logOut(dependencies, request.actor, contextOf(request));
      clearSessionCookies(reply, request);
      return reply.status(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      config: { allowPending: accountSetupSteps },
      schema: { tags, summary: '当前登录用户', response: { 200: meSchema } },
    },
    async (request) => {
      const actor = requireActor(request);
      const account = await loadAccount(dependencies.database.orm, actor.orgId, actor.userId);
      if (!account) throw notFound('账户');
      return presentMe(account);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { allowPending: accountSetupSteps, rateLimit: loginLimit },
      schema: {
        tags,
        summary: '修改本人密码（其他登录会话将被注销）',
        body: passwordChangeRequestSchema,
        response: { 200: meSchema },
      },
    },
    async (request) => changePassword(dependencies, requireActor(request), request.body, contextOf(request)),
  );

  app.post(
    '/auth/totp/setup',
    {
      config: { allowPending: ['totp_enrollment'] },
      schema: {
        tags,
        summary: '绑定动态验证码：生成密钥和二维码地址',
        body: emptyBody,
        response: { 200: totpSetupResponseSchema },
      },
    },
    async (request) => setUpTotp(dependencies, requireActor(request), contextOf(request)),
  );

  app.post(
    '/auth/totp/enable',
    {
      config: { allowPending: ['totp_enrollment'], rateLimit: loginLimit },
      schema: { tags, summary: '绑定动态验证码：输入验证码以启用', body: totpEnableRequestSchema, response: { 200: meSchema } },
    },
    async (request) => enableTotp(dependencies, requireActor(request), request.body.code, contextOf(request)),
  );

  app.post(
    '/auth/totp/disable',
    {
      config: { rateLimit: loginLimit },
      schema: { tags, summary: '停用动态验证码（需再次输入密码）', body: totpDisableRequestSchema, response: { 200: meSchema } },
    },
    async (request) => disableTotp(dependencies, requireActor(request), request.body.password, contextOf(request)),
  );

  app.get(
    '/auth/platform-login-failures',
    {
      schema: {
        tags,
        summary: '平台级登录失败记录（未注明政协的未知账户名、被暂停的网络地址），限顶级政协的安全审计员',
        querystring: platformLoginFailureQuerySchema,
        response: { 200: platformLoginFailurePageSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const parentId = await parentOfCommittee(dependencies.database.orm, actor.orgId);
      if (parentId === undefined || !canReadPlatformLoginFailures(actor, { parentId })) {
        throw forbidden('平台级登录记录仅限顶级政协的安全审计员查看', 'forbidden');
      }
      return listPlatformLoginFailures(dependencies.database.orm, request.query);
    },
  );

  app.get(
    '/auth/sessions',
    { schema: { tags, summary: '本人的登录会话', response: { 200: loginSessionListSchema } } },
    async (request) => {
      const actor = requireActor(request);
      const account = await loadAccount(dependencies.database.orm, actor.orgId, actor.userId);
      if (!account) throw notFound('账户');
      const rows = await listOpenSessions(dependencies.database.orm, {
        orgId: actor.orgId,
        userId: actor.userId,
        now: dependencies.now(),
        idleTimeoutMinutes: account.security.idleTimeoutMinutes,
      });
      return { items: rows.map((row) => presentSession(row, actor.sessionId)) };
    },
  );

  app.delete(
    '/auth/sessions/:id',
    {
      schema: { tags, summary: '注销本人的一个登录会话', params: idParamsSchema, response: noContent },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await revokeOwnSession(dependencies, actor, request.params.id, contextOf(request));
      if (request.params.id === actor.sessionId) clearSessionCookies(reply, request);
      return reply.status(204).send();
    },
  );
}
