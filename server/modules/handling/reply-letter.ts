import { AlignmentType, BorderStyle, Document, type IRunOptions, Packer, Paragraph, TextRun } from 'docx';
import { chineseDate, committeeTitle, numberText } from '../proposals/proposals.documents.ts';

/** Fonts of official documents: 仿宋 body, 黑体 headings, 宋体 (red) for the issuing unit. */
const fonts = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'FangSong', cs: 'FangSong' },
  heading: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimHei', cs: 'SimHei' },
  title: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'SimSun' },
};
/** Half-points: 小初 36pt (the unit's red header), 二号 22pt, 三号 16pt, 四号 14pt. */
const sizes = { xiaochu: 72, erhao: 44, sanhao: 32, sihao: 28 };
const RED = 'C00000';
/** A4 with the official margins (37/35/28/26 mm). */
const page = { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } };

/** What a reply letter (答复函) prints. */
export type ReplyLetterData = {
  committeeName: string;
  sessionName: string;
  /** The 提案号 ("0007"); null when the proposal has none. */
  proposalNumber: string | null;
  proposalTitle: string;
  unitName: string;
  /** The proposers' names, for the salutation. */
  proposerNames: string[];
  kind: 'reply' | 'follow_up';
  round: number;
  resultClass: string | null;
  resultClassName: string | null;
  text: string;
  /** The date the reply went out (YYYY-MM-DD), or the draft's date. */
  sentOn: string;
  /** False while not yet sent: the letter is marked as a draft (征求意见稿). */
  sent: boolean;
  followUpDueOn: string | null;
  contactPerson: string;
  contactPhone: string;
};

function run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ font: fonts.body, size: sizes.sanhao, ...options, text });
}

function line(
  text: string,
  options: { indent?: boolean; alignment?: 'left' | 'right' | 'center'; runs?: Omit<IRunOptions, 'text'> } = {},
) {
  return new Paragraph({
    children: [run(text, options.runs)],
    alignment:
      options.alignment === 'right'
        ? AlignmentType.RIGHT
        : options.alignment === 'center'
          ? AlignmentType.CENTER
          : AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: 560 },
  });
}

/** The title of the letter: 关于政协<会议>第<号>号提案的答复 (a follow-up report says so). */
export function replyLetterTitle(
  data: Pick<ReplyLetterData, 'committeeName' | 'sessionName' | 'proposalNumber' | 'proposalTitle' | 'kind' | 'round'>,
): string {
  const which = data.proposalNumber
    ? `第${numberText(data.proposalNumber).replace(/^第|号$/g, '')}号提案`
    : `“${data.proposalTitle}”提案`;
  const what = data.kind === 'follow_up' ? '办理情况的报告' : data.round > 1 ? '的再次答复' : '的答复';
  return `关于${committeeTitle(data.committeeName)}${data.sessionName}${which}${what}`;
}

/**
 * The reply letter as a Word file in official layout: the unit's name in red over a red rule, the class mark at
 * the top right, the title, the salutation to the proposers, the reply in paragraphs, the closing, the unit and
 * date at the right, then the contact line and the copy to the committee's proposal committee.
 */
export function replyLetterDocument(data: ReplyLetterData): Promise<Buffer> {
  const paragraphs = data.text
    .split(/\r?\n/)
    .map((text) => text.trim())
    .filter(Boolean);
  const classMark = data.kind === 'reply' && data.resultClass ? `${data.resultClass}类` : '';
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(classMark || ' ', { font: fonts.heading })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
      children: [new TextRun({ text: data.unitName, font: fonts.title, size: sizes.xiaochu, color: RED, bold: true })],
    }),
    ...(data.sent ? [] : [line('（征求意见稿，未签发）', { alignment: 'center', indent: false, runs: { font: fonts.heading } })]),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 360, line: 640 },
      children: [new TextRun({ text: replyLetterTitle(data), font: fonts.title, size: sizes.erhao })],
    }),
    line(`${data.proposerNames.length > 0 ? data.proposerNames.join('、') : '提案人'}委员：`, { indent: false }),
    line(
      `您（们）在${committeeTitle(data.committeeName)}${data.sessionName}期间提出的《${data.proposalTitle}》收悉。现${data.kind === 'follow_up' ? '将后续办理情况报告' : '答复'}如下：`,
    ),
    ...(paragraphs.length > 0 ? paragraphs : ['（无）']).map((text) => line(text)),
    ...(data.followUpDueOn ? [line(`我单位将于${chineseDate(data.followUpDueOn)}前报告后续办理情况。`)] : []),
    line('感谢您对我们工作的关心和支持。'),
    line('特此答复。', { indent: true }),
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    line(data.unitName, { alignment: 'right', indent: false }),
    line(chineseDate(data.sentOn), { alignment: 'right', indent: false }),
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    line(`（联系人：${data.contactPerson}，联系电话：${data.contactPhone}）`, { indent: false, runs: { size: sizes.sihao } }),
    line(`抄送：${committeeTitle(data.committeeName)}提案委员会`, { indent: false, runs: { size: sizes.sihao } }),
  ];
  const document = new Document({
    creator: '数字政协',
    title: replyLetterTitle(data),
    styles: { default: { document: { run: { font: fonts.body, size: sizes.sanhao } } } },
    sections: [{ properties: { page }, children }],
  });
  return Packer.toBuffer(document);
}
