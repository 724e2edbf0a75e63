import type { ReplyLetterData } from './reply-letter.ts';

/** A sent class-B reply letter of two proposers, for the letter's document tests. */
export const sampleReplyLetter: ReplyLetterData = {
  committeeName: '示例市委员会',
  sessionName: '十届五次会议',
  proposalNumber: '0007',
  proposalTitle: '关于加快县域商业体系建设的建议',
  unitName: '市发展和改革委员会',
  proposerNames: ['张委员', '李委员'],
  kind: 'reply',
  round: 1,
  resultClass: 'B',
  resultClassName: '所提问题列入计划拟逐步解决',
  text: '经研究，我委将编制县域商业网点规划。\n\n明年完成 12 个乡镇改造。',
  sentOn: '2026-07-01',
  sent: true,
  followUpDueOn: '2027-01-31',
  contactPerson: '王建国',
  contactPhone: '0571-87051234',
};
