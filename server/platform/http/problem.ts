/** A field-level validation message. */
export type FieldError = { field: string; message: string };

/**
 * An error that becomes an `application/problem+json` response. `detail` is the message shown to people,
 * in Simplified Chinese; the error handler converts it for 繁體 users.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
    this.name = 'Problem';
  }
}

/** Titles of each status, shown as the problem's `title`. */
export const statusTitles: Record<number, string> = {
  400: '请求有误',
  401: '未登录或登录已过期',
  403: '无权执行此操作',
  404: '未找到',
  405: '不支持的请求方法',
  409: '状态冲突',
  410: '已失效',
  413: '请求内容过大',
  415: '不支持的内容类型',
  422: '无法处理的请求',
  423: '账户已锁定',
  428: '缺少前置条件',
  429: '请求过于频繁',
  500: '服务器内部错误',
  503: '服务暂不可用',
};

/** 400: the request is malformed or a value is wrong; `errors` names each field. */
export const badRequest = (detail: string, errors?: FieldError[], code = 'bad_request') => new Problem(400, code, detail, errors);
/** 401: not logged in, or the session expired. */
export const unauthorized = (detail = '请先登录', code = 'unauthorized') => new Problem(401, code, detail);
/** 403: logged in but not allowed. */
export const forbidden = (detail = '您无权执行此操作', code = 'forbidden') => new Problem(403, code, detail);
/** 404: no such record in the caller's committee (other committees' records are reported the same way). */
export const notFound = (what = '记录', code = 'not_found') => new Problem(404, code, `${what}不存在或您无权查看`);
/** 409: the record changed meanwhile, or the action does not fit its state. */
export const conflict = (detail: string, code = 'conflict', extra?: Record<string, unknown>) =>
  new Problem(409, code, detail, undefined, extra);
/** 422: well-formed but breaks a business rule. */
export const unprocessable = (detail: string, errors?: FieldError[], code = 'unprocessable') =>
  new Problem(422, code, detail, errors);
