import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type KeyProposalAction,
  type KeyProposalState,
  keyProposalActions,
  keyProposalStates,
} from '../../../contracts/key-proposals.ts';
import { type Role, roles } from '../../../contracts/roles.ts';
import type { Problem } from '../../platform/http/problem.ts';
import { guardTransition } from '../../platform/workflow/workflow.ts';
import { createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type Json, requestAs, startHandling } from '../handling/handling.test-support.ts';
import {
  type AssignmentCommittee,
  createAssignmentCommittee,
  insertFiledProposal,
} from '../proposals/assignment.test-support.ts';
import { keyProposalWorkflow } from './key-proposals.workflow.ts';

const DAY = new Date('2026-07-01T02:00:00Z');
/** The smallest PNG: its signature and an IHDR chunk are enough for type detection. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('key proposal workflow: every (state, action, role)', () => {
  const table: Record<string, KeyProposalState> = {
    'recommended shortlist': 'shortlisted',
    'recommended approve': 'approved',
    'shortlisted approve': 'approved',
    'recommended decline': 'declined',
    'shortlisted decline': 'declined',
  };
  const cases = keyProposalStates.flatMap((state) =>
    keyProposalActions.flatMap((action) =>
      roles.map((role) => [state, action, role] as [KeyProposalState, KeyProposalAction, Role]),
    ),
  );
  it.each(cases)('%s + %s by %s', (state, action, role) => {
    const target = table[`${state} ${action}`];
    const want = !target ? 409 : role === 'proposal_office' ? target : 403;
    let got: string | number;
    try {
      got = guardTransition(keyProposalWorkflow, state, action, [role]).to;
    } catch (error) {
      got = (error as Problem).status;
    }
    expect(got).toBe(want);
  });
});

describe('key proposals API: selection, supervision activities with photos, instructions', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;
  let proposalId: string;
  let supervisorId: string;
  let leaderHeaders: Record<string, string>;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(DAY);
    city = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
    proposalId = (await startHandling(test, city, { mode: 'sole', units: ['reform'] })).proposalId;
    const [row] = (
      await test.dependencies.database.pool.query<{ id: string }>(
        "select u.id from users u join user_roles r on r.org_id = u.org_id and r.user_id = u.id where u.org_id = $1 and r.role = 'supervisor'",
        [city.orgId],
      )
    ).rows;
    supervisorId = row.id;
    const leader = await createUser(test.dependencies, { orgId: city.orgId, roles: ['leader'], displayName: '市领导' });
    leaderHeaders = await signIn(test.dependencies, leader);
  });
  afterAll(async () => test.close());

  it('records a recommendation, shortlists it, approves it with a supervisor who records an activity with a photo', async () => {
    const body = { proposalId, recommenderKind: 'party', recommenderName: '民盟市委会', reason: '事关民生，需多部门协同推进' };
    const created = await request('POST', '/key-proposals', 'proposal_office', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ state: 'recommended', recommenderName: '民盟市委会' });
    expect((await request('POST', '/key-proposals', 'proposal_office', body)).json().code).toBe('already_recommended');
    expect((await request('POST', '/key-proposals', 'reform', body)).statusCode).toBe(403);
    const submitted = await insertFiledProposal(test.dependencies, city, { title: '未立案的提案', state: 'submitted' });
    expect((await request('POST', '/key-proposals', 'proposal_office', { ...body, proposalId: submitted.id })).json().code).toBe(
      'not_filed',
    );

    let item = created.json();
    item = (await request('POST', `/key-proposals/${item.id}/actions/shortlist`, 'proposal_office', {}, item.version)).json();
    expect(item.state).toBe('shortlisted');
    const bad = await request(
      'POST',
      `/key-proposals/${item.id}/actions/approve`,
      'proposal_office',
      { supervisorIds: [city.memberIds.lead] },
      item.version,
    );
    expect(bad.statusCode).toBe(422);
    const approved = await request(
      'POST',
      `/key-proposals/${item.id}/actions/approve`,
      'proposal_office',
      { supervisorIds: [supervisorId] },
      item.version,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    item = approved.json();
    expect(item).toMatchObject({ state: 'approved', supervisors: [{ userId: supervisorId, name: 'supervisor' }] });

    // The supervisor uploads a photo and records a visit; a leader who does not supervise it may not.
    const boundary = 'photo-boundary';
    const multipart = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = (headers: Record<string, string>, payload: Buffer) =>
      test.app.inject({
        method: 'POST',
        url: `/api/v1/key-proposals/${item.id}/photos`,
        headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    const photo = await upload(city.as('supervisor'), multipart);
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json().fileName).toBe('现场.png');
    expect((await upload(leaderHeaders, multipart)).statusCode).toBe(403);
    const notImage = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n`),
      Buffer.from('not an image'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    expect((await upload(city.as('supervisor'), notImage)).statusCode).toBe(415);

    const activity = await request('POST', `/key-proposals/${item.id}/activities`, 'supervisor', {
      kind: 'visit',
      happenedOn: '2026-07-01',
      notes: '实地查看社区养老服务中心建设进展，要求承办单位加快推进。',
      photoIds: [photo.json().id],
    });
    expect(activity.statusCode, activity.body).toBe(201);
    expect(activity.json().activities).toEqual([
      expect.objectContaining({
        kindName: '实地走访',
        photos: [{ id: photo.json().id, fileName: '现场.png' }],
        recordedByName: 'supervisor',
      }),
    ]);
    const content = await test.app.inject({
      method: 'GET',
      url: `/api/v1/supervision-photos/${photo.json().id}/content`,
      headers: city.as('proposal_office'),
    });
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/png');
    expect((await request('GET', `/supervision-photos/${photo.json().id}/content`, 'lead')).statusCode).toBe(403);
  });

  it('lists the supervisors and leaders the office may name; others may not list them', async () => {
    const answer = await request('GET', '/key-proposals/supervisor-candidates', 'proposal_office');
    expect(answer.statusCode, answer.body).toBe(200);
    const items: { userId: string; roles: string[] }[] = answer.json().items;
    expect(items.find((item) => item.userId === supervisorId)?.roles).toEqual(['supervisor']);
    expect(items.every((item) => item.roles.every((role) => role === 'supervisor' || role === 'leader'))).toBe(true);
    expect(items.some((item) => item.roles.includes('leader'))).toBe(true);
    const refused = await request('GET', '/key-proposals/supervisor-candidates', 'supervisor');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('提案委');
  });

  it('declines only with a reason', async () => {
    const other = (await startHandling(test, city, { mode: 'sole', units: ['housing'] })).proposalId;
    const item = (
      await request('POST', '/key-proposals', 'proposal_office', {
        proposalId: other,
        recommenderKind: 'staff',
        reason: '建议列入',
      })
    ).json();
    expect(item.recommenderName).toBe('proposal_office');
    expect(
      (await request('POST', `/key-proposals/${item.id}/actions/decline`, 'proposal_office', {}, item.version)).statusCode,
    ).toBe(400);
    const declined = await request(
      'POST',
      `/key-proposals/${item.id}/actions/decline`,
      'proposal_office',
      { reason: '已有同类重点提案' },
      item.version,
    );
    expect(declined.json()).toMatchObject({ state: 'declined', declineReason: '已有同类重点提案', actions: [] });
  });

  it('records leaders’ instructions on any filed proposal; its proposer reads them', async () => {
    const body = { leaderName: '王市长', instructedOn: '2026-07-01', text: '请市发改委牵头，认真研究办理。' };
    const created = await test.app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${proposalId}/instructions`,
      headers: leaderHeaders,
      payload: body,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await request('POST', `/proposals/${proposalId}/instructions`, 'reform', body)).statusCode).toBe(403);
    const listed = (await request('GET', `/proposals/${proposalId}/instructions`, 'lead')).json().items as Json[];
    expect(listed.map((item) => [item.leaderName, item.recordedByName])).toEqual([['王市长', '市领导']]);
  });
});
