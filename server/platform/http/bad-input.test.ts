/**
 * Fuzz-style check of every route in the OpenAPI document: wrong types, oversize values, malformed JSON, bad ids.
 * Each must answer 4xx application/problem+json with a Chinese detail — never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import { createOrganization, createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
};
type Operation = {
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Case = { description: string; url: string; payload?: string; contentType?: string };

const HUGE = 'x'.repeat(200_000);
const NONEXISTENT_ID = '01900000-0000-7000-8000-000000000000';

/** A value of the wrong type for a schema. */
function wrongValue(schema: JsonSchema | undefined): unknown {
  const type = Array.isArray(schema?.type) ? schema?.type[0] : schema?.type;
  switch (type) {
    case 'string':
      return 12345;
    case 'number':
    case 'integer':
      return '不是数字';
    case 'boolean':
      return 'yes';
    case 'array':
      return { not: 'an array' };
    case 'object':
      return ['not', 'an', 'object'];
    default:
      return { unexpected: true };
  }
}

/** Every path a route template can be filled with: a valid but unknown id, a malformed one, an oversize one. */
function fillPath(template: string, operation: Operation): string[] {
  const names = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
  if (names.length === 0) return [template];
  const fill = (value: string) => names.reduce((path, name) => path.replace(`{${name}}`, encodeURIComponent(value)), template);
  return [fill(NONEXISTENT_ID), fill('not-an-id'), fill('9'.repeat(3000))];
}

/** The bad requests to send to one operation. */
function casesFor(path: string, method: string, operation: Operation): Case[] {
  const cases: Case[] = [];
  const urls = fillPath(path, operation);
  for (const url of urls.slice(1)) cases.push({ description: 'bad path parameter', url });
  const url = urls[0];
  for (const parameter of (operation.parameters ?? []).filter((item) => item.in === 'query')) {
    cases.push({
      description: `query ${parameter.name} wrong`,
      url: `${url}?${parameter.name}=${encodeURIComponent(String(wrongValue(parameter.schema)))}`,
    });
    cases.push({ description: `query ${parameter.name} oversize`, url: `${url}?${parameter.name}=${'9'.repeat(5000)}` });
  }
  if (method === 'get' || method === 'delete') return cases;
  const jsonSchema = operation.requestBody?.content?.['application/json']?.schema;
  cases.push({ description: 'malformed JSON', url, payload: '{"unterminated": ', contentType: 'application/json' });
  cases.push({ description: 'top-level array', url, payload: '[1,2,3]', contentType: 'application/json' });
  cases.push({
    description: 'oversize body',
    url,
    payload: JSON.stringify({ value: HUGE.repeat(6) }),
    contentType: 'application/json',
  });
  cases.push({ description: 'wrong content type', url, payload: 'plain text', contentType: 'text/plain' });
  for (const [name, property] of Object.entries(jsonSchema?.properties ?? {})) {
    cases.push({
      description: `body ${name} wrong type`,
      url,
      payload: JSON.stringify({ [name]: wrongValue(property) }),
      contentType: 'application/json',
    });
    cases.push({
      description: `body ${name} oversize`,
      url,
      payload: JSON.stringify({ [name]: HUGE }),
      contentType: 'application/json',
    });
  }
  return cases;
}

describe('bad input on every route', () => {
  let test: TestApp;
  const sessions: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    test = await createTestApp();
    const organization = await createOrganization(test.dependencies);
    const profiles: Record<string, Role[]> = {
      business: [
        'system_admin',
        'proposal_office',
        'member',
        'unit_handler',
        'unit_leader',
        'supervisor',
        'information_office',
        'leader',
        'station_staff',
      ],
      security: ['security_admin'],
      auditor: ['auditor'],
    };
    for (const [name, roles] of Object.entries(profiles)) {
      const user = await createUser(test.dependencies, { orgId: organization.id, roles });
      sessions[name] = await signIn(test.dependencies, user);
    }
  });
  afterAll(async () => test.close());

  it('answers 4xx problem+json, never 5xx, for every route and bad input', async () => {
    const document = (await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const failures: string[] = [];
    let sent = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        for (const testCase of casesFor(path, method, operation)) {
          for (const [profile, headers] of Object.entries(sessions)) {
            const response = await test.app.inject({
              method: method.toUpperCase() as 'GET',
              url: testCase.url,
              headers: { ...headers, ...(testCase.contentType ? { 'content-type': testCase.contentType } : {}) },
              payload: testCase.payload,
            });
            sent += 1;
            const label = `${method.toUpperCase()} ${path} (${testCase.description}, ${profile}) → ${response.statusCode}`;
            if (response.statusCode >= 500) failures.push(`${label}: ${response.body.slice(0, 200)}`);
            else if (response.statusCode >= 400) {
              if (!String(response.headers['content-type']).startsWith('application/problem+json'))
                failures.push(`${label}: not problem+json`);
              else if (!/[\u4e00-\u9fff]/.test(response.json().detail ?? '')) failures.push(`${label}: detail not in Chinese`);
            }
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(0);
    expect(failures).toEqual([]);
    // Every route times every id and profile: it grows with the API, so it gets more than the default minute.
  }, 300_000);
});
