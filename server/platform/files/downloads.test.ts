import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveJobs } from '../../modules/archive/archive.jobs.ts';
import { contactBody, type Json, replyBody, requestAs } from '../../modules/handling/handling.test-support.ts';
import {
  type AssignmentCommittee,
  createAssignmentCommittee,
  insertFiledProposal,
} from '../../modules/proposals/assignment.test-support.ts';
import { proposalAttachments } from '../../modules/proposals/attachments.tables.ts';
import { draftBody } from '../../modules/proposals/proposals.test-support.ts';
import { createUser, signIn } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { runDueJobs } from '../jobs/job-runner.ts';

const DAY = new Date('2026-07-01T02:00:00Z');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

/** A multipart/form-data body with one file in field `file`, for app.inject. */
async function multipart(content: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type: 'application/x-msdownload' }), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

describe('downloads: every file that leaves the system is audited, named by its detected type', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;
  let auditor: Record<string, string>;
  let closedId: string;
  let draftId: string;
  let replyId: string;
  let replyAttachmentId: string;
  let dataDir: string;

  /** Uploads a file as someone to a proposal or reply attachment route. */
  async function upload(who: string, url: string, content: Buffer, name: string) {
    const body = await multipart(content, name);
    return test.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { ...city.as(who), 'content-type': body.contentType },
      payload: body.payload,
    });
  }

  /** The committee's events of a type, as the auditor reads them (newest first). */
  async function audited(type: string): Promise<Json[]> {
    const response = await test.app.inject({ method: 'GET', url: `/api/v1/audit/events?type=${type}`, headers: auditor });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().items as Json[]).filter((item) => item.type === type);
  }

  /** The one event of a type, in full (with what was downloaded). */
  async function onlyEvent(type: string): Promise<Json> {
    const [event, ...more] = await audited(type);
    expect(event, `no ${type} event`).toBeDefined();
    expect(more).toEqual([]);
    const detail = await test.app.inject({ method: 'GET', url: `/api/v1/audit/events/${event.id}`, headers: auditor });
    return detail.json();
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cppcc-downloads-'));
    test = await createTestApp({ dataDir });
    test.setNow(DAY);
    city = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
    auditor = await signIn(
      test.dependencies,
      await createUser(test.dependencies, { orgId: city.orgId, roles: ['auditor'], displayName: '审计员' }),
    );
    // A proposal of the previous session handled to a sent reply that carries a file.
    const closed = await insertFiledProposal(test.dependencies, city, {
      title: '关于建设城市绿道网络的建议',
      sessionId: city.sessionIds.previous,
    });
    closedId = closed.id;
    await request(
      'POST',
      `/proposals/${closed.id}/actions/assign`,
      'proposal_office',
      { mode: 'sole', unitIds: [city.unitIds.reform] },
      closed.version,
    );
    const [item] = (await request('GET', `/assignments?proposalId=${closed.id}`, 'reform')).json().items;
    const signed = (await request('POST', `/assignments/${item.id}/actions/sign_for`, 'reform', {}, item.version)).json();
    await request('POST', `/assignments/${signed.id}/contacts`, 'reform', contactBody('2026-07-01'));
    const draft = (await request('POST', `/assignments/${signed.id}/replies`, 'reform', replyBody())).json();
    replyId = draft.id;
    const uploaded = await upload('reform', `/replies/${draft.id}/attachments`, PDF, '建设计划.exe');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    replyAttachmentId = uploaded.json().id;
    const submitted = (await request('POST', `/replies/${draft.id}/actions/submit`, 'reform', {}, draft.version)).json();
    await request('POST', `/replies/${draft.id}/actions/sign_off_and_send`, 'reformLeader', {}, submitted.version);
    // A member's draft in the current session.
    const created = await request('POST', '/proposals', 'lead', draftBody());
    expect(created.statusCode, created.body).toBe(201);
    draftId = created.json().id;
  });
  afterAll(async () => {
    await test.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names an upload and its download by the detected type: a PDF uploaded as x.exe is x.pdf', async () => {
    const uploaded = await upload('lead', `/proposals/${draftId}/attachments`, PDF, '调研报告.exe');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ fileName: '调研报告.pdf', contentType: 'application/pdf' });
    const download = await request('GET', `/proposals/${draftId}/attachments/${uploaded.json().id}`, 'lead');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('调研报告.pdf')}`);

    // A file stored before names were checked still downloads under its detected type.
    const [old] = await test.dependencies.database.orm
      .insert(proposalAttachments)
      .values({
        orgId: city.orgId,
        proposalId: draftId,
        fileName: 'setup.exe',
        contentType: 'application/pdf',
        size: 3,
        sha256: 'x',
        storageKey: `proposals/${city.orgId}/${draftId}/missing`,
        uploadedBy: city.memberIds.lead,
      })
      .returning({ id: proposalAttachments.id });
    const reply = await request('GET', `/replies/${replyId}/attachments/${replyAttachmentId}`, 'reform');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-disposition']).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('建设计划.pdf')}`,
    );
    // A file missing from the store is a 404, and nothing was downloaded, so nothing is recorded.
    expect((await request('GET', `/proposals/${draftId}/attachments/${old.id}`, 'lead')).statusCode).toBe(404);
  });

  it('records a proposal attachment and a reply attachment download: who, which file of which record, when', async () => {
    const proposalEvent = await onlyEvent('proposal.attachment_downloaded');
    expect(proposalEvent).toMatchObject({
      actorName: '张委员',
      subjectType: 'proposal',
      subjectId: draftId,
      result: 'success',
      after: { fileName: '调研报告.pdf', contentType: 'application/pdf', size: PDF.length },
    });
    expect(proposalEvent.summary).toContain('调研报告.pdf');
    expect(new Date(proposalEvent.occurredAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await onlyEvent('reply.attachment_downloaded')).toMatchObject({
      actorName: '市发展和改革委员会承办人',
      subjectType: 'reply',
      subjectId: replyId,
      after: { attachmentId: replyAttachmentId, fileName: '建设计划.pdf' },
    });
  });

  it('records the Word documents: the proposal form, the assignment notice, the reply letter, the statistics report', async () => {
    const downloads: [string, string][] = [
      [`/proposals/${closedId}/document`, 'proposal_office'],
      [`/assignment-notices/document?unitId=${city.unitIds.reform}&sessionId=${city.sessionIds.previous}`, 'proposal_office'],
      [`/replies/${replyId}/letter.docx`, 'reform'],
      [`/statistics/report.docx?sessionId=${city.sessionIds.previous}`, 'proposal_office'],
      [`/statistics/export.xlsx?sessionId=${city.sessionIds.previous}`, 'proposal_office'],
    ];
    for (const [url, who] of downloads) {
      const response = await request('GET', url, who);
      expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
    }
    expect(await onlyEvent('proposal.document_downloaded')).toMatchObject({
      actorName: 'proposal_office',
      subjectType: 'proposal',
      subjectId: closedId,
      after: { fileName: '提案第0001号.docx' },
    });
    expect(await onlyEvent('proposal.assignment_notice_downloaded')).toMatchObject({
      subjectType: 'unit',
      subjectId: city.unitIds.reform,
      after: { sessionId: city.sessionIds.previous },
    });
    expect(await onlyEvent('reply.letter_downloaded')).toMatchObject({ subjectType: 'reply', subjectId: replyId });
    expect(await onlyEvent('statistics.report_downloaded')).toMatchObject({
      subjectType: 'session',
      subjectId: city.sessionIds.previous,
    });
    expect(await onlyEvent('statistics.exported')).toMatchObject({ subjectType: 'session', subjectId: city.sessionIds.previous });
  });

  it('records an archive package download; a refused download records nothing', async () => {
    const session = await test.dependencies.database.pool.query<{ version: number }>(
      'select version from sessions where id = $1',
      [city.sessionIds.previous],
    );
    const archived = await request(
      'POST',
      `/sessions/${city.sessionIds.previous}/actions/archive`,
      'proposal_office',
      {},
      session.rows[0].version,
    );
    expect(archived.statusCode, archived.body).toBe(200);
    await runDueJobs(test.dependencies, archiveJobs, { workerId: 'test' });
    const refused = await request('GET', `/archives/${archived.json().id}/package.zip`, 'reform');
    expect(refused.statusCode).toBe(403);
    expect(await audited('archive.package_downloaded')).toEqual([]);
    const download = await request('GET', `/archives/${archived.json().id}/package.zip`, 'proposal_office');
    expect(download.statusCode).toBe(200);
    expect(await onlyEvent('archive.package_downloaded')).toMatchObject({
      actorName: 'proposal_office',
      subjectType: 'archive',
      subjectId: archived.json().id,
      after: { sessionId: city.sessionIds.previous },
    });
  });
});
