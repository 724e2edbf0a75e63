import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Statistics } from '../../../contracts/statistics.ts';
import { writeSheet } from '../people/people.excel.ts';
import { chineseDate } from '../proposals/proposals.documents.ts';
import { statisticsCells, statisticsColumns } from './statistics.table.ts';

/** The statistics as an Excel sheet, with the definitions on a second sheet. */
export function statisticsWorkbook(statistics: Statistics): Promise<Buffer> {
  const rows = statistics.groupBy === 'none' ? [statistics.total] : [statistics.total, ...statistics.rows];
  return writeSheet({
    sheetName: '提案办理统计',
    columns: statisticsColumns(statistics),
    rows: rows.map((row, index) => {
      const cells = statisticsCells(row, statistics);
      if (index === 0 && statistics.groupBy !== 'none') cells[0] = `合计（${row.name}）`;
      return cells;
    }),
    widths: { 分组: 24, 会议: 24, 立案率: 18, 办复率: 18, 按期办复率: 18, 满意率: 18, 见面率: 18 },
    notes: {
      title: '指标说明',
      lines: [`统计日：${statistics.today}`, ...statistics.definitions.map((item) => `${item.name}：${item.definition}`)],
    },
  });
}

const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'FangSong', cs: 'FangSong' };
const headingFont = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimHei', cs: 'SimHei' };

function cell(text: string | number, bold = false): TableCell {
  return new TableCell({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: String(text), font, size: 18, bold })] }),
    ],
  });
}

function table(statistics: Statistics, grouped: Statistics): Table {
  const columns = statisticsColumns(grouped);
  const rows = grouped.groupBy === 'none' ? [statistics.total] : grouped.rows;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((column) => cell(column, true)) }),
      ...rows.map((row) => new TableRow({ children: statisticsCells(row, grouped).map((value) => cell(value)) })),
    ],
  });
}

/**
 * The tables of the annual proposal work report (提案工作报告附表) in Word: the session in total, then by unit,
 * category and proposer type, and the definitions.
 */
export function statisticsReport(committeeName: string, tables: { title: string; statistics: Statistics }[]): Promise<Buffer> {
  const [first] = tables;
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [
        new TextRun({ text: `${committeeName}${first.statistics.sessionName}提案办理情况统计表`, font: headingFont, size: 36 }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [new TextRun({ text: `（统计截至${chineseDate(first.statistics.today)}）`, font, size: 24 })],
    }),
  ];
  const sections: (Paragraph | Table)[] = [...children];
  tables.forEach(({ title, statistics }, index) => {
    sections.push(
      new Paragraph({
        spacing: { before: 300, after: 120 },
        children: [new TextRun({ text: `表${index + 1}　${title}`, font: headingFont, size: 28 })],
      }),
      table(first.statistics, statistics),
    );
  });
  sections.push(
    new Paragraph({ spacing: { before: 300 }, children: [new TextRun({ text: '指标说明', font: headingFont, size: 24 })] }),
    ...first.statistics.definitions.map(
      (item) => new Paragraph({ children: [new TextRun({ text: `${item.name}：${item.definition}`, font, size: 21 })] }),
    ),
  );
  const document = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: 16838, height: 11906, orientation: 'landscape' },
            margin: { top: 1440, bottom: 1440, left: 1200, right: 1200 },
          },
        },
        children: sections,
      },
    ],
  });
  return Packer.toBuffer(document);
}
