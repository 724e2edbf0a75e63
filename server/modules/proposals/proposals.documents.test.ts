import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWordDocument } from '../../test/office-files.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  type AssignmentNoticeData,
  assignmentNoticeDocument,
  chineseDate,
  numberText,
  type ProposalDocumentData,
  proposalDocument,
} from './proposals.documents.ts';
import { seedProposalRecords } from './proposals.records.test-support.ts';
import { call, TODAY } from './proposals.test-support.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The visible text of a .docx (word/document.xml without its tags), and the XML itself. */
async function docxText(buffer: Buffer): Promise<{ text: string; xml: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
  return { text, xml };
}

const proposal: ProposalDocumentData = {
  committeeName: '上海市闵行区委员会',
  sessionName: '十届五次会议',
  number: '0007',
  title: '关于老旧小区加装电梯的建议',
  authorName: '张委员',
  coSignerNames: ['李委员', '王委员'],
  categoryName: '城乡建设',
  kindName: '大会提案',
  submittedOn: '2026-01-10',
  background: '老旧小区居民老龄化严重。\n\n上下楼困难。',
  suggestions: '一是简化审批；\n二是加大补贴。',
  supplements: [{ text: '补充：已走访十个小区。', authorName: '张委员', createdOn: '2026-01-12' }],
};

const notice: AssignmentNoticeData = {
  committeeName: '上海市闵行区委员会',
  sessionName: '十届五次会议',
  unitName: '区住房和城乡建设管理委员会',
  documentNumber: '闵政协提〔2026〕3号',
  issuedOn: '2026-01-10',
  replyDueMonths: 3,
  coHandlerDueMonths: 1,
  adjustmentWindowWorkingDays: 5,
  items: [
    { number: '0001', title: '关于保障性住房建设的建议', proposerName: '李委员', roleName: '主办', dueOn: '2026-04-10' },
    { number: '0012', title: '关于公共停车的建议', proposerName: '民盟区委', roleName: '会办', dueOn: '2026-02-10' },
  ],
};

describe('proposal documents (Word)', () => {
  it('writes dates and numbers the way official documents do', () => {
    expect(chineseDate('2026-01-10')).toBe('二〇二六年一月十日');
    expect(chineseDate('2025-12-31')).toBe('二〇二五年十二月三十一日');
    expect(chineseDate('2030-02-20')).toBe('二〇三〇年二月二十日');
    expect(numberText('7')).toBe('第0007号');
    expect(numberText('第0007号')).toBe('第0007号');
    expect(numberText(null)).toContain('未立案');
  });

  it('puts the proposal in the standard form: heading, number, facts, 案由, 情况分析, 建议, supplements', async () => {
    const { text, xml } = await docxText(await proposalDocument(proposal));
    for (const expected of [
      '政协上海市闵行区委员会十届五次会议提案',
      '第0007号',
      '提案人张委员',
      '类别城乡建设',
      '联名人李委员、王委员',
      '提交时间2026年1月10日',
      '案由关于老旧小区加装电梯的建议',
      '情况分析老旧小区居民老龄化严重。上下楼困难。',
      '建议一是简化审批；二是加大补贴。',
      '补充材料补充：已走访十个小区。',
    ]) {
      expect(text).toContain(expected);
    }
    expect(xml).toContain('w:eastAsia="FangSong"');
  });

  it('lays out the assignment notice: red title, 文号, salutation, count and deadlines, table, date', async () => {
    const { text, xml } = await docxText(await assignmentNoticeDocument(notice));
    for (const expected of [
      '政协上海市闵行区委员会提案委员会',
      '闵政协提〔2026〕3号',
      '关于交办十届五次会议提案的通知',
      '区住房和城乡建设管理委员会：',
      '十届五次会议提案2件',
      '3个月内办结',
      '1个月内将会办意见',
      '5个工作日内提出调整申请',
      '序号提案号案由提案人办理方式答复期限',
      '1第0001号关于保障性住房建设的建议李委员主办2026年4月10日',
      '2第0012号关于公共停车的建议民盟区委会办2026年2月10日',
      '特此通知。',
      '二〇二六年一月十日',
    ]) {
      expect(text).toContain(expected);
    }
    expect(xml).toContain('w:color w:val="C00000"');
    expect(xml).toMatch(/w:eastAsia="(SimSun|FangSong)"/);
  });

  it('writes both as sound Word files: the notice table reads back row by row (LibreOffice: proposals.libreoffice.test.ts)', async () => {
    expect((await readWordDocument(await proposalDocument(proposal))).paragraphs).toContain('案由');
    const { tables } = await readWordDocument(await assignmentNoticeDocument(notice));
    expect(tables[0]).toEqual([
      ['序号', '提案号', '案由', '提案人', '办理方式', '答复期限'],
      ['1', '第0001号', '关于保障性住房建设的建议', '李委员', '主办', '2026年4月10日'],
      ['2', '第0012号', '关于公共停车的建议', '民盟区委', '会办', '2026年2月10日'],
    ]);
  });
});

describe('proposals API: Word documents', () => {
  let test: TestApp;
  let city: Awaited<ReturnType<typeof seedProposalRecords>>;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(TODAY);
    city = await seedProposalRecords(test.dependencies);
  });
  afterAll(async () => test.close());

  it('sends the proposal form to its readers as a .docx with a UTF-8 file name', async () => {
    const response = await call(test, 'GET', `/proposals/${city.rows.p1.id}/document`, city.as('lead'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(DOCX_TYPE);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="document.docx"; filename\*=UTF-8''%E6%8F%90/);
    const { text } = await docxText(response.rawPayload);
    for (const expected of [
      '十届五次会议提案',
      '未立案',
      '提案人张委员',
      '类别经济建设',
      '联名人王委员',
      '关于老城区加装电梯的建议',
      '补充材料',
    ]) {
      expect(text).toContain(expected);
    }
    const filed = await call(test, 'GET', `/proposals/${city.rows.p4.id}/document`, city.as('supervisor'));
    expect((await docxText(filed.rawPayload)).text).toContain('第0001号');
    for (const who of ['co1', 'unitA', 'supervisor']) {
      const refused = await call(test, 'GET', `/proposals/${city.rows.p1.id}/document`, city.as(who));
      expect(refused.statusCode, who).toBe(404);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('sends a unit its assignment notice of a batch, with the batch 文号 and its deadlines', async () => {
    const url = `/assignment-notices/document?unitId=${city.unitIds.a}&batchId=${city.batchId}`;
    for (const who of ['proposal_office', 'unitA']) {
      const response = await call(test, 'GET', url, city.as(who));
      expect(response.statusCode, who).toBe(200);
      expect(response.headers['content-type']).toBe(DOCX_TYPE);
      const { text } = await docxText(response.rawPayload);
      for (const expected of [
        '政协提〔2026〕3号',
        '关于交办十届五次会议提案的通知',
        '市住房和城乡建设局：',
        '提案1件',
        '第0001号',
        '关于保障性住房建设的建议',
        '李委员',
        '主办',
        '2026年4月9日',
        '二〇二六年一月九日',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain('河道治理');
    }
    const coHandler = await call(
      test,
      'GET',
      `/assignment-notices/document?unitId=${city.unitIds.b}&batchId=${city.batchId}`,
      city.as('unitB'),
    );
    expect((await docxText(coHandler.rawPayload)).text).toContain('会办2026年2月9日');
  });

  it('covers a whole session when asked by session, with a generated 文号, live assignments only', async () => {
    const url = `/assignment-notices/document?unitId=${city.unitIds.b}&sessionId=${city.sessionIds.previous}`;
    const response = await call(test, 'GET', url, city.as('unitB'));
    expect(response.statusCode).toBe(200);
    const { text } = await docxText(response.rawPayload);
    expect(text).toContain('关于河道治理的建议');
    expect(text).toContain('单办');
    expect(text).toContain('政协提〔2026〕U02号');
    const replaced = await call(
      test,
      'GET',
      `/assignment-notices/document?unitId=${city.unitIds.a}&sessionId=${city.sessionIds.previous}`,
      city.as('unitA'),
    );
    expect(replaced.statusCode).toBe(404);
    expect(replaced.json().detail).toContain('没有承办的提案');
  });

  it.each([
    ['another unit’s notice', 'unitB', 'unitId=UNIT_A&batchId=BATCH', 403],
    ['a member', 'lead', 'unitId=UNIT_A&batchId=BATCH', 403],
    ['a unit user without a unit', 'unit_handler', 'unitId=UNIT_A&batchId=BATCH', 403],
    ['neither batch nor session', 'proposal_office', 'unitId=UNIT_A', 400],
    ['both batch and session', 'proposal_office', 'unitId=UNIT_A&batchId=BATCH&sessionId=SESSION', 400],
    ['a malformed unit id', 'proposal_office', 'unitId=abc&batchId=BATCH', 400],
    ['an unknown unit', 'proposal_office', 'unitId=01900000-0000-7000-8000-000000000000&batchId=BATCH', 404],
    ['an unknown batch', 'proposal_office', 'unitId=UNIT_A&batchId=01900000-0000-7000-8000-000000000000', 404],
  ])('refuses %s', async (_name, who, template, status) => {
    const query = template
      .replace('UNIT_A', city.unitIds.a)
      .replace('BATCH', city.batchId)
      .replace('SESSION', city.sessionIds.current);
    const response = await call(test, 'GET', `/assignment-notices/document?${query}`, city.as(who));
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toMatch(/[\u4e00-\u9fff]/);
  });
});
