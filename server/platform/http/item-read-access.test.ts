/**
 * Read access on every route that loads an item: every registered route with an id in its path (enumerated from
 * the app itself, so a new route is walked without anyone listing it), called by every role — each role alone and
 * all business roles together — on a member's private draft (with an attachment) and on another committee's
 * proposal, with the bodies its schema accepts. None may answer 2xx for a user who cannot open the item, and the
 * items must be unchanged afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, roles } from '../../../contracts/roles.ts';
import { dictionaryEntries } from '../../modules/orgs/orgs.tables.ts';
import { members, units } from '../../modules/people/people.tables.ts';
import { call, createProposalCommittee, draftBody, TODAY } from '../../modules/proposals/proposals.test-support.ts';
import { createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minItems?: number;
  minLength?: number;
  minimum?: number;
};
type Operation = { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };
type Route = { method: string; path: string };

/** Every route the app registered, from its route tree (children's labels continue their parent's path). */
function registeredRoutes(tree: string): Route[] {
  const routes: Route[] = [];
  const prefixes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.replace(/\u00a0/g, ' '));
    if (!match) continue;
    const depth = match[1].length / 4;
    const path = (prefixes[depth - 1] ?? '') + match[2];
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ').filter((name) => name !== '' && name !== 'HEAD')) {
      routes.push({ method, path });
    }
  }
  return routes;
}

/** A value the schema accepts, with ids set to the target item (so a body that names an item names this one). */
function sample(schema: JsonSchema | undefined, id: string): unknown {
  if (!schema) return {};
  const option = schema.anyOf ?? schema.oneOf;
  if (option) return sample(option.find((entry) => entry.type !== 'null') ?? option[0], id);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((name) => name !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return id;
      if (schema.format === 'date') return '2026-02-01';
      if (schema.format === 'date-time') return '2026-02-01T02:00:00.000Z';
      return '测试内容'.padEnd(Math.max(4, schema.minLength ?? 0), '测');
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.minItems ? [sample(schema.items, id)] : [];
    case 'object': {
      const body: Record<string, unknown> = {};
      for (const name of schema.required ?? []) body[name] = sample(schema.properties?.[name], id);
      return body;
    }
    default:
      return {};
  }
}

/** The bodies to send: none, the required fields, every field, and each value of every top-level choice. */
function bodiesFor(schema: JsonSchema | undefined, id: string): (string | undefined)[] {
  if (!schema) return [undefined, '{}'];
  const required = sample(schema, id) as Record<string, unknown>;
  const full = { ...required };
  for (const [name, property] of Object.entries(schema.properties ?? {})) full[name] ??= sample(property, id);
  const bodies = [{}, required, full];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const choices = property.enum ?? (property.anyOf ?? []).flatMap((entry) => entry.enum ?? []);
    for (const value of choices.slice(1, 6)) bodies.push({ ...full, [name]: value });
  }
  return [...new Set(bodies.map((body) => JSON.stringify(body)))];
}

/** A multipart/form-data body with one PDF, for app.inject. */
async function pdfUpload() {
  const form = new FormData();
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
  form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), '草稿附件.pdf');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

describe('read access on every route that loads an item', () => {
  let test: TestApp;
  let dataDir: string;
  let city: Awaited<ReturnType<typeof createProposalCommittee>>;
  const targets: { name: string; id: string; attachmentId: string | null; marker: string }[] = [];
  const profiles: { name: string; memberId: string | null; headers: Record<string, string> }[] = [];

  /** The target items' rows, to prove no route changed them. */
  const snapshot = async () =>
    (
      await test.dependencies.database.pool.query<{ row: string }>(
        'select row_to_json(p)::text as row from proposals p where id = any($1) order by id',
        [targets.map((target) => target.id)],
      )
    ).rows.map((row) => row.row);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cppcc-item-access-'));
    test = await createTestApp({ dataDir });
    test.setNow(TODAY);
    const deps = test.dependencies;
    city = await createProposalCommittee(deps);

    const marker = '私密草稿甲乙丙';
    const draft = await call(test, 'POST', '/proposals', city.as('lead'), draftBody(`关于${marker}的建议`));
    expect(draft.statusCode).toBe(201);
    const upload = await pdfUpload();
    const attached = await test.app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${draft.json().id}/attachments`,
      headers: { ...city.as('lead'), 'content-type': upload.contentType },
      payload: upload.payload,
    });
    expect(attached.statusCode).toBe(201);
    targets.push({ name: 'member draft', id: draft.json().id, attachmentId: attached.json().id, marker });

    const other = await createProposalCommittee(deps);
    const otherMarker = '外会提案丁戊己';
    const foreign = await call(test, 'POST', '/proposals', other.as('lead'), draftBody(`关于${otherMarker}的建议`));
    const submitted = await call(
      test,
      'POST',
      `/proposals/${foreign.json().id}/actions/submit`,
      other.as('lead', { 'if-match': '"1"' }),
    );
    expect(submitted.statusCode).toBe(200);
    targets.push({ name: 'other committee', id: foreign.json().id, attachmentId: null, marker: otherMarker });

    // One user per role, each with the links the role needs, and one holding every business role.
    const [unit] = await deps.database.orm
      .insert(units)
      .values({ orgId: city.orgId, code: 'U01', name: '市住建局' })
      .returning({ id: units.id });
    await deps.database.orm.insert(dictionaryEntries).values({ orgId: city.orgId, kind: 'sector', code: 'S9', name: '测试界' });
    const businessRoles = roles.filter((role) => !['system_admin', 'security_admin', 'auditor'].includes(role));
    const sets: [string, Role[]][] = [
      ...roles.map((role) => [role, [role]] as [string, Role[]]),
      ['all business roles', businessRoles],
    ];
    for (const [name, held] of sets) {
      const [member] = held.includes('member')
        ? await deps.database.orm
            .insert(members)
            .values({ orgId: city.orgId, name: `${name}委员` })
            .returning({ id: members.id })
        : [null];
      const unitId = held.some((role) => role === 'unit_handler' || role === 'unit_leader') ? unit.id : null;
      const user = await createUser(deps, { orgId: city.orgId, roles: held, memberId: member?.id ?? null, unitId });
      profiles.push({ name, memberId: member?.id ?? null, headers: await signIn(deps, user) });
    }
  });
  afterAll(async () => {
    await test.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers no role 2xx on an item it cannot open, on any route with an item id', async () => {
    const document = (await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const routes = registeredRoutes(test.app.printRoutes({ commonPrefix: false })).filter(
      (route) => route.path.startsWith('/api/v1/') && /:[A-Za-z]*[iI]d\b/.test(route.path),
    );
    expect(routes.length).toBeGreaterThan(60);
    expect(routes).toContainEqual({ method: 'GET', path: '/api/v1/proposals/:id/publication-preview' });
    expect(routes).toContainEqual({ method: 'GET', path: '/api/v1/micro-suggestions/:id/publication-preview' });
    expect(routes).toContainEqual({ method: 'GET', path: '/api/v1/micro-suggestions/:id/history' });
    const before = await snapshot();
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const template = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = document.paths[template]?.[route.method.toLowerCase()];
      const schema = operation?.requestBody?.content?.['application/json']?.schema;
      for (const target of targets) {
        // The item's current version, so a route that would change it is not stopped by If-Match alone.
        const { rows } = await test.dependencies.database.pool.query('select version from proposals where id = $1', [target.id]);
        const version = `"${rows[0].version}"`;
        for (const profile of profiles) {
          const url = route.path.replace(/:([A-Za-z]+)/g, (_all, name: string) => {
            if (name === 'action') return 'accept';
            if (name === 'memberId') return profile.memberId ?? target.id;
            if (name === 'attachmentId') return target.attachmentId ?? target.id;
            return target.id;
          });
          const bodies = route.method === 'GET' || route.method === 'DELETE' ? [undefined] : bodiesFor(schema, target.id);
          for (const payload of bodies) {
            const response = await test.app.inject({
              method: route.method as 'GET',
              url,
              headers: {
                ...profile.headers,
                'if-match': version,
                ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
              },
              payload,
            });
            sent += 1;
            if (response.statusCode >= 200 && response.statusCode < 300) {
              const shows = response.body.includes(target.marker) ? ' and shows its text' : '';
              failures.push(
                `${route.method} ${route.path} on the ${target.name} as ${profile.name} → ${response.statusCode}${shows}`,
              );
            }
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(2000);
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('treats an item named in a body like an unknown one when the user cannot open it', async () => {
    const office = profiles.find((profile) => profile.name === 'proposal_office')?.headers ?? {};
    const unknown = '01900000-0000-7000-8000-000000000000';
    for (const target of targets) {
      const bulk = await call(test, 'POST', '/publication/bulk', office, {
        items: [
          { id: target.id, version: 1 },
          { id: unknown, version: 1 },
        ],
      });
      expect(bulk.statusCode).toBe(200);
      const [item, missing] = bulk.json().items;
      expect({ ok: item.ok, code: item.code, detail: item.detail }).toEqual({
        ok: missing.ok,
        code: missing.code,
        detail: missing.detail,
      });
      const recommended = await call(test, 'POST', '/key-proposals', office, {
        proposalId: target.id,
        recommenderKind: 'staff',
        reason: '推荐理由',
      });
      expect(recommended.statusCode, target.name).toBe(404);
    }
  });

  it('still lets the draft’s own proposer open it on the routes that read it', async () => {
    const [draft] = targets;
    for (const path of ['', '/history', '/attachments', `/attachments/${draft.attachmentId}`]) {
      const response = await call(test, 'GET', `/proposals/${draft.id}${path}`, city.as('lead'));
      expect(response.statusCode, path).toBe(200);
    }
  });
});
