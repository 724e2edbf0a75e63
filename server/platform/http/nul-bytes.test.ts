/**
 * The NUL character (U+0000) in a path parameter, a query value or a JSON body string of every route in the OpenAPI
 * document, logged in and anonymous, and `%00` in any URL path: always a 400 problem+json in Chinese, refused before
 * the route runs. PostgreSQL refuses NUL in text, so a NUL that reached a query used to be a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import { createOrganization, createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { findNulCharacter } from './input-guard.ts';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};
type Operation = {
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Case = { description: string; url: string; payload?: string; anonymousMayBe401?: boolean };

const NUL_TEXT = 'a\u0000b';

/** A value for a schema that passes type checks, with NUL in every string: what a careless client would send. */
function valueWithNul(schema: JsonSchema | undefined): unknown {
  const type = Array.isArray(schema?.type) ? schema?.type[0] : (schema?.type ?? schema?.anyOf?.[0]?.type);
  switch (type) {
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [valueWithNul(schema?.items)];
    case 'object':
      return Object.fromEntries(Object.entries(schema?.properties ?? {}).map(([key, value]) => [key, valueWithNul(value)]));
    default:
      return NUL_TEXT;
  }
}

/** The NUL requests for one operation: every path parameter, each query parameter and all at once, the body. */
function casesFor(path: string, method: string, operation: Operation): Case[] {
  const parameters = operation.parameters ?? [];
  const pathNames = parameters.filter((item) => item.in === 'path').map((item) => item.name);
  const queryNames = parameters.filter((item) => item.in === 'query').map((item) => item.name);
  const fill = (value: string) => pathNames.reduce((url, name) => url.replace(`{${name}}`, value), path);
  const url = fill('01900000-0000-7000-8000-000000000000');
  const cases: Case[] = [];
  if (pathNames.length > 0) cases.push({ description: 'path parameters', url: fill('a%00b') });
  for (const name of queryNames) cases.push({ description: `query ${name}`, url: `${url}?${name}=a%00b` });
  if (queryNames.length > 1) {
    cases.push({ description: 'every query value', url: `${url}?${queryNames.map((name) => `${name}=a%00b`).join('&')}` });
  }
  const body = operation.requestBody?.content?.['application/json']?.schema;
  if (method !== 'get' && method !== 'delete' && body) {
    // An anonymous write to a route that needs a login is refused (401) before its body is read: also fine.
    const value = valueWithNul(body);
    // A body with no string field (or none at all) still gets one: the guard must refuse it before the schema runs.
    const payload = findNulCharacter(value) === null ? { ...(value as object), note: NUL_TEXT } : value;
    cases.push({ description: 'body strings', url, payload: JSON.stringify(payload), anonymousMayBe401: true });
  }
  return cases;
}

describe('NUL characters in any request', () => {
  let test: TestApp;
  let organizationCode: string;
  const sessions: Record<string, Record<string, string>> = { anonymous: {} };

  beforeAll(async () => {
    test = await createTestApp();
    const organization = await createOrganization(test.dependencies);
    organizationCode = organization.code;
    const roles: Role[] = ['proposal_office', 'member', 'unit_handler', 'supervisor', 'information_office', 'leader'];
    sessions.staff = await signIn(test.dependencies, await createUser(test.dependencies, { orgId: organization.id, roles }));
  });
  afterAll(async () => test.close());

  /** Sends one request; returns what is wrong with its answer, or null when it is the expected 400. */
  async function check(label: string, headers: Record<string, string>, testCase: Case): Promise<string | null> {
    const response = await test.app.inject({
      method: label.split(' ')[0] as 'GET',
      url: testCase.url,
      headers: { ...headers, ...(testCase.payload ? { 'content-type': 'application/json' } : {}) },
      payload: testCase.payload,
    });
    const status = response.statusCode;
    const line = `${label} (${testCase.description}) → ${status}`;
    if (testCase.anonymousMayBe401 && !headers.cookie && status === 401) return null;
    if (status !== 400) return `${line}: ${response.body.slice(0, 160)}`;
    if (!String(response.headers['content-type']).startsWith('application/problem+json')) return `${line}: not problem+json`;
    const problem = response.json();
    if (problem.code !== 'nul_character') return `${line}: code ${problem.code}`;
    if (!/[\u4e00-\u9fff]/.test(problem.detail)) return `${line}: detail not in Chinese`;
    return null;
  }

  it('answers 400 nul_character on every route, for a NUL in a path parameter, a query value or a body string', async () => {
    const document = (await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const failures: string[] = [];
    let sent = 0;
    // Logging out ends the staff session (it did, before the guard): walk it last.
    const paths = Object.entries(document.paths).sort(
      ([a], [b]) => Number(a.endsWith('/logout')) - Number(b.endsWith('/logout')),
    );
    for (const [path, operations] of paths) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        for (const testCase of casesFor(path, method, operation)) {
          for (const [profile, headers] of Object.entries(sessions)) {
            const failure = await check(`${method.toUpperCase()} ${path} ${profile}`, headers, testCase);
            sent += 1;
            if (failure) failures.push(failure);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  });

  it.each([
    ['the login name', 'POST', '/api/v1/auth/login', { username: NUL_TEXT, password: 'secret' }, 'username'],
    ['a nested body string', 'POST', '/api/v1/auth/login', { username: 'a', extra: [{ note: NUL_TEXT }] }, 'extra.0.note'],
    ['a body key', 'POST', '/api/v1/auth/login', { username: 'a', [NUL_TEXT]: 1 }, 'a\\0b'],
  ])('refuses %s without login, naming the field', async (_name, method, url, payload, field) => {
    const response = await test.app.inject({ method: method as 'POST', url, payload });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'nul_character', errors: [{ field }] });
    expect(response.json().detail).toContain('请求体');
  });

  it.each([
    ['the portal committee (org=)', () => '/api/v1/portal/sessions?org=a%00b', '查询参数 org'],
    ['a portal search (q=)', () => `/api/v1/portal/search?org=${organizationCode}&q=%E6%8F%90%00`, '查询参数 q'],
    ['a portal proposal id', () => `/api/v1/portal/proposals/a%00b?org=${organizationCode}`, '路径参数 id'],
    ['%00 in a path with no route', () => '/api/v1/%00', '请求地址'],
    ['%00 in the path of the web app', () => '/portal/%00/index.html', '请求地址'],
    ['%00 right after a route path', () => '/api/v1/proposals%00', '请求地址'],
  ])('refuses %s without login', async (_name, url, detail) => {
    const response = await test.app.inject({ method: 'GET', url: url() });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe('nul_character');
    expect(response.json().detail).toContain(detail);
  });

  it('refuses a staff search for a NUL (q=) while logged in', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/search?q=%00', headers: sessions.staff });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().detail).toBe('查询参数 q 不能含有空字符（U+0000）');
  });

  it('finds a NUL anywhere in a value, and nothing in clean values', () => {
    expect(findNulCharacter({ title: '提案', items: [{ a: 1 }, { b: ['x', NUL_TEXT] }] })).toBe('items.1.b.1');
    expect(findNulCharacter(NUL_TEXT)).toBe('(整体)');
    expect(findNulCharacter({ title: '提案\u0001', count: 0, flag: null, list: [] })).toBeNull();
    expect(findNulCharacter(Buffer.from([0, 0]))).toBeNull();
  });
});
