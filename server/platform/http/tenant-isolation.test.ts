/**
 * Tenant isolation across every route in the OpenAPI document: a user of committee B, whatever their roles, can
 * neither read nor change a record of committee A. B's users call every route with A's record ids; none may
 * succeed, no list may show A's ids, and A's rows must be byte-for-byte unchanged afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import { seedDemoIfEmpty } from '../../modules/demo-seed.ts';
import { createOrganization, createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type Operation = { parameters?: { name: string; in: string }[] };

/** Tables whose rows belong to a committee and carry an `id`. */
const TENANT_TABLES = [
  'members',
  'units',
  'users',
  'dictionary_entries',
  'terms',
  'sessions',
  'events',
  'proposals',
  'proposal_co_signers',
  'proposal_supplements',
  'item_assignments',
  'assignment_batches',
  'notifications',
  'search_documents',
  'routing_history',
  'stations',
  'station_visits',
  'station_duty_days',
  'micro_suggestions',
  'micro_suggestion_photos',
  'login_sessions',
];

describe('tenant isolation on every route', () => {
  let test: TestApp;
  let demoOrgId: string;
  const demoIds: string[] = [];
  const outsiders: Record<string, Record<string, string>> = {};

  /** All of committee A's rows as JSON text, to prove nothing changed. */
  async function snapshotOfA(): Promise<string[]> {
    const rows: string[] = [];
    for (const table of TENANT_TABLES) {
      const result = await test.dependencies.database.pool.query<{ row: string }>(
        `select row_to_json(t)::text as row from ${table} t where org_id = $1 order by id`,
        [demoOrgId],
      );
      rows.push(...result.rows.map((row) => `${table}:${row.row}`));
    }
    return rows.filter((row) => !row.startsWith('login_sessions:'));
  }

  beforeAll(async () => {
    test = await createTestApp({ seedDemo: true });
    await seedDemoIfEmpty(test.dependencies);
    const organizations = await test.dependencies.database.pool.query<{ id: string }>(
      "select id from organizations where code = 'demo-city'",
    );
    demoOrgId = organizations.rows[0].id;
    for (const table of TENANT_TABLES.filter((name) => name !== 'login_sessions')) {
      const result = await test.dependencies.database.pool.query<{ id: string }>(
        `select id from ${table} where org_id = $1 limit 2`,
        [demoOrgId],
      );
      demoIds.push(...result.rows.map((row) => row.id));
    }
    const other = await createOrganization(test.dependencies, { name: '另一个政协' });
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
      const user = await createUser(test.dependencies, { orgId: other.id, roles });
      outsiders[name] = await signIn(test.dependencies, user);
    }
  });
  afterAll(async () => test.close());

  it('refuses every route on another committee’s records and leaks none of them', async () => {
    expect(demoIds.length).toBeGreaterThan(6);
    const before = await snapshotOfA();
    const document = (await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const failures: string[] = [];
    let withId = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const pathParameters = (operation.parameters ?? [])
          .filter((parameter) => parameter.in === 'path')
          .map((parameter) => parameter.name);
        const urls =
          pathParameters.length === 0
            ? [path]
            : demoIds.map((id) =>
                pathParameters.reduce((url, name) => url.replace(`{${name}}`, name === 'action' ? 'disable' : id), path),
              );
        for (const url of urls) {
          for (const [profile, headers] of Object.entries(outsiders)) {
            const response = await test.app.inject({
              method: method.toUpperCase() as 'GET',
              url,
              headers: { ...headers, 'if-match': '"1"', 'content-type': 'application/json' },
              payload: method === 'get' || method === 'delete' ? undefined : '{}',
            });
            const label = `${method.toUpperCase()} ${url} as ${profile} → ${response.statusCode}`;
            if (pathParameters.length > 0) {
              withId += 1;
              if (response.statusCode < 400) failures.push(`${label}: succeeded on another committee's record`);
            }
            if (response.statusCode >= 500) failures.push(`${label}: server error`);
            const leaked = demoIds.filter((id) => response.body.includes(id));
            if (leaked.length > 0 && response.statusCode < 400) failures.push(`${label}: shows ${leaked.length} of A's ids`);
          }
        }
      }
    }
    expect(withId).toBeGreaterThan(0);
    expect(failures).toEqual([]);
    expect(await snapshotOfA()).toEqual(before);
    // Every route times every id and profile: it grows with the API, so it gets more than the default minute.
  }, 300_000);
});
