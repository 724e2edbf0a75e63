import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeSheet } from '../../modules/people/people.excel.ts';
import { excelCellValue } from './excel-cells.ts';

describe('Excel cells: formula-looking text is written as text with a leading apostrophe', () => {
  it.each([
    ['=HYPERLINK("http://x","点我")', '\'=HYPERLINK("http://x","点我")'],
    ['+86 138', "'+86 138"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['关于=号的建议', '关于=号的建议'],
    ['0001', '0001'],
    ['', ''],
    [' =1', ' =1'],
  ])('%j is written as %j', (input, output) => {
    expect(excelCellValue(input)).toBe(output);
  });

  it('leaves numbers (also negative ones) and empty cells as they are', () => {
    expect(excelCellValue(-5)).toBe(-5);
    expect(excelCellValue(12.5)).toBe(12.5);
    expect(excelCellValue(null)).toBeNull();
  });

  it('every sheet written by the shared writer reads back with the apostrophe, as text, and no formula', async () => {
    const buffer = await writeSheet({
      sheetName: '导出',
      columns: ['标题', '数量'],
      rows: [
        ['=1+1', -3],
        ['@cmd|"/c calc"!A1', 2],
        ['普通标题', 1],
      ],
      notes: { title: '说明', lines: ['-说明第一行', '第二行'] },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const [sheet, notes] = workbook.worksheets;
    const values = [2, 3, 4].map((row) => [sheet.getCell(row, 1).value, sheet.getCell(row, 2).value]);
    expect(values).toEqual([
      ["'=1+1", -3],
      ['\'@cmd|"/c calc"!A1', 2],
      ['普通标题', 1],
    ]);
    for (const row of [2, 3, 4]) expect(sheet.getCell(row, 1).type).toBe(ExcelJS.ValueType.String);
    expect(notes.getCell(1, 1).value).toBe("'-说明第一行");
  });
});
