import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { officePackageProblems, readWordDocument, readWorkbook } from './office-files.ts';

/** A small Word file with a heading, a paragraph with a tab and a 2×2 table. */
async function sampleDocument(): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('提案办理情况统计表')] }),
          new Paragraph({ children: [new TextRun('办复率'), new TextRun('66.7%')] }),
          new Table({
            rows: [
              new TableRow({ children: [cell('分组'), cell('立案')] }),
              new TableRow({ children: [cell('合计'), cell('4')] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** A small workbook: a header row, a row of text and numbers, a second sheet. */
async function sampleWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('提案办理统计');
  sheet.addRow(['分组', '提交', '办复率']);
  sheet.addRow(['市发展和改革委员会', 3, '66.7%（2/3）']);
  workbook.addWorksheet('指标说明').addRow(['立案率：立案数 ÷ 提交数']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same package with one part rewritten (or removed when `edit` returns null). */
async function withPart(buffer: Buffer, name: string, edit: (text: string) => string | null): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const text = await (zip.file(name) as JSZip.JSZipObject).async('string');
  const changed = edit(text);
  if (changed === null) zip.remove(name);
  else zip.file(name, changed);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('Office files read back with Node only (the documents tier adds LibreOffice)', () => {
  it('reads a sound Word file: paragraphs in order, table cells by row', async () => {
    const buffer = await sampleDocument();
    expect(await officePackageProblems(buffer)).toEqual([]);
    const document = await readWordDocument(buffer);
    expect(document.paragraphs.slice(0, 2)).toEqual(['提案办理情况统计表', '办复率66.7%']);
    expect(document.tables).toEqual([
      [
        ['分组', '立案'],
        ['合计', '4'],
      ],
    ]);
  });

  it('reads a sound workbook: sheets by name, shared strings and numbers in their cells', async () => {
    const workbook = await readWorkbook(await sampleWorkbook());
    expect(workbook.sheetNames).toEqual(['提案办理统计', '指标说明']);
    expect(workbook.sheets.提案办理统计).toEqual([
      ['分组', '提交', '办复率'],
      ['市发展和改革委员会', 3, '66.7%（2/3）'],
    ]);
    expect(workbook.sheets.指标说明).toEqual([['立案率：立案数 ÷ 提交数']]);
  });

  it.each([
    ['a file that is not a zip', async () => Buffer.from('PK not really a zip'), /not a zip file/],
    [
      'an element left open',
      async () => withPart(await sampleDocument(), 'word/document.xml', (xml) => xml.replace('</w:body>', '')),
      /word\/document\.xml is not well-formed XML/,
    ],
    [
      'a control character in the text (XML 1.0 forbids it)',
      async () => withPart(await sampleDocument(), 'word/document.xml', (xml) => xml.replace('办复率', '办复\u0001率')),
      /word\/document\.xml is not well-formed XML.*disallowed character/s,
    ],
    [
      'a namespace prefix never declared',
      async () => withPart(await sampleDocument(), 'word/document.xml', (xml) => xml.replace(/<w:body>/, '<w:body><q:x/>')),
      /word\/document\.xml is not well-formed XML.*prefix/s,
    ],
    [
      'a relationship to a part that is missing',
      async () => withPart(await sampleDocument(), 'word/styles.xml', () => null),
      /word\/_rels\/document\.xml\.rels: .* points to word\/styles\.xml, which is missing/,
    ],
    [
      'a part without a content type',
      async () => {
        const zip = await JSZip.loadAsync(await sampleDocument());
        return zip.file('word/media/logo.bin', 'x').generateAsync({ type: 'nodebuffer' });
      },
      /word\/media\/logo\.bin has no content type/,
    ],
    [
      'no content types at all',
      async () => withPart(await sampleWorkbook(), '[Content_Types].xml', () => null),
      /\[Content_Types\]\.xml is missing/,
    ],
  ])('finds %s', async (_name, broken, problem) => {
    const buffer = await broken();
    expect((await officePackageProblems(buffer)).join('\n')).toMatch(problem);
    await expect(readWordDocument(buffer)).rejects.toThrow(problem);
  });

  it('refuses a workbook whose cell names a shared string that is missing', async () => {
    const broken = await withPart(await sampleWorkbook(), 'xl/sharedStrings.xml', (xml) =>
      xml.replace(/<si>.*<\/si>/s, '<si><t>分组</t></si>'),
    );
    expect(await officePackageProblems(broken)).toEqual([]);
    await expect(readWorkbook(broken)).rejects.toThrow(/names shared string \d+, which is missing/);
  });

  it('refuses a Word file where a workbook is expected, and the other way round', async () => {
    await expect(readWorkbook(await sampleDocument())).rejects.toThrow(/not a workbook/);
    await expect(readWordDocument(await sampleWorkbook())).rejects.toThrow(/not a Word document/);
  });
});
