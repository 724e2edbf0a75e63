import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWordDocument } from '../../test/office-files.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type AssignmentCommittee, createAssignmentCommittee } from '../proposals/assignment.test-support.ts';
import { contactBody, type Json, replyBody, requestAs, startHandling } from './handling.test-support.ts';
import { sampleReplyLetter } from './reply-letter.test-support.ts';
import { replyLetterDocument, replyLetterTitle } from './reply-letter.ts';

/** The visible text of a .docx. */
async function docxText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
}

const letter = sampleReplyLetter;

describe('reply letter (答复函)', () => {
  it('prints the title, salutation, class, text, closing, unit, date and contact in official layout', async () => {
    expect(replyLetterTitle(letter)).toBe('关于政协示例市委员会十届五次会议第0007号提案的答复');
    expect(replyLetterTitle({ ...letter, round: 2 })).toBe('关于政协示例市委员会十届五次会议第0007号提案的再次答复');
    const buffer = await replyLetterDocument(letter);
    const text = await docxText(buffer);
    for (const part of [
      'B类',
      '市发展和改革委员会',
      '关于政协示例市委员会十届五次会议第0007号提案的答复',
      '张委员、李委员委员：',
      '《关于加快县域商业体系建设的建议》收悉',
      '明年完成 12 个乡镇改造。',
      '二〇二七年一月三十一日前报告后续办理情况',
      '特此答复。',
      '二〇二六年七月一日',
      '联系人：王建国，联系电话：0571-87051234',
      '抄送：政协示例市委员会提案委员会',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('征求意见稿');
    expect(await docxText(await replyLetterDocument({ ...letter, sent: false }))).toContain('征求意见稿');
  });

  it('is a sound Word file whose paragraphs read back in order (LibreOffice: reply-letter.libreoffice.test.ts)', async () => {
    const { paragraphs } = await readWordDocument(await replyLetterDocument(letter));
    const at = (text: string) => paragraphs.findIndex((paragraph) => paragraph.includes(text));
    const order = [
      '关于政协示例市委员会十届五次会议第0007号提案的答复',
      '张委员、李委员委员：',
      '特此答复。',
      '二〇二六年七月一日',
    ];
    for (const text of order) expect(at(text), text).toBeGreaterThanOrEqual(0);
    expect(order.map(at)).toEqual(order.map(at).sort((a, b) => a - b));
    expect(paragraphs).toContain('明年完成 12 个乡镇改造。');
  });
});

describe('reply letter download', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;
  let other: AssignmentCommittee;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(new Date('2026-07-01T02:00:00Z'));
    city = await createAssignmentCommittee(test.dependencies);
    other = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
  });
  afterAll(async () => test.close());

  it('gives the unit its draft, the proposer the sent letter only, nobody else anything', async () => {
    const { assignments } = await startHandling(test, city, { mode: 'sole', units: ['reform'] });
    const item = assignments.reform;
    await request('POST', `/assignments/${item.id}/contacts`, 'reform', contactBody('2026-07-01'));
    const draft: Json = (await request('POST', `/assignments/${item.id}/replies`, 'reform', replyBody())).json();
    const url = `/replies/${draft.id}/letter.docx`;
    const unitDraft = await request('GET', url, 'reform');
    expect(unitDraft.statusCode).toBe(200);
    expect(unitDraft.headers['content-type']).toContain('wordprocessingml');
    expect(await docxText(unitDraft.rawPayload)).toContain('征求意见稿');
    expect((await request('GET', url, 'lead')).statusCode).toBe(404);
    const submitted = (await request('POST', `/replies/${draft.id}/actions/submit`, 'reform', {}, draft.version)).json();
    await request('POST', `/replies/${draft.id}/actions/sign_off_and_send`, 'reformLeader', {}, submitted.version);
    const sent = await request('GET', url, 'lead');
    expect(sent.statusCode).toBe(200);
    expect(await docxText(sent.rawPayload)).toContain('特此答复。');
    expect((await request('GET', url, 'outsider')).statusCode).toBe(404);
    expect((await request('GET', url, 'housing')).statusCode).toBe(404);
    const foreign = await test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: other.as('proposal_office') });
    expect(foreign.statusCode).toBe(404);
  });
});
