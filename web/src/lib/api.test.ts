import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  api,
  apiPath,
  errorMessage,
  formFieldErrors,
  newIdempotencyKey,
  onUnauthorized,
  sessionLost,
  setApiLocale,
  shouldRetry,
  toQueryString,
} from './api.ts';

type Call = { url: string; init: RequestInit };

/** Replaces fetch with one answering the given status and body, and records the calls. */
function stubFetch(status: number, body: unknown, contentType = 'application/json'): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const payload = status === 204 ? null : JSON.stringify(body);
    return new Response(payload, { status, headers: { 'content-type': contentType } });
  });
  return calls;
}

function headersOf(call: Call): Record<string, string> {
  return call.init.headers as Record<string, string>;
}

beforeEach(() => {
  vi.stubGlobal('document', { cookie: 'theme=x; csrf=token%2F123; other=y' });
  setApiLocale('zh-CN');
});
afterEach(() => {
  vi.unstubAllGlobals();
  onUnauthorized(null);
});

describe('requests', () => {
  it('GET sends the locale and credentials but no CSRF token, and leaves empty query values out', async () => {
    const calls = stubFetch(200, { ok: true });
    const answer = await api.get<{ ok: boolean }>('/members', { state: 'active', q: '', cursor: undefined, limit: 20 });
    expect(answer).toEqual({ ok: true });
    expect(calls[0].url).toBe('/api/v1/members?state=active&limit=20');
    expect(calls[0].init.method).toBe('GET');
    expect(calls[0].init.credentials).toBe('include');
    expect(headersOf(calls[0])['x-locale']).toBe('zh-CN');
    expect(headersOf(calls[0])['x-csrf-token']).toBeUndefined();
  });

  it('writes echo the csrf cookie and send JSON, If-Match and Idempotency-Key', async () => {
    const calls = stubFetch(200, { id: '1' });
    await api.patch('/members/1', { name: '王建国' }, { version: 3, idempotencyKey: 'key-1' });
    const headers = headersOf(calls[0]);
    expect(headers['x-csrf-token']).toBe('token/123');
    expect(headers['if-match']).toBe('"3"');
    expect(headers['idempotency-key']).toBe('key-1');
    expect(headers['content-type']).toBe('application/json');
    expect(calls[0].init.body).toBe(JSON.stringify({ name: '王建国' }));
  });

  it('asks for Traditional messages when 繁體 is on', async () => {
    const calls = stubFetch(200, {});
    setApiLocale('zh-TW');
    await api.get('/auth/me');
    expect(headersOf(calls[0])['x-locale']).toBe('zh-TW');
  });

  it('answers undefined for 204', async () => {
    stubFetch(204, null);
    expect(await api.delete('/auth/sessions/1')).toBeUndefined();
  });

  it('uploads multipart without a JSON content type', async () => {
    const calls = stubFetch(200, { imported: 2 });
    const form = new FormData();
    form.set('file', new Blob(['x']), 'a.xlsx');
    await api.upload('/members/import', form);
    expect(calls[0].init.body).toBe(form);
    expect(headersOf(calls[0])['content-type']).toBeUndefined();
  });
});

describe('failures', () => {
  it('turns problem+json into an ApiError with the Chinese detail and field errors', async () => {
    stubFetch(
      422,
      { status: 422, code: 'validation_failed', detail: '输入有误', errors: [{ field: 'name', message: '不能为空' }] },
      'application/problem+json',
    );
    const error = await api.post('/members', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).code).toBe('validation_failed');
    expect(errorMessage(error)).toBe('输入有误');
    expect(formFieldErrors(error)).toEqual([{ name: 'name', errors: ['不能为空'] }]);
  });

  it('describes a network failure in Chinese', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await api.get('/auth/me').catch((caught: unknown) => caught)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
    expect(error.detail).toContain('网络');
  });

  it('gives a Chinese message when the server sent no body', async () => {
    stubFetch(500, null, 'text/plain');
    const error = (await api.get('/x').catch((caught: unknown) => caught)) as ApiError;
    expect(error.detail).toBe('服务器暂时出现问题，请稍后重试');
  });

  it('reports a lost session on 401 outside the login routes, with its code', async () => {
    const lost: string[] = [];
    onUnauthorized((error) => lost.push(error.code));
    stubFetch(401, { status: 401, code: 'session_idle', detail: '长时间未操作，已自动退出，请重新登录' });
    await api.get('/members').catch(() => undefined);
    expect(lost).toEqual(['session_idle']);
  });

  it('does not report the login form’s own 401 (wrong password) as a lost session', async () => {
    const lost: string[] = [];
    onUnauthorized((error) => lost.push(error.code));
    stubFetch(401, { status: 401, code: 'invalid_credentials', detail: '用户名或密码错误' });
    await api.post('/auth/login', { username: 'a', password: 'b' }).catch(() => undefined);
    await api.get('/auth/me').catch(() => undefined);
    expect(lost).toEqual([]);
  });
});

describe('helpers', () => {
  it.each([
    [401, 'session_idle', '/api/v1/members', true],
    [401, 'invalid_credentials', '/api/v1/auth/login', false],
    [401, 'session_second_factor_pending', '/api/v1/auth/login/second-factor', false],
    [403, 'password_change_required', '/api/v1/members', true],
    [403, 'forbidden', '/api/v1/members', false],
    [409, 'version_conflict', '/api/v1/members/1', false],
  ])('sessionLost(%i %s on %s) = %s', (status, code, url, expected) => {
    expect(sessionLost(new ApiError(status, { code }), url)).toBe(expected);
  });

  it('retries network trouble and 5xx, never 4xx, at most twice', () => {
    expect(shouldRetry(0, new ApiError(0, {}))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, {}))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, {}))).toBe(false);
    expect(shouldRetry(0, new ApiError(404, {}))).toBe(false);
  });

  it('builds paths and query strings', () => {
    expect(apiPath('members')).toBe('/api/v1/members');
    expect(apiPath('/api/health')).toBe('/api/health');
    expect(toQueryString({})).toBe('');
    expect(toQueryString({ q: '王 建国', on: true })).toBe('?q=%E7%8E%8B+%E5%BB%BA%E5%9B%BD&on=true');
  });

  it('makes a fresh idempotency key each time', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
