import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type AssignmentCommittee, createAssignmentCommittee } from '../proposals/assignment.test-support.ts';
import { contactBody, type Json, replyBody, requestAs, startHandling } from './handling.test-support.ts';

const DAY = new Date('2026-07-01T02:00:00Z');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]);

/** A multipart/form-data body with one file in field `file`. */
async function multipart(content: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

describe('reply attachments (答复附件)', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(DAY);
    city = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
  });
  afterAll(async () => test.close());

  const upload = async (replyId: string, who: string, content = PDF, name = '实施方案.pdf') => {
    const body = await multipart(content, name);
    return test.app.inject({
      method: 'POST',
      url: `/api/v1/replies/${replyId}/attachments`,
      headers: { ...city.as(who), 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const fileCount = async () =>
    Number((await test.dependencies.database.pool.query<{ n: string }>('select count(*) as n from reply_attachments')).rows[0].n);

  it('lets the unit attach files to its draft, shows them on the reply, and freezes them once sent for sign-off', async () => {
    const { proposalId, assignments } = await startHandling(test, city, { mode: 'sole', units: ['reform'] });
    const item = assignments.reform;
    await request('POST', `/assignments/${item.id}/contacts`, 'reform', contactBody('2026-07-01'));
    const draft = (await request('POST', `/assignments/${item.id}/replies`, 'reform', replyBody())).json();

    const added = await upload(draft.id, 'reform');
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ fileName: '实施方案.pdf', contentType: 'application/pdf', size: PDF.length });
    const events = await test.dependencies.database.pool.query<{ type: string }>(
      "select type from events where subject_id = $1 and type like 'handling.reply_attachment%'",
      [draft.id],
    );
    expect(events.rows.map((row) => row.type)).toEqual(['handling.reply_attachment_added']);

    // Another unit and a member may not add files; a program renamed .pdf is refused by its bytes.
    expect((await upload(draft.id, 'housing')).statusCode).toBe(404);
    expect((await upload(draft.id, 'lead')).statusCode).toBe(404);
    const before = await fileCount();
    const program = await upload(draft.id, 'reform', EXE, '通知.pdf');
    expect(program.statusCode).toBe(415);
    expect(program.json().detail).toContain('格式');
    expect(await fileCount()).toBe(before);

    // The reply view lists the file; the unit downloads it.
    const replies = (await request('GET', `/proposals/${proposalId}/replies`, 'reform')).json().items;
    const attachment = replies[0].attachments[0];
    expect(replies[0].attachments).toHaveLength(1);
    const download = await request('GET', `/replies/${draft.id}/attachments/${attachment.id}`, 'reform');
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");

    // Before it is sent the proposer does not see the draft or its file.
    expect((await request('GET', `/replies/${draft.id}/attachments/${attachment.id}`, 'lead')).statusCode).toBe(404);

    const submitted = (await request('POST', `/replies/${draft.id}/actions/submit`, 'reform', {}, draft.version)).json();
    const frozen = await upload(draft.id, 'reform');
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json()).toMatchObject({ code: 'attachments_frozen' });
    const removeFrozen = await test.app.inject({
      method: 'DELETE',
      url: `/api/v1/replies/${draft.id}/attachments/${attachment.id}`,
      headers: city.as('reform'),
    });
    expect(removeFrozen.statusCode).toBe(409);

    // Once sent, the proposer reads it and downloads the file.
    const sent = await request('POST', `/replies/${draft.id}/actions/sign_off_and_send`, 'reformLeader', {}, submitted.version);
    expect(sent.statusCode, sent.body).toBe(200);
    const mine = (await request('GET', `/proposals/${proposalId}/replies`, 'lead')).json().items as Json[];
    expect(mine[0].attachments.map((file: Json) => file.fileName)).toEqual(['实施方案.pdf']);
    expect((await request('GET', `/replies/${draft.id}/attachments/${attachment.id}`, 'lead')).rawPayload.equals(PDF)).toBe(true);
  });

  it('removes a draft’s file with its event; an unknown file is a 404', async () => {
    const { assignments } = await startHandling(test, city, { mode: 'sole', units: ['reform'] });
    const draft = (await request('POST', `/assignments/${assignments.reform.id}/replies`, 'reform', replyBody())).json();
    const file = (await upload(draft.id, 'reform')).json();
    const remove = (id: string) =>
      test.app.inject({
        method: 'DELETE',
        url: `/api/v1/replies/${draft.id}/attachments/${id}`,
        headers: city.as('reform'),
      });
    expect((await remove(file.id)).statusCode).toBe(204);
    expect((await remove(file.id)).statusCode).toBe(404);
    const types = await test.dependencies.database.pool.query<{ type: string }>(
      "select type from events where subject_id = $1 and type like 'handling.reply_attachment%' order by sequence",
      [draft.id],
    );
    expect(types.rows.map((row) => row.type)).toEqual(['handling.reply_attachment_added', 'handling.reply_attachment_removed']);
  });
});
