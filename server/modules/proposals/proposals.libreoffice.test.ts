import { describe, expect, it } from 'vitest';
import { convertWithLibreOffice } from '../../test/libreoffice.ts';
import { type AssignmentNoticeData, assignmentNoticeDocument, proposalDocument } from './proposals.documents.ts';

/** A long proposal (several pages, many co-signers and supplements) and a notice whose table runs over a page. */
const paragraph = '老旧小区居民老龄化严重，上下楼困难，加装电梯意愿强烈，但资金筹措和邻里协调难度较大。';
const notice: AssignmentNoticeData = {
  committeeName: '上海市闵行区委员会',
  sessionName: '十届五次会议',
  unitName: '区住房和城乡建设管理委员会',
  documentNumber: '闵政协提〔2026〕3号',
  issuedOn: '2026-01-10',
  replyDueMonths: 3,
  coHandlerDueMonths: 1,
  adjustmentWindowWorkingDays: 5,
  items: Array.from({ length: 40 }, (_, index) => ({
    number: String(index + 1).padStart(4, '0'),
    title: `关于完善城市更新第${index + 1}项配套政策的建议`,
    proposerName: index % 3 === 0 ? '民盟区委' : '李委员',
    roleName: index % 2 === 0 ? '主办' : '会办',
    dueOn: index % 2 === 0 ? '2026-04-10' : '2026-02-10',
  })),
};

describe('proposal documents in LibreOffice', () => {
  it('converts the proposal form and the assignment notice to PDF', async () => {
    const sizes = convertWithLibreOffice([
      {
        name: 'proposal.docx',
        content: await proposalDocument({
          committeeName: '上海市闵行区委员会',
          sessionName: '十届五次会议',
          number: '0007',
          title: '关于老旧小区加装电梯的建议',
          authorName: '张委员',
          coSignerNames: Array.from({ length: 12 }, (_, index) => `联名委员${index + 1}`),
          categoryName: '城乡建设',
          kindName: '大会提案',
          submittedOn: '2026-01-10',
          background: Array.from({ length: 30 }, () => paragraph).join('\n\n'),
          suggestions: '一是简化审批；\n二是加大补贴；\n三是建立协调机制。',
          supplements: [
            { text: '补充：已走访十个小区。', authorName: '张委员', createdOn: '2026-01-12' },
            { text: '补充：附居民意见汇总。', authorName: '联名委员1', createdOn: '2026-01-15' },
          ],
        }),
      },
      { name: 'notice.docx', content: await assignmentNoticeDocument(notice) },
    ]);
    expect(sizes).toHaveLength(2);
    for (const size of sizes) expect(size).toBeGreaterThan(1000);
  });
});
