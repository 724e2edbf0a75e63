import ExcelJS from 'exceljs';
import type { ImportError } from '../../../contracts/people.ts';
import { badRequest, Problem } from '../../platform/http/problem.ts';

/** Most data rows one import accepts; larger rosters are split into several files. */
export const MAX_IMPORT_ROWS = 5000;
/** Most errors listed in one answer; the detail says how many there were. */
const MAX_LISTED_ERRORS = 500;

/** One data row of an uploaded sheet: its row number and its cells by header. */
export type SheetRow = { row: number; cells: Map<string, string> };

/** The text of a cell whatever Excel stored: numbers, dates, rich text, hyperlinks, formula results. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text).trim();
  return '';
}

/** One problem in an uploaded sheet, in the contract's form. */
export function importError(row: number, column: string, message: string): ImportError {
  return { row, column, field: row > 1 ? `第 ${row} 行「${column}」` : `表头「${column}」`, message };
}

/** The 400 of a rejected import: every error by row and column; nothing was written. */
export function importProblem(errors: ImportError[]): Problem {
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  const first = listed
    .slice(0, 3)
    .map((error) => `${error.field}：${error.message}`)
    .join('；');
  const detail = `导入文件有 ${errors.length} 处错误，未导入任何数据。${first}${errors.length > 3 ? '……' : ''}`;
  return new Problem(400, 'import_invalid', detail, undefined, { errors: listed, errorCount: errors.length });
}

/** True when the bytes start like a ZIP archive, which every .xlsx file is. */

/**
 * The first worksheet of an .xlsx file: its header row (row 1) and its non-empty data rows. Throws 400 when the
 * file does not open, has no header, or misses a required column.
 */
export async function readSheet(
  buffer: Buffer,
  columns: { known: readonly string[]; required: readonly string[]; maxRows?: number },
): Promise<{ headers: string[]; rows: SheetRow[] }> {
  const maxRows = columns.maxRows ?? MAX_IMPORT_ROWS;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw badRequest('文件无法读取，请上传用模板填写的 .xlsx 文件', undefined, 'unreadable_file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badRequest('文件中没有工作表', undefined, 'empty_file');
  const headerByColumn = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, column) => {
    const header = cellText(cell.value).replace(/[*＊\s]/g, '');
    if (header) headerByColumn.set(column, header);
  });
  const headers = [...headerByColumn.values()];
  const missing = columns.required.filter((column) => !headers.includes(column));
  if (missing.length > 0) {
    throw importProblem(missing.map((column) => importError(1, column, `缺少必需的列「${column}」，请使用导入模板`)));
  }
  const rows: SheetRow[] = [];
  const lastRow = sheet.actualRowCount === 0 ? 0 : (sheet.lastRow?.number ?? 0);
  for (let number = 2; number <= lastRow; number++) {
    const cells = new Map<string, string>();
    const row = sheet.getRow(number);
    for (const [column, header] of headerByColumn) {
      if (columns.known.includes(header)) cells.set(header, cellText(row.getCell(column).value));
    }
    if ([...cells.values()].every((value) => value === '')) continue;
    rows.push({ row: number, cells });
    if (rows.length > maxRows) {
      throw badRequest(`一次最多导入 ${maxRows} 行，请分成多个文件`, undefined, 'too_many_rows');
    }
  }
  if (rows.length === 0) throw badRequest('文件中没有数据行（第 1 行为表头，数据从第 2 行开始）', undefined, 'empty_file');
  return { headers, rows };
}

/** A one-sheet workbook with a bold, frozen header row; `textColumns` are formatted as text so long numbers keep every digit. */
export async function writeSheet(input: {
  sheetName: string;
  columns: readonly string[];
  rows: (string | number | null)[][];
  widths?: Record<string, number>;
  textColumns?: readonly string[];
  notes?: { title: string; lines: string[] };
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '数字政协';
  const sheet = workbook.addWorksheet(input.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = input.columns.map((header) => ({
    header,
    key: header,
    width: input.widths?.[header] ?? Math.max(10, header.length * 3),
    style: input.textColumns?.includes(header) ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of input.rows) sheet.addRow(row);
  if (input.notes) {
    const notes = workbook.addWorksheet(input.notes.title);
    notes.getColumn(1).width = 100;
    for (const line of input.notes.lines) notes.addRow([line]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 是/否 and the usual variants as a boolean; undefined when the text is none of them. */
export function parseYesNo(text: string): boolean | undefined {
  if (['', '否', 'N', 'n', 'no', 'No', 'false', 'FALSE', '0', '×'].includes(text)) return false;
  if (['是', 'Y', 'y', 'yes', 'Yes', 'true', 'TRUE', '1', '√'].includes(text)) return true;
  return undefined;
}
