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

/** Installs the error and not-found handlers that answer every failure as problem+json. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const body = toProblem(error, request);
    if (body.status >= 500) {
      request.log.error({ err: error }, 'request failed');
      if (isResponseSerializationError(error)) request.log.error({ cause: error.cause }, 'response did not match schema');
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
