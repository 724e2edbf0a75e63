import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { eventsOf } from '../orgs/orgs.test-support.ts';
import {
  beforePng,
  createMicroCommittee,
  MICRO_TODAY,
  type MicroCommittee,
  microBody,
  photoForm,
  send,
  submitted,
  uploadPhoto,
} from './micro-suggestions.test-support.ts';

describe('micro-suggestions API: writing, autosave, photos, submission', () => {
  let test: TestApp;
  let city: MicroCommittee;
  let other: MicroCommittee;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(MICRO_TODAY);
    city = await createMicroCommittee(test.dependencies);
    other = await createMicroCommittee(test.dependencies);
  });
  afterAll(async () => test.close());

  async function draft(extra: Record<string, unknown> = {}) {
    const response = await send(test, 'POST', '/micro-suggestions', city.as('lead'), microBody(extra));
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  it('writes a draft of the member, with the actions open to them, and records it', async () => {
    const item = await draft();
    expect(item).toMatchObject({
      state: 'draft',
      stateName: '草稿',
      version: 1,
      number: null,
      leadMemberId: city.memberIds.lead,
      leadMemberName: '张委员',
      raisers: [{ memberId: city.memberIds.lead, name: '张委员', lead: true }],
      maxLength: 500,
      canAddPhotos: true,
      maxPhotos: 3,
      source: { kind: 'member', stationId: null, visitId: null },
    });
    expect(item.actions.map((action: { action: string }) => action.action)).toEqual(['edit', 'submit']);
    const events = await eventsOf(test.dependencies, city.orgId, 'micro_suggestion.created');
    expect(events.map((event) => event.subject_id)).toContain(item.id);
  });

  it('creates once for a retried request with the same Idempotency-Key', async () => {
    const headers = city.as('lead', { 'idempotency-key': 'micro-create-retry-1' });
    const first = await send(test, 'POST', '/micro-suggestions', headers, microBody({ title: '重试只建一件' }));
    const second = await send(test, 'POST', '/micro-suggestions', headers, microBody({ title: '重试只建一件' }));
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    const mine = await send(test, 'GET', '/micro-suggestions?mine=true&q=重试只建一件', city.as('lead'));
    expect(mine.json().items).toHaveLength(1);
  });

  it('autosaves at the version sent in If-Match; a stale version is a 409 and a missing one a 428', async () => {
    const item = await draft();
    const saved = await send(test, 'PATCH', `/micro-suggestions/${item.id}`, city.as('lead', { 'if-match': '"1"' }), {
      suggestion: '请在一周内修好。',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, suggestion: '请在一周内修好。' });
    const same = await send(test, 'PATCH', `/micro-suggestions/${item.id}`, city.as('lead', { 'if-match': '"2"' }), {
      suggestion: '请在一周内修好。',
    });
    expect(same.json().version).toBe(2);
    const stale = await send(test, 'PATCH', `/micro-suggestions/${item.id}`, city.as('lead', { 'if-match': '"1"' }), {
      title: '另一个标签页的修改',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect(stale.json().detail).toContain('已被他人修改');
    const missing = await send(test, 'PATCH', `/micro-suggestions/${item.id}`, city.as('lead'), { title: '无版本号' });
    expect(missing.statusCode).toBe(428);
    const byOther = await send(test, 'PATCH', `/micro-suggestions/${item.id}`, city.as('co1', { 'if-match': '"2"' }), {
      title: '别人改',
    });
    expect(byOther.statusCode).toBe(404);
  });

  it('keeps problem plus suggestion within the committee limit (500 by default), naming both fields', async () => {
    const atLimit = await draft({ problem: '问'.repeat(300), suggestion: '建'.repeat(200) });
    expect(atLimit.length).toBe(500);
    const tooLong = await send(test, 'PATCH', `/micro-suggestions/${atLimit.id}`, city.as('lead', { 'if-match': '"1"' }), {
      suggestion: '建'.repeat(201),
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().code).toBe('too_long');
    expect(tooLong.json().detail).toContain('500');
    expect(tooLong.json().errors.map((error: { field: string }) => error.field)).toEqual(['problem', 'suggestion']);
    const created = await send(test, 'POST', '/micro-suggestions', city.as('lead'), microBody({ problem: '问'.repeat(501) }));
    expect(created.statusCode).toBe(422);
  });

  it.each([
    ['no title', 'lead', { place: 'x' }, 400],
    ['a title too long', 'lead', { title: '长'.repeat(101) }, 400],
    ['a place too long', 'lead', { title: '标题', place: '地'.repeat(101) }, 400],
    ['office staff (not a member)', 'proposal_office', { title: '标题' }, 403],
    ['a unit handler', 'reform', { title: '标题' }, 403],
  ])('refuses %s', async (_name, who, body, status) => {
    const response = await send(test, 'POST', '/micro-suggestions', city.as(who), body);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toMatch(/[\u4e00-\u9fff]/);
  });

  it('takes photos checked by their bytes: a text file named .jpg is a 415 in Chinese; at most 3', async () => {
    const item = await draft();
    const fake = await uploadPhoto(test, city.as('lead'), item.id, Buffer.from('这不是图片，只是改了扩展名'), 'fake.jpg');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().detail).toContain('JPG、PNG');
    const pdf = await uploadPhoto(test, city.as('lead'), item.id, Buffer.from('%PDF-1.4\n%…'), 'a.pdf');
    expect(pdf.statusCode).toBe(415);
    for (let index = 0; index < 3; index += 1) {
      const photo = await uploadPhoto(test, city.as('lead'), item.id, beforePng(), `现场${index}.jpg`);
      expect(photo.statusCode).toBe(201);
      expect(photo.json()).toMatchObject({ kind: 'problem', contentType: 'image/png', fileName: `现场${index}.png` });
    }
    const fourth = await uploadPhoto(test, city.as('lead'), item.id);
    expect(fourth.statusCode).toBe(422);
    expect(fourth.json().code).toBe('too_many_photos');
    const view = await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as('lead'));
    expect(view.json().photos).toHaveLength(3);
    expect(view.json().canAddPhotos).toBe(false);
    const byOther = await uploadPhoto(test, city.as('co1'), item.id);
    expect(byOther.statusCode).toBe(404);
    const first = view.json().photos[0];
    const download = await test.app.inject({ method: 'GET', url: first.url, headers: city.as('lead') });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.subarray(0, 4).toString('hex')).toBe('89504e47');
    const downloads = await eventsOf(test.dependencies, city.orgId, 'micro_suggestion.photo_downloaded');
    expect(downloads.some((event) => event.subject_id === item.id)).toBe(true);
    const removed = await send(test, 'DELETE', `/micro-suggestions/${item.id}/photos/${first.id}`, city.as('lead'));
    expect(removed.statusCode).toBe(204);
    const notMultipart = await send(test, 'POST', `/micro-suggestions/${item.id}/photos`, city.as('lead'), { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('refuses two files in one upload', async () => {
    const item = await draft();
    const form = new FormData();
    for (const name of ['a.png', 'b.png']) form.append('file', new Blob([new Uint8Array(beforePng())]), name);
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const response = await test.app.inject({
      method: 'POST',
      url: `/api/v1/micro-suggestions/${item.id}/photos`,
      headers: { ...city.as('lead'), 'content-type': request.headers.get('content-type') ?? '' },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(response.statusCode).toBe(400);
    expect((await photoForm(beforePng())).contentType).toContain('multipart/form-data');
  });

  it('submits a complete draft once: it gets its number of the year, the text and photos freeze', async () => {
    const incomplete = await draft({ place: '', suggestion: '' });
    const refused = await send(
      test,
      'POST',
      `/micro-suggestions/${incomplete.id}/actions/submit`,
      city.as('lead', { 'if-match': '"1"' }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((error: { field: string }) => error.field)).toEqual(['place', 'suggestion']);
    const item = await draft();
    const headers = city.as('lead', { 'if-match': '"1"', 'idempotency-key': `submit-${item.id}` });
    const done = await send(test, 'POST', `/micro-suggestions/${item.id}/actions/submit`, headers);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'submitted', stateName: '已提交', version: 2 });
    expect(done.json().number).toMatch(/^2026-\d{4}$/);
    const retried = await send(test, 'POST', `/micro-suggestions/${item.id}/actions/submit`, headers);
    expect(retried.statusCode).toBe(200);
    expect(retried.json().number).toBe(done.json().number);
    const again = await send(
      test,
      'POST',
      `/micro-suggestions/${item.id}/actions/submit`,
      city.as('lead', { 'if-match': '"2"' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('已提交');
    const edit = await send(test, 'PATCH', `/micro-suggestions/${item.id}`, city.as('lead', { 'if-match': '"2"' }), {
      title: 'x',
    });
    expect(edit.statusCode).toBe(409);
    const photo = await uploadPhoto(test, city.as('lead'), item.id);
    expect(photo.statusCode).toBe(409);
    expect(photo.json().code).toBe('photos_frozen');
    const second = await submitted(test, city);
    expect(Number(second.number.slice(5))).toBe(Number(done.json().number.slice(5)) + 1);
  });

  it('keeps drafts private; the office reads submitted ones; another committee gets a 404', async () => {
    const item = await draft();
    for (const who of ['proposal_office', 'co1', 'reform', 'supervisor']) {
      expect((await send(test, 'GET', `/micro-suggestions/${item.id}`, city.as(who))).statusCode).toBe(404);
    }
    const done = await submitted(test, city);
    expect((await send(test, 'GET', `/micro-suggestions/${done.id}`, city.as('proposal_office'))).statusCode).toBe(200);
    expect((await send(test, 'GET', `/micro-suggestions/${done.id}`, city.as('reviewer'))).statusCode).toBe(200);
    expect((await send(test, 'GET', `/micro-suggestions/${done.id}`, city.as('co1'))).statusCode).toBe(404);
    expect((await send(test, 'GET', `/micro-suggestions/${done.id}`, city.as('reform'))).statusCode).toBe(404);
    for (const who of ['lead', 'proposal_office']) {
      const foreign = await send(test, 'GET', `/micro-suggestions/${done.id}`, other.as(who));
      expect(foreign.statusCode).toBe(404);
      const patched = await send(test, 'PATCH', `/micro-suggestions/${item.id}`, other.as(who, { 'if-match': '"1"' }), {
        title: 'x',
      });
      expect(patched.statusCode).toBe(404);
    }
    const list = await send(test, 'GET', '/micro-suggestions', other.as('proposal_office'));
    expect(list.json().items.map((row: { id: string }) => row.id)).not.toContain(done.id);
  });
});
