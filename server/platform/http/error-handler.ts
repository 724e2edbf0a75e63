import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { toTraditional, wantsTraditional } from '../i18n/chinese-script.ts';
import { type FieldError, Problem, statusTitles } from './problem.ts';

type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  requestId: string;
  [key: string]: unknown;
};

/** Names of the request parts, for messages like "请求体 title: 不能为空". */
const partNames: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** Turns any thrown error into a problem+json body; unknown errors are 500 with no internals leaked. */
export function toProblem(error: unknown, request: FastifyRequest): ProblemBody {
  const base = (status: number, code: string, detail: string, errors?: FieldError[]): ProblemBody => ({
    type: `about:blank#${code}`,
    title: statusTitles[status] ?? '错误',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
    requestId: request.id,
  });

  if (error instanceof Problem) {
    return { ...base(error.status, error.code, error.detail, error.errors), ...error.extra };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = partNames[error.validationContext ?? 'body'] ?? '请求';
    const errors = error.validation.map((issue) => ({
      field:
        issue.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
        (issue.params?.issue as { path?: string[] })?.path?.join('.') ||
        '(整体)',
      message: issue.message ?? '格式不正确',
    }));
    const summary = errors.map((item) => `${item.field}：${item.message}`).join('；');
    return base(400, 'validation_failed', `${part}格式不正确：${summary}`, errors);
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return base(400, 'malformed_json', '请求体不是有效的 JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return base(413, 'body_too_large', '请求内容过大');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return base(415, 'unsupported_media_type', '不支持的内容类型，请使用 application/json');
    case 'FST_ERR_VALIDATION':
      return base(400, 'validation_failed', `请求格式不正确：${fastifyError.message}`);
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return base(429, 'rate_limited', '请求过于频繁，请稍后再试');
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return base(status, 'bad_request', statusTitles[status] ?? '请求有误');
  }
  return base(500, 'internal_error', '服务器内部错误，请稍后再试；如持续出现，请联系管理员并提供请求编号');
}

/** Sends a problem body with the right content type, converting the text for 繁體 users. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, body: ProblemBody): FastifyReply {
  if (wantsTraditional(request.headers)) {
    body.title = toTraditional(body.title);
    body.detail = toTraditional(body.detail);
    body.errors = body.errors?.map((item) => ({ ...item, message: toTraditional(item.message) }));
  }
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** A code or identifier that carries no user text: SQLSTATE, FST_ERR_…, a constraint, table or column name. */
const IDENTIFIER = /^[A-Za-z0-9_.$-]{1,128}$/;

/** The fields of an error that name where and what, never what the user sent. */
const IDENTIFYING_FIELDS = ['code', 'routine', 'schema', 'table', 'column', 'constraint', 'dataType'] as const;

/**
 * What an unexpected error may put in the log: its class, its codes and identifiers, the frames of its stack and its
 * causes, but never its message (a database error quotes the value it refused, a failed query lists its parameters)
 * nor the request's body or query.
 */
export function errorLogFields(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const fields: Record<string, unknown> = { type: error.constructor?.name || error.name };
  for (const key of IDENTIFYING_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if ((typeof value === 'string' || typeof value === 'number') && IDENTIFIER.test(String(value))) fields[key] = value;
  }
  fields.stack = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim());
  if (isResponseSerializationError(error)) {
    const issues = (error.cause as { issues?: { code?: string; path?: PropertyKey[] }[] } | undefined)?.issues ?? [];
    fields.issues = issues.map((issue) => ({ code: issue.code, path: issue.path?.map(String).join('.') }));
  } else if (error.cause !== undefined && depth < 3) {
    fields.cause = errorLogFields(error.cause, depth + 1);
  }
  return fields;
}

/** Installs the error and not-found handlers that answer every failure as problem+json. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const body = toProblem(error, request);
    if (body.status >= 500) {
      // The route's pattern, not the URL: the URL holds the query string and the ids the user typed.
      const where = { requestId: request.id, method: request.method, route: request.routeOptions.url ?? '(no route)' };
      request.log.error({ ...where, error: errorLogFields(error) }, 'request failed');
    }
    return sendProblem(reply, request, body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body = toProblem(
      new Problem(404, 'route_not_found', `没有这个接口：${request.method} ${request.url.split('?')[0]}`),
      request,
    );
    return sendProblem(reply, request, body);
  });
}
