import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { organizations } from '../orgs/orgs.tables.ts';
import { eventsOf } from '../orgs/orgs.test-support.ts';
import { uploadAttachment } from './actions/upload-attachment.ts';
import { call, createProposalCommittee, draftBody, TODAY } from './proposals.test-support.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(16),
  Buffer.from([0xff, 0xd9]),
]);
const DOC = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Part = { content: Buffer; name: string; type?: string; field?: string };

/** A multipart/form-data body (built by the platform's FormData) for app.inject. */
async function multipart(...parts: Part[]) {
  const form = new FormData();
  for (const part of parts) {
    form.append(
      part.field ?? 'file',
      new Blob([new Uint8Array(part.content)], { type: part.type ?? 'application/octet-stream' }),
      part.name,
    );
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

describe('proposal attachments API', () => {
  let test: TestApp;
  let dataDir: string;
  let city: Awaited<ReturnType<typeof createProposalCommittee>>;
  let other: Awaited<ReturnType<typeof createProposalCommittee>>;
  let small: Awaited<ReturnType<typeof createProposalCommittee>>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cppcc-attachments-'));
    test = await createTestApp({ dataDir });
    test.setNow(TODAY);
    city = await createProposalCommittee(test.dependencies);
    other = await createProposalCommittee(test.dependencies);
    small = await createProposalCommittee(test.dependencies);
    await test.dependencies.database.orm
      .update(organizations)
      .set({ settings: { proposals: { bodyMaxCharacters: 500, attachmentMaxMegabytes: 1, attachmentMaxCount: 2 } } })
      .where(eq(organizations.id, small.orgId));
  });
  afterAll(async () => {
    await test.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The files the store holds for a committee. */
  const storedFiles = (orgId: string) => {
    try {
      return readdirSync(join(dataDir, 'files', 'proposals', orgId));
    } catch {
      return [];
    }
  };

  /** A draft of the committee's lead member. */
  async function draft(committee = city) {
    const response = await call(test, 'POST', '/proposals', committee.as('lead'), draftBody());
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  }

  /** Uploads parts to a proposal as a user. */
  async function upload(headers: Record<string, string>, proposalId: string, ...parts: Part[]) {
    const body = await multipart(...parts);
    return test.app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${proposalId}/attachments`,
      headers: { ...headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  }

  const get = (headers: Record<string, string>, url: string) =>
    test.app.inject({ method: 'GET', url: `/api/v1/proposals/${url}`, headers });
  const remove = (headers: Record<string, string>, url: string) =>
    test.app.inject({ method: 'DELETE', url: `/api/v1/proposals/${url}`, headers });

  it('accepts PDF, Word (.docx, .doc), JPEG and PNG, typed by their bytes, and records each upload', async () => {
    const id = await draft();
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('调研报告')] }] }));
    const samples: [Part, string][] = [
      [{ content: PDF, name: '调研报告.pdf', type: 'application/pdf' }, 'application/pdf'],
      [{ content: docx, name: '建议全文.docx' }, DOCX_TYPE],
      [{ content: DOC, name: 'old.doc', type: 'text/plain' }, 'application/msword'],
      [{ content: JPEG, name: '现场照片.jpg' }, 'image/jpeg'],
      [{ content: PNG, name: 'chart.png', type: 'image/jpeg' }, 'image/png'],
    ];
    for (const [part, contentType] of samples) {
      const response = await upload(city.as('lead'), id, part);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ fileName: part.name, contentType, size: part.content.length });
    }
    const list = await get(city.as('lead'), `${id}/attachments`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ maxMegabytes: 20, maxCount: 10, editable: true });
    expect(list.json().items.map((item: { fileName: string }) => item.fileName)).toEqual(samples.map(([part]) => part.name));
    const events = await eventsOf(test.dependencies, city.orgId, 'proposal.attachment_added');
    expect(events.filter((event) => event.subject_id === id)).toHaveLength(5);
    // Stored under ids only, readable by the owner alone.
    const files = storedFiles(city.orgId);
    expect(files).toContain(list.json().items[0].id);
    expect(files.every((name) => /^[0-9a-f-]{36}$/.test(name))).toBe(true);
    expect(statSync(join(dataDir, 'files', 'proposals', city.orgId, files[0])).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'files')).mode & 0o777).toBe(0o700);
  });

  it('downloads the same bytes with the detected type, a UTF-8 file name with the type’s extension and nosniff', async () => {
    const id = await draft();
    const uploaded = await upload(city.as('lead'), id, { content: PNG, name: '图表 (1).pdf', type: 'application/pdf' });
    expect(uploaded.json()).toMatchObject({ contentType: 'image/png', fileName: '图表 (1).png' });
    const response = await get(city.as('lead'), `${id}/attachments/${uploaded.json().id}`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(PNG)).toBe(true);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="__ (1).png"; filename*=UTF-8''%E5%9B%BE%E8%A1%A8%20%281%29.png`,
    );
  });

  it.each([
    ['a program renamed .pdf', { content: EXE, name: '通知.pdf', type: 'application/pdf' }],
    ['a text file renamed .pdf', { content: Buffer.from('只是一段文字'), name: 'notes.pdf', type: 'application/pdf' }],
    ['an HTML page renamed .png', { content: Buffer.from('<html><script>1</script></html>'), name: 'a.png' }],
  ])('refuses %s with 415 naming the allowed types, and keeps nothing', async (_name, part) => {
    const id = await draft();
    const before = storedFiles(city.orgId).length;
    const response = await upload(city.as('lead'), id, part);
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toContain('PDF、Word（.doc、.docx）、JPG、PNG');
    expect(storedFiles(city.orgId)).toHaveLength(before);
    expect((await get(city.as('lead'), `${id}/attachments`)).json().items).toEqual([]);
  });

  it('refuses an empty file, a request that is not multipart, and a file in another field', async () => {
    const id = await draft();
    const empty = await upload(city.as('lead'), id, { content: Buffer.alloc(0), name: 'empty.pdf' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('file_empty');
    const json = await call(test, 'POST', `/proposals/${id}/attachments`, city.as('lead'), { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json().detail).toContain('multipart/form-data');
    const field = await upload(city.as('lead'), id, { content: PDF, name: 'a.pdf', field: 'attachment' });
    expect(field.statusCode).toBe(400);
    const two = await upload(city.as('lead'), id, { content: PDF, name: 'a.pdf' }, { content: PDF, name: 'b.pdf' });
    expect(two.statusCode).toBe(400);
    expect(two.json().code).toBe('too_many_files');
    const none = await test.app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${id}/attachments`,
      headers: { ...city.as('lead'), 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--x--\r\n',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('file_missing');
    expect((await get(city.as('lead'), `${id}/attachments`)).json().items).toEqual([]);
  });

  it('applies the committee limits: size (413 naming it) and count (422)', async () => {
    const id = await draft(small);
    const over = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 1 - PDF.length)]);
    const tooBig = await upload(small.as('lead'), id, { content: over, name: 'big.pdf' });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().detail).toBe('附件不能超过 1 MB');
    expect(storedFiles(small.orgId)).toHaveLength(0);
    const atLimit = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 - PDF.length)]);
    expect((await upload(small.as('lead'), id, { content: atLimit, name: 'limit.pdf' })).statusCode).toBe(201);
    expect((await upload(small.as('lead'), id, { content: PNG, name: 'b.png' })).statusCode).toBe(201);
    const third = await upload(small.as('lead'), id, { content: PNG, name: 'c.png' });
    expect(third.statusCode).toBe(422);
    expect(third.json().detail).toContain('最多上传 2 个附件');
    expect(storedFiles(small.orgId)).toHaveLength(2);
  });

  it('hides attachments from whoever may not read the proposal, and lets only the proposer change them', async () => {
    const id = await draft();
    const uploaded = await upload(city.as('lead'), id, { content: PDF, name: 'a.pdf' });
    const attachmentId = uploaded.json().id;
    for (const headers of [city.as('outsider'), city.as('proposal_office'), other.as('lead')]) {
      expect((await upload(headers, id, { content: PDF, name: 'x.pdf' })).statusCode).toBe(404);
      expect((await get(headers, `${id}/attachments`)).statusCode).toBe(404);
      expect((await get(headers, `${id}/attachments/${attachmentId}`)).statusCode).toBe(404);
      expect((await remove(headers, `${id}/attachments/${attachmentId}`)).statusCode).toBe(404);
    }
    // An invited co-signer reads and downloads, but does not change them.
    const invited = await call(test, 'POST', `/proposals/${id}/co-signers`, city.as('lead', { 'if-match': '"1"' }), {
      memberIds: [city.memberIds.co1],
      deadline: '2026-01-15',
    });
    expect(invited.statusCode, invited.body).toBe(200);
    const list = await get(city.as('co1'), `${id}/attachments`);
    expect(list.statusCode).toBe(200);
    expect(list.json().editable).toBe(false);
    expect((await get(city.as('co1'), `${id}/attachments/${attachmentId}`)).statusCode).toBe(200);
    expect((await upload(city.as('co1'), id, { content: PDF, name: 'x.pdf' })).statusCode).toBe(403);
    expect((await remove(city.as('co1'), `${id}/attachments/${attachmentId}`)).statusCode).toBe(403);
    // While co-signing the lead still adds attachments; an attachment of another proposal is not found here.
    expect((await upload(city.as('lead'), id, { content: PNG, name: 'b.png' })).statusCode).toBe(201);
    const elsewhere = await draft();
    expect((await get(city.as('lead'), `${elsewhere}/attachments/${attachmentId}`)).statusCode).toBe(404);
  });

  it('freezes attachments once submitted: upload and delete answer 409 naming the state; reading goes on', async () => {
    const id = await draft();
    const uploaded = await upload(city.as('lead'), id, { content: PDF, name: 'a.pdf' });
    const submitted = await call(test, 'POST', `/proposals/${id}/actions/submit`, city.as('lead', { 'if-match': '"1"' }));
    expect(submitted.statusCode).toBe(200);
    const late = await upload(city.as('lead'), id, { content: PDF, name: 'late.pdf' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('已提交');
    const deleted = await remove(city.as('lead'), `${id}/attachments/${uploaded.json().id}`);
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json().code).toBe('attachments_frozen');
    expect((await get(city.as('lead'), `${id}/attachments`)).json()).toMatchObject({ editable: false, items: [{}] });
    const office = await get(city.as('proposal_office'), `${id}/attachments/${uploaded.json().id}`);
    expect(office.statusCode).toBe(200);
    expect(office.rawPayload.equals(PDF)).toBe(true);
  });

  it('removes the stored file when the transaction refuses the upload', async () => {
    const id = await draft();
    await call(test, 'POST', `/proposals/${id}/actions/submit`, city.as('lead', { 'if-match': '"1"' }));
    const before = storedFiles(city.orgId).length;
    const actor: Actor = {
      userId: city.memberIds.lead,
      orgId: city.orgId,
      username: 'lead',
      displayName: '张委员',
      roles: ['member'],
      memberId: city.memberIds.lead,
      unitId: null,
      sessionId: 'test',
    };
    // Straight to the action (past the route's early checks): the file is written, then the transaction fails.
    await expect(
      uploadAttachment(test.dependencies, actor, id, { fileName: 'a.pdf', content: PDF }, { ip: null, requestId: null }),
    ).rejects.toMatchObject({ status: 409 });
    expect(storedFiles(city.orgId)).toHaveLength(before);
  });

  it('deletes an attachment: row, file on disk and an event', async () => {
    const id = await draft();
    const uploaded = await upload(city.as('lead'), id, { content: JPEG, name: 'photo.jpg' });
    const attachmentId = uploaded.json().id;
    expect(storedFiles(city.orgId)).toContain(attachmentId);
    const deleted = await remove(city.as('lead'), `${id}/attachments/${attachmentId}`);
    expect(deleted.statusCode).toBe(204);
    expect(storedFiles(city.orgId)).not.toContain(attachmentId);
    expect((await get(city.as('lead'), `${id}/attachments`)).json().items).toEqual([]);
    expect((await get(city.as('lead'), `${id}/attachments/${attachmentId}`)).statusCode).toBe(404);
    expect((await remove(city.as('lead'), `${id}/attachments/${attachmentId}`)).statusCode).toBe(404);
    const events = await eventsOf(test.dependencies, city.orgId, 'proposal.attachment_removed');
    expect(events.map((event) => event.subject_id)).toContain(id);
  });
});
