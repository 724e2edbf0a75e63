import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStoreFor, storageKey } from '../../platform/files/file-store.ts';
import { runDueJobs } from '../../platform/jobs/job-runner.ts';
import { readWordDocument, readWorkbook } from '../../test/office-files.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { contactBody, type Json, replyBody, requestAs } from '../handling/handling.test-support.ts';
import {
  type AssignmentCommittee,
  createAssignmentCommittee,
  insertFiledProposal,
} from '../proposals/assignment.test-support.ts';
import { proposalAttachments } from '../proposals/attachments.tables.ts';
import { archiveJobs } from './archive.jobs.ts';

const DAY = new Date('2026-07-01T02:00:00Z');

describe('archive API: closing a session freezes it and packs its records', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;
  let closedId: string;
  let filedId: string;
  let pendingAssignment: Json;
  let sentReply: Json;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(DAY);
    city = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
    const previous = city.sessionIds.previous;
    // A proposal of the previous session handled to the end: contact, reply, sign-off, rated satisfied → closed.
    const closed = await insertFiledProposal(test.dependencies, city, {
      title: '关于建设城市绿道网络的建议',
      sessionId: previous,
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
    // The reply carries a file, uploaded as the unit does while drafting.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4 绿道建设计划'))]), '建设计划.pdf');
    const multipart = new Request('http://localhost/', { method: 'POST', body: form });
    const uploaded = await test.app.inject({
      method: 'POST',
      url: `/api/v1/replies/${draft.id}/attachments`,
      headers: { ...city.as('reform'), 'content-type': multipart.headers.get('content-type') ?? '' },
      payload: Buffer.from(await multipart.arrayBuffer()),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const submitted = (await request('POST', `/replies/${draft.id}/actions/submit`, 'reform', {}, draft.version)).json();
    sentReply = (
      await request('POST', `/replies/${draft.id}/actions/sign_off_and_send`, 'reformLeader', {}, submitted.version)
    ).json();
    expect((await request('POST', `/replies/${draft.id}/ratings`, 'lead', { rating: 'satisfied' })).json().state).toBe('closed');
    // An attachment of that proposal, in the file store.
    const key = storageKey('proposals', city.orgId, closed.id, 'a1');
    await fileStoreFor(test.dependencies.config).put(key, Buffer.from('%PDF-1.4 绿道规划图'));
    await test.dependencies.database.orm.insert(proposalAttachments).values({
      orgId: city.orgId,
      proposalId: closed.id,
      fileName: '绿道规划图.pdf',
      contentType: 'application/pdf',
      size: 20,
      sha256: 'x',
      storageKey: key,
      uploadedBy: city.memberIds.lead,
    });
    // One still assigned and not signed for: archived as it is.
    const filed = await insertFiledProposal(test.dependencies, city, { title: '关于发展夜间经济的建议', sessionId: previous });
    filedId = filed.id;
    await request(
      'POST',
      `/proposals/${filed.id}/actions/assign`,
      'proposal_office',
      { mode: 'sole', unitIds: [city.unitIds.housing] },
      filed.version,
    );
    [pendingAssignment] = (await request('GET', `/assignments?proposalId=${filed.id}`, 'housing')).json().items;
  });
  afterAll(async () => test.close());

  const sessionVersion = async (id: string) =>
    (await test.dependencies.database.pool.query<{ version: number }>('select version from sessions where id = $1', [id])).rows[0]
      .version;

  it('previews what archiving freezes, refuses the current session and a stale version, then archives', async () => {
    const preview = (await request('GET', `/sessions/${city.sessionIds.previous}/archive-preview`, 'proposal_office')).json();
    expect(preview).toMatchObject({ total: 2, unfinished: 1, archived: false, isCurrent: false });
    expect((await request('GET', `/sessions/${city.sessionIds.previous}/archive-preview`, 'lead')).statusCode).toBe(403);

    const current = await request(
      'POST',
      `/sessions/${city.sessionIds.current}/actions/archive`,
      'proposal_office',
      {},
      await sessionVersion(city.sessionIds.current),
    );
    expect(current.statusCode).toBe(409);
    expect(current.json().code).toBe('current_session');
    const version = await sessionVersion(city.sessionIds.previous);
    expect(
      (await request('POST', `/sessions/${city.sessionIds.previous}/actions/archive`, 'proposal_office', {}, version + 5))
        .statusCode,
    ).toBe(409);
    expect(
      (await request('POST', `/sessions/${city.sessionIds.previous}/actions/archive`, 'reform', {}, version)).statusCode,
    ).toBe(403);

    const archived = await request(
      'POST',
      `/sessions/${city.sessionIds.previous}/actions/archive`,
      'proposal_office',
      {},
      version,
    );
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json()).toMatchObject({ state: 'building', proposalCount: 2 });
    const states = await test.dependencies.database.pool.query<{ id: string; state: string; state_before_archive: string }>(
      'select id, state, state_before_archive from proposals where session_id = $1 order by id',
      [city.sessionIds.previous],
    );
    expect(Object.fromEntries(states.rows.map((row) => [row.id, [row.state, row.state_before_archive]]))).toEqual({
      [closedId]: ['archived', 'closed'],
      [filedId]: ['archived', 'assigned'],
    });
    const again = await request(
      'POST',
      `/sessions/${city.sessionIds.previous}/actions/archive`,
      'proposal_office',
      {},
      version + 1,
    );
    expect(again.json().code).toBe('session_archived');
  });

  it('makes the archived proposals read-only: units, members and the office are refused with 409', async () => {
    const signFor = await request(
      'POST',
      `/assignments/${pendingAssignment.id}/actions/sign_for`,
      'housing',
      {},
      pendingAssignment.version,
    );
    expect(signFor.statusCode).toBe(409);
    expect(signFor.json().code).toBe('archived');
    const rate = await request('POST', `/replies/${sentReply.id}/ratings`, 'co1', { rating: 'satisfied' });
    expect(rate.statusCode).toBe(403); // not a proposer
    const supplement = await request('POST', `/proposals/${closedId}/supplements`, 'lead', { text: '补充材料：最新调研数据。' });
    expect(supplement.statusCode).toBe(409);
    const [assignment] = (await request('GET', `/assignments?proposalId=${closedId}`, 'reform')).json().items;
    expect(
      (await request('POST', `/assignments/${assignment.id}/contacts`, 'reform', contactBody('2026-07-01'))).statusCode,
    ).toBe(409);
    expect(
      (await request('POST', `/assignments/${assignment.id}/replies`, 'reform', { ...replyBody(), kind: 'follow_up' }))
        .statusCode,
    ).toBe(409);
  });

  it('writes a complete package: every proposal, reply and attachment, with an Excel and a JSON index', async () => {
    await runDueJobs(test.dependencies, archiveJobs, { workerId: 'test' });
    const [archive] = (await request('GET', '/archives', 'proposal_office')).json().items as Json[];
    expect(archive).toMatchObject({ state: 'ready', proposalCount: 2, fileCount: 7 });
    const download = await request('GET', `/archives/${archive.id}/package.zip`, 'proposal_office');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect((await request('GET', `/archives/${archive.id}/package.zip`, 'reform')).statusCode).toBe(403);
    const zip = await JSZip.loadAsync(download.rawPayload);
    const names = Object.keys(zip.files)
      .filter((name) => !zip.files[name].dir)
      .sort();
    expect(names).toEqual(
      [
        '提案/0001-关于建设城市绿道网络的建议/提案.docx',
        '提案/0001-关于建设城市绿道网络的建议/答复-第1轮-市发展和改革委员会.docx',
        '提案/0001-关于建设城市绿道网络的建议/答复附件-建设计划.pdf',
        '提案/0001-关于建设城市绿道网络的建议/附件-绿道规划图.pdf',
        '提案/0002-关于发展夜间经济的建议/提案.docx',
        '索引.xlsx',
        'index.json',
      ].sort(),
    );
    const index = JSON.parse(await (zip.file('index.json') as JSZip.JSZipObject).async('string'));
    expect(index.proposals.map((entry: Json) => [entry.title, entry.stateName, entry.replies, entry.ratings])).toEqual([
      ['关于建设城市绿道网络的建议', '已办结', 1, { satisfied: 1 }],
      ['关于发展夜间经济的建议', '已交办', 0, {}],
    ]);
    expect(
      await (zip.file('提案/0001-关于建设城市绿道网络的建议/附件-绿道规划图.pdf') as JSZip.JSZipObject).async('string'),
    ).toBe('%PDF-1.4 绿道规划图');
    expect(
      await (zip.file('提案/0001-关于建设城市绿道网络的建议/答复附件-建设计划.pdf') as JSZip.JSZipObject).async('string'),
    ).toBe('%PDF-1.4 绿道建设计划');

    // The Word files and the Excel index are sound and hold their records (LibreOffice: archive.libreoffice.test.ts).
    const entry = async (name: string) => (zip.file(name) as JSZip.JSZipObject).async('nodebuffer');
    const folder = '提案/0001-关于建设城市绿道网络的建议';
    expect((await readWordDocument(await entry(`${folder}/提案.docx`))).text).toContain('关于建设城市绿道网络的建议');
    expect((await readWordDocument(await entry(`${folder}/答复-第1轮-市发展和改革委员会.docx`))).text).toContain('特此答复。');
    expect((await readWordDocument(await entry('提案/0002-关于发展夜间经济的建议/提案.docx'))).text).toContain(
      '关于发展夜间经济的建议',
    );
    const workbook = await readWorkbook(await entry('索引.xlsx'));
    const titles = workbook.sheets[workbook.sheetNames[0]].flat();
    expect(titles).toEqual(expect.arrayContaining(['关于建设城市绿道网络的建议', '关于发展夜间经济的建议', '已办结', '已交办']));
  });
});
