import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { AppDependencies } from '../../platform/module.ts';
import { createUser, signIn } from '../../test/fixtures.ts';
import type { TestApp } from '../../test/test-app.ts';
import { organizations } from '../orgs/orgs.tables.ts';
import { createAssignmentCommittee } from '../proposals/assignment.test-support.ts';
import { afterPng, beforePng } from './micro-suggestions.demo-photos.ts';

/** The test clock: 2026-03-02 10:00 in Shanghai (a Monday). */
export const MICRO_TODAY = new Date('2026-03-02T02:00:00Z');

/**
 * A committee for micro-suggestion work: the assignment committee (members lead, co1, co2, outsider; the office;
 * units reform, housing, transport, education with handlers; reformLeader; supervisor; the 2025–2026 calendar) plus
 * a `reviewer` (信息室, named a reviewer role in the settings) and a `leader`. Extra settings merge into
 * `microSuggestions`.
 */
export async function createMicroCommittee(deps: AppDependencies, micro: Record<string, unknown> = {}) {
  const committee = await createAssignmentCommittee(deps);
  await deps.database.orm
    .update(organizations)
    .set({
      settings: sql`${organizations.settings} || ${JSON.stringify({
        microSuggestions: { reviewerRoles: ['information_office'], ...micro },
      })}::jsonb`,
    })
    .where(eq(organizations.id, committee.orgId));
  const extra: Record<string, Record<string, string>> = {};
  const accounts: Record<string, Awaited<ReturnType<typeof createUser>>> = {};
  for (const [key, role] of [
    ['reviewer', 'information_office'],
    ['leader', 'leader'],
  ] as const) {
    accounts[key] = await createUser(deps, { orgId: committee.orgId, roles: [role], displayName: key });
    extra[key] = await signIn(deps, accounts[key]);
  }
  return {
    ...committee,
    as: (who: string, more: Record<string, string> = {}) => (extra[who] ? { ...extra[who], ...more } : committee.as(who, more)),
    /** Signs everyone in again at the test clock's time (after moving the clock past the idle timeout). */
    signInAgain: async () => {
      await committee.signInAgain();
      for (const [key, account] of Object.entries(accounts)) extra[key] = await signIn(deps, account);
    },
  };
}
export type MicroCommittee = Awaited<ReturnType<typeof createMicroCommittee>>;

/** Sends a request to /api/v1. */
export function send(
  test: TestApp,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) {
  return test.app.inject({ method, url: `/api/v1${url}`, headers, payload });
}

/** A complete micro-suggestion body (within 500 characters). */
export function microBody(extra: Record<string, unknown> = {}) {
  return {
    title: '幸福路路灯损坏',
    place: '城关街道幸福社区',
    problem: '幸福路北段三盏路灯损坏一个多月，夜间行人出行不便。',
    suggestion: '请尽快维修路灯，并建立定期巡查机制。',
    ...extra,
  };
}

/** A multipart/form-data body with one file in field `file`. */
export async function photoForm(content: Buffer, name = 'photo.png', field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(content)], { type: 'application/octet-stream' }), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

/** Uploads a photo to a micro-suggestion. */
export async function uploadPhoto(
  test: TestApp,
  headers: Record<string, string>,
  id: string,
  content = beforePng(),
  name = 'p.png',
) {
  const body = await photoForm(content, name);
  return test.app.inject({
    method: 'POST',
    url: `/api/v1/micro-suggestions/${id}/photos`,
    headers: { ...headers, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** Creates and submits a micro-suggestion as `who`; returns the submitted view. */
export async function submitted(test: TestApp, committee: MicroCommittee, who = 'lead', extra: Record<string, unknown> = {}) {
  const created = await send(test, 'POST', '/micro-suggestions', committee.as(who), microBody(extra));
  expect(created.statusCode).toBe(201);
  const item = created.json();
  const done = await send(
    test,
    'POST',
    `/micro-suggestions/${item.id}/actions/submit`,
    committee.as(who, { 'if-match': `"${item.version}"` }),
  );
  expect(done.statusCode).toBe(200);
  return done.json();
}

/** Takes an action on a micro-suggestion at its current version; returns the response. */
export async function act(test: TestApp, committee: MicroCommittee, who: string, id: string, action: string, body?: object) {
  const current = await send(test, 'GET', `/micro-suggestions/${id}`, committee.as('proposal_office'));
  const version = current.statusCode === 200 ? current.json().version : 1;
  return send(
    test,
    'POST',
    `/micro-suggestions/${id}/actions/${action}`,
    committee.as(who, { 'if-match': `"${version}"` }),
    body,
  );
}

export { afterPng, beforePng };

/** The in-app notices about a subject, with the usernames of their recipients. */
export async function noticesAbout(test: TestApp, orgId: string, subjectId: string) {
  const result = await test.dependencies.database.pool.query<{ title: string; body: string; user_id: string }>(
    'select title, body, user_id from notifications where org_id = $1 and subject_id = $2 order by created_at, id',
    [orgId, subjectId],
  );
  return result.rows;
}

/** The user id of a member's account. */
export async function userOfMember(test: TestApp, orgId: string, memberId: string): Promise<string> {
  const result = await test.dependencies.database.pool.query<{ id: string }>(
    'select id from users where org_id = $1 and member_id = $2',
    [orgId, memberId],
  );
  return result.rows[0].id;
}

/** A unit's assignment of the item, from its inbox (GET /assignments). */
export async function assignmentOf(test: TestApp, committee: MicroCommittee, itemId: string, unit = 'reform') {
  const inbox = await send(test, 'GET', '/assignments?limit=200', committee.as(unit));
  expect(inbox.statusCode).toBe(200);
  const row = inbox.json().items.find((entry: { itemId?: string }) => entry.itemId === itemId);
  expect(row).toBeTruthy();
  return row;
}

/** The unit signs for its assignment of the item (when still pending); returns the assignment. */
export async function signFor(test: TestApp, committee: MicroCommittee, itemId: string, unit = 'reform') {
  const assignment = await assignmentOf(test, committee, itemId, unit);
  if (assignment.state !== 'pending') return assignment;
  const signed = await send(
    test,
    'POST',
    `/assignments/${assignment.id}/actions/sign_for`,
    committee.as(unit, { 'if-match': `"${assignment.version}"` }),
  );
  expect(signed.statusCode).toBe(200);
  return signed.json();
}

/** The unit signs for it, drafts a reply (with an after-photo unless told not to) and sends it; returns the reply id. */
export async function unitReplies(
  test: TestApp,
  committee: MicroCommittee,
  itemId: string,
  text: string,
  options: { unit?: string; photo?: boolean } = {},
) {
  const unit = options.unit ?? 'reform';
  const assignment = await signFor(test, committee, itemId, unit);
  const drafted = await send(test, 'POST', `/assignments/${assignment.id}/replies`, committee.as(unit), {
    text,
    contactPerson: '李科长',
    contactPhone: '0571-88886666',
  });
  expect(drafted.statusCode).toBe(201);
  const replyId = drafted.json().id;
  if (options.photo !== false) {
    const body = await photoForm(afterPng(), '修好后.png');
    const uploaded = await test.app.inject({
      method: 'POST',
      url: `/api/v1/replies/${replyId}/attachments`,
      headers: { ...committee.as(unit), 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(uploaded.statusCode).toBe(201);
  }
  const current = await send(test, 'GET', `/assignments/${assignment.id}/handling`, committee.as(unit));
  const draft = current.json().replies.find((entry: { id: string }) => entry.id === replyId);
  const actions = draft.actions.map((action: { action: string }) => action.action);
  expect(actions).toContain('send');
  expect(actions).not.toContain('submit');
  const sent = await send(
    test,
    'POST',
    `/replies/${replyId}/actions/send`,
    committee.as(unit, { 'if-match': `"${draft.version}"` }),
  );
  expect(sent.statusCode).toBe(200);
  return replyId;
}

/** Writes, submits, accepts and transfers a micro-suggestion to a unit; returns the view. */
export async function transferredTo(
  test: TestApp,
  committee: MicroCommittee,
  unitId: string,
  extra: Record<string, unknown> = {},
  who = 'lead',
) {
  const item = await submitted(test, committee, who, extra);
  expect((await act(test, committee, 'proposal_office', item.id, 'accept', {})).statusCode).toBe(200);
  const done = await act(test, committee, 'proposal_office', item.id, 'transfer', { unitId });
  expect(done.statusCode).toBe(200);
  return done.json();
}
