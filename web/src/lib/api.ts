/**
 * The typed API client of the web app: every screen talks to the server through these functions. It sends the
 * session cookie, echoes the `csrf` cookie on writes, asks for Traditional messages when 繁體 is on, turns
 * problem+json answers into ApiError, and reports a lost session so the shell can go back to the login screen.
 */
import { QueryClient } from '@tanstack/react-query';

/** A field error of a problem+json answer (import errors add the row and column). */
export type FieldError = { field: string; message: string; row?: number; column?: string };

/** The body of a problem+json answer. */
export type ProblemBody = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  requestId?: string;
  [key: string]: unknown;
};

/** A failed request: the HTTP status, the server's code and Chinese message, and its field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly body: ProblemBody;

  constructor(status: number, body: ProblemBody) {
    const detail = typeof body.detail === 'string' && body.detail ? body.detail : defaultMessage(status);
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof body.code === 'string' ? body.code : status === 0 ? 'network_error' : 'http_error';
    this.detail = detail;
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.body = body;
  }
}

/** The message of a failure the server did not describe. */
function defaultMessage(status: number): string {
  if (status === 0) return '网络连接失败，请检查网络后重试';
  if (status === 401) return '请先登录';
  if (status === 403) return '没有权限执行此操作';
  if (status === 404) return '要找的内容不存在或已被删除';
  if (status === 409) return '内容已被他人修改，请刷新后重试';
  if (status === 413) return '上传的文件太大';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return '服务器暂时出现问题，请稍后重试';
  return `请求失败（${status}）`;
}

/** The message to show for any error a request threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后重试';
}

/** The field errors of an error in the shape antd's form.setFields takes (unknown fields are left out by the caller). */
export function formFieldErrors(error: unknown): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  for (const item of error.errors) {
    if (!item.field) continue;
    byField.set(item.field, [...(byField.get(item.field) ?? []), item.message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

/** Query values; undefined, null and '' are left out. */
export type QueryValues = Record<string, string | number | boolean | null | undefined>;

/** Options of one request. */
export type RequestOptions = {
  query?: QueryValues;
  /** A JSON body. */
  body?: unknown;
  /** A multipart body (file uploads); takes the place of `body`. */
  formData?: FormData;
  /** The record's version, sent as If-Match so a concurrent change answers 409. */
  version?: number;
  /** Idempotency-Key of a submission: pass newIdempotencyKey() once per submit and reuse it on retry. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes whose 401 is an answer to show, not a lost session. */
const LOGIN_PATHS = ['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/me'];

/** 403 codes of a session that must finish a login step first. */
const PENDING_STEP_CODES = new Set(['password_change_required', 'totp_enrollment_required']);

let currentLocale: 'zh-CN' | 'zh-TW' = 'zh-CN';
let lastActivityAt = Date.now();
type UnauthorizedHandler = (error: ApiError) => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;

/** Sets the locale the server answers messages in (the i18n provider calls it). */
export function setApiLocale(locale: 'zh-CN' | 'zh-TW'): void {
  currentLocale = locale;
}

/** Registers what happens when the session is gone (401 outside the login routes): the shell goes to login. */
export function onUnauthorized(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler;
}

/** When the last request reached the server (the server's idle clock restarts then). */
export function lastApiActivity(): number {
  return lastActivityAt;
}

/** A fresh Idempotency-Key for one submission. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}-${Math.random().toString(16).slice(2)}`;
}

/** The If-Match header value of a version. */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

/** The value of a cookie readable by scripts, or null. */
export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** The path under /api/v1 (accepts "/members", "members" and "/api/v1/members"). */
export function apiPath(path: string): string {
  if (path.startsWith('/api/')) return path;
  return `/api/v1${path.startsWith('/') ? '' : '/'}${path}`;
}

/** The query string of the values ("" when none). */
export function toQueryString(values: QueryValues | undefined): string {
  if (!values) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The headers of a request: locale, CSRF on writes, If-Match, Idempotency-Key. */
function requestHeaders(method: string, options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-locale': currentLocale };
  if (!SAFE_METHODS.has(method)) {
    const token = readCookie('csrf');
    if (token) headers['x-csrf-token'] = token;
  }
  if (options.version !== undefined) headers['if-match'] = ifMatch(options.version);
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.body !== undefined && !options.formData) headers['content-type'] = 'application/json';
  return { ...headers, ...options.headers };
}

/**
 * Whether a failure means the session can no longer be used here: a 401 outside the login routes, or a 403 that
 * asks for a pending login step (forced password change, authenticator enrolment).
 */
export function sessionLost(error: ApiError, url: string): boolean {
  if (error.status === 401) return !LOGIN_PATHS.some((login) => url.startsWith(login));
  return error.status === 403 && PENDING_STEP_CODES.has(error.code);
}

/** Sends a request and answers the raw response; throws ApiError on failure (and reports a lost session). */
export async function apiFetch(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const url = apiPath(path) + toQueryString(options.query);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: requestHeaders(method, options),
      body: options.formData ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
      credentials: 'include',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, {});
  }
  lastActivityAt = Date.now();
  if (response.ok) return response;
  let body: ProblemBody = {};
  try {
    const parsed: unknown = await response.json();
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as ProblemBody;
  } catch {
    // not JSON: the status decides the message
  }
  const error = new ApiError(response.status, body);
  if (sessionLost(error, url)) unauthorizedHandler?.(error);
  throw error;
}

/** Sends a request and answers its JSON body (undefined for 204). */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiFetch(method, path, options);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await response.json()) as T;
}

/** The verbs, typed by the caller: `api.get<Me>('/auth/me')`. */
export const api = {
  /** GET a JSON resource. */
  get: <T>(path: string, query?: QueryValues, options: Omit<RequestOptions, 'query'> = {}) =>
    apiRequest<T>('GET', path, { ...options, query }),
  /** POST a JSON body. */
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) =>
    apiRequest<T>('POST', path, { ...options, body: body ?? {} }),
  /** PUT a JSON body. */
  put: <T>(path: string, body?: unknown, options: RequestOptions = {}) => apiRequest<T>('PUT', path, { ...options, body }),
  /** PATCH a JSON body (pass `version` for If-Match). */
  patch: <T>(path: string, body?: unknown, options: RequestOptions = {}) => apiRequest<T>('PATCH', path, { ...options, body }),
  /** DELETE a resource. */
  delete: <T = void>(path: string, options: RequestOptions = {}) => apiRequest<T>('DELETE', path, options),
  /** POST a multipart form (file upload). */
  upload: <T>(path: string, formData: FormData, options: RequestOptions = {}) =>
    apiRequest<T>('POST', path, { ...options, formData }),
};

/** The file name of a Content-Disposition header (the UTF-8 form first), or null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      return null;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

/** Downloads a file (an Excel or Word export) and saves it under the server's name, or the fallback name. */
export async function downloadFile(path: string, query: QueryValues | undefined, fallbackName: string): Promise<void> {
  const response = await apiFetch('GET', path, { query, headers: { accept: '*/*' } });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Whether a failed query is worth retrying: network trouble and 5xx, not 4xx answers. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (error instanceof ApiError) return error.status === 0 || error.status >= 500;
  return false;
}

/** The TanStack Query client of the app. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
        // Background refetches would keep an idle session alive; refetch when the user comes back instead.
        refetchOnWindowFocus: true,
        refetchIntervalInBackground: false,
      },
      mutations: { retry: false },
    },
  });
}

/** The one query client of the running app. */
export const queryClient = createQueryClient();
