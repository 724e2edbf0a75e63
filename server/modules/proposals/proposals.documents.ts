import {
  AlignmentType,
  BorderStyle,
  Document,
  type IRunOptions,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { proposalFieldLabels } from '../../../contracts/proposals.ts';

/** Fonts of official documents (党政机关公文格式 practice): 仿宋 for text, 黑体 for headings, 宋体 for the red title. */
const fonts = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'FangSong', cs: 'FangSong' },
  heading: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimHei', cs: 'SimHei' },
  title: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'SimSun' },
};
/** Sizes in half-points: 二号 22pt, 小二 18pt, 三号 16pt, 四号 14pt, 小四 12pt. */
const sizes = { erhao: 44, xiaoer: 36, sanhao: 32, sihao: 28, xiaosi: 24 };
const RED = 'C00000';
/** A4 with the official margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twentieths of a point. */
const page = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
};

/** The data of a proposal in its standard printed form. */
export type ProposalDocumentData = {
  committeeName: string;
  sessionName: string;
  /** The 提案号 as stored ("0001" or "第0001号"); null before filing. */
  number: string | null;
  title: string;
  /** The lead proposer's name, or the collective author's. */
  authorName: string;
  coSignerNames: string[];
  categoryName: string | null;
  /** 大会提案 / 平时提案 */
  kindName: string;
  /** The date it was submitted (YYYY-MM-DD, committee time zone), null for a draft. */
  submittedOn: string | null;
  background: string;
  suggestions: string;
  supplements: { text: string; authorName: string; createdOn: string }[];
};

/** One row of an assignment notice's table. */
export type NoticeItem = {
  number: string | null;
  title: string;
  proposerName: string;
  /** 单办 / 分办 / 主办 / 会办 */
  roleName: string;
  /** YYYY-MM-DD */
  dueOn: string;
};

/** The data of one unit's assignment notice (交办通知). */
export type AssignmentNoticeData = {
  committeeName: string;
  sessionName: string;
  unitName: string;
  /** 文号, e.g. 政协提〔2026〕3号 */
  documentNumber: string;
  /** The date of the notice (YYYY-MM-DD). */
  issuedOn: string;
  replyDueMonths: number;
  coHandlerDueMonths: number;
  adjustmentWindowWorkingDays: number;
  items: NoticeItem[];
};

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A number 1–99 in Chinese as dates write it: 十, 十一, 二十, 三十一. */
function chineseNumber(value: number): string {
  if (value < 10) return CHINESE_DIGITS[value];
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`;
}

/** A date (YYYY-MM-DD) in the Chinese of official documents: 二〇二六年一月十日. */
export function chineseDate(day: string): string {
  const [year, month, date] = day.split('-');
  const yearText = [...year].map((digit) => CHINESE_DIGITS[Number(digit)]).join('');
  return `${yearText}年${chineseNumber(Number(month))}月${chineseNumber(Number(date))}日`;
}

/** A date (YYYY-MM-DD) with Arabic numerals: 2026年1月10日. */
export function arabicDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${Number(year)}年${Number(month)}月${Number(date)}日`;
}

/** The display form of a 提案号: "第0001号"; a placeholder before filing. */
export function numberText(number: string | null): string {
  if (!number) return '第    号（未立案）';
  if (number.startsWith('第')) return number;
  return `第${/^\d+$/.test(number) ? number.padStart(4, '0') : number}号`;
}

/** The committee as titles name it: "政协" before the name unless the name already says so. */
export function committeeTitle(name: string): string {
  return /政协|政治协商会议/.test(name) ? name : `政协${name}`;
}

/** A run of text in the body font unless told otherwise. */
function run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ font: fonts.body, size: sizes.sanhao, ...options, text });
}

/** A body paragraph: first line indented two characters, lines at 28 pt. */
function bodyParagraph(text: string, options: { indent?: boolean; alignment?: 'left' | 'right' | 'center' } = {}) {
  return new Paragraph({
    children: [run(text)],
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

/** Paragraphs of a multi-line text (blank lines dropped), each indented. */
function textBlock(text: string): Paragraph[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.length > 0 ? lines : ['（无）']).map((line) => bodyParagraph(line));
}

/** A section heading in 黑体. */
function heading(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, { font: fonts.heading })],
    spacing: { before: 240, after: 120, line: 560 },
  });
}

/** A table cell with its text in the given font size; header cells are bold and centred. */
function cell(text: string, options: { width: number; header?: boolean; size?: number; center?: boolean }): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [
      new Paragraph({
        alignment: options.header || options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [
          run(text, {
            size: options.size ?? sizes.sihao,
            bold: options.header,
            font: options.header ? fonts.heading : fonts.body,
          }),
        ],
      }),
    ],
  });
}

/** Packs a one-section A4 document. */
function pack(children: (Paragraph | Table)[], title: string): Promise<Buffer> {
  const document = new Document({
    creator: '数字政协',
    title,
    styles: { default: { document: { run: { font: fonts.body, size: sizes.sanhao } } } },
    sections: [{ properties: { page }, children }],
  });
  return Packer.toBuffer(document);
}

/** The proposal in the standard form (提案正式文本): heading, number, facts table, 案由, 情况分析, 建议, supplements. */
export function proposalDocument(data: ProposalDocumentData): Promise<Buffer> {
  const facts: [string, string][] = [
    ['提案人', data.authorName],
    ['类别', data.categoryName ?? '（未分类）'],
    ['联名人', data.coSignerNames.length > 0 ? data.coSignerNames.join('、') : '（无）'],
    ['提交时间', data.submittedOn ? arabicDate(data.submittedOn) : '（未提交）'],
  ];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: facts.map(
      ([label, value]) => new TableRow({ children: [cell(label, { width: 22, header: true }), cell(value, { width: 78 })] }),
    ),
  });
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [
        run(`${committeeTitle(data.committeeName)}${data.sessionName}提案`, {
          font: fonts.title,
          size: sizes.erhao,
          bold: true,
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(`${numberText(data.number)}　（${data.kindName}）`, { size: sizes.sanhao })],
    }),
    table,
    heading(proposalFieldLabels.title),
    bodyParagraph(data.title),
    heading(proposalFieldLabels.background),
    ...textBlock(data.background),
    heading(proposalFieldLabels.suggestions),
    ...textBlock(data.suggestions),
  ];
  data.supplements.forEach((supplement, index) => {
    children.push(heading(`补充材料${data.supplements.length > 1 ? `（${index + 1}）` : ''}`));
    children.push(...textBlock(supplement.text));
    children.push(bodyParagraph(`${supplement.authorName}　${arabicDate(supplement.createdOn)}`, { alignment: 'right' }));
  });
  return pack(children, `${numberText(data.number)} ${data.title}`);
}

/** The body paragraph of a notice: how many proposals, and the deadline rules of the committee. */
export function noticeBodyText(data: AssignmentNoticeData): string {
  return (
    `根据政协提案工作有关规定，经审查立案，现将${data.sessionName}提案${data.items.length}件交由你单位办理（目录附后）。` +
    `请自交办之日起${data.replyDueMonths}个月内办结并书面答复提案人，答复期限见下表；` +
    `会办单位请在${data.coHandlerDueMonths}个月内将会办意见送主办单位；` +
    `对交办有异议的，请在交办之日起${data.adjustmentWindowWorkingDays}个工作日内提出调整申请，逾期视为同意承办。`
  );
}

/** The assignment notice (交办通知) of one unit, in the official layout: red title, 文号, body, table, closing. */
export function assignmentNoticeDocument(data: AssignmentNoticeData): Promise<Buffer> {
  const office = `${committeeTitle(data.committeeName)}提案委员会`;
  const widths = [8, 14, 38, 14, 10, 16];
  const headerRow = new TableRow({
    tableHeader: true,
    children: ['序号', '提案号', '案由', '提案人', '办理方式', '答复期限'].map((text, index) =>
      cell(text, { width: widths[index], header: true, size: sizes.xiaosi }),
    ),
  });
  const rows = data.items.map(
    (item, index) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(String(index + 1), { width: widths[0], size: sizes.xiaosi, center: true }),
          cell(numberText(item.number), { width: widths[1], size: sizes.xiaosi, center: true }),
          cell(item.title, { width: widths[2], size: sizes.xiaosi }),
          cell(item.proposerName, { width: widths[3], size: sizes.xiaosi, center: true }),
          cell(item.roleName, { width: widths[4], size: sizes.xiaosi, center: true }),
          cell(arabicDate(item.dueOn), { width: widths[5], size: sizes.xiaosi, center: true }),
        ],
      }),
  );
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(office, { font: fonts.title, size: sizes.erhao, bold: true, color: RED, characterSpacing: 40 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, color: RED, size: 18, space: 6 } },
      spacing: { after: 360 },
      children: [run(data.documentNumber)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 360, line: 560 },
      children: [run(`关于交办${data.sessionName}提案的通知`, { font: fonts.title, size: sizes.xiaoer, bold: true })],
    }),
    bodyParagraph(`${data.unitName}：`, { indent: false }),
    bodyParagraph(noticeBodyText(data)),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [headerRow, ...rows] }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    bodyParagraph('特此通知。'),
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    bodyParagraph(office, { alignment: 'right', indent: false }),
    bodyParagraph(chineseDate(data.issuedOn), { alignment: 'right', indent: false }),
  ];
  return pack(children, `关于交办${data.sessionName}提案的通知（${data.unitName}）`);
}
