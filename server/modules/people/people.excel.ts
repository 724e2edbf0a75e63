import ExcelJS from 'exceljs';
import type { ImportError } from '../../../contracts/people.ts';
import { excelCellValue } from '../../platform/files/excel-cells.ts';
import { readFirstSheetRows } from '../../platform/files/xlsx-rows.ts';
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

/** Most bytes the parts of an uploaded roster may unpack to: a 5,000-row roster is about 4 MB. */
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

/** Limits and progress of one sheet read. */
export type SheetReadOptions = {
  known: readonly string[];
  required: readonly string[];
  maxRows?: number;
  maxUncompressedBytes?: number;
  /** Called now and then with the share of the sheet read (0–1) and the data rows read so far. */
  onProgress?: (progress: { fraction: number; rowsRead: number }) => void;
};

/**
 * The first worksheet of an .xlsx file, read as a stream: its header row (row 1) and its non-empty data rows. Stops
 * as soon as the data rows pass `maxRows` (or the rows read, blank ones included, pass ten times that). Throws 400 when the file does not open, has no header, misses a required
 * column or holds too many rows, and 413 when it would unpack past `maxUncompressedBytes`.
 */
export async function readSheet(buffer: Buffer, columns: SheetReadOptions): Promise<{ headers: string[]; rows: SheetRow[] }> {
  const maxRows = columns.maxRows ?? MAX_IMPORT_ROWS;
  const headerByColumn = new Map<number, string>();
  let headers: string[] | null = null;
  /** The headers once row 1 is behind: every required column must be among them. */
  const checkHeaders = (): string[] => {
    const found = [...headerByColumn.values()];
    const missing = columns.required.filter((column) => !found.includes(column));
    if (missing.length > 0) {
      throw importProblem(missing.map((column) => importError(1, column, `缺少必需的列「${column}」，请使用导入模板`)));
    }
    return found;
  };
  const rows: SheetRow[] = [];
  const report = columns.onProgress;
  const source = readFirstSheetRows(buffer, {
    maxUncompressedBytes: columns.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES,
    onProgress: report && (({ fraction }) => report({ fraction, rowsRead: rows.length })),
  });
  // Blank rows cost reading time too: a sheet formatted far below its data stops here.
  const maxScanned = maxRows * 10 + 10_000;
  let scanned = 0;
  for await (const { number, values } of source) {
    scanned += 1;
    if (scanned > maxScanned) {
      throw badRequest(`表格中的空行过多（读到第 ${number} 行），请删除数据下方多余的行后再上传`, undefined, 'too_many_rows');
    }
    if (number === 1) {
      values.forEach((value, column) => {
        const header = cellText(value).replace(/[*＊\s]/g, '');
        if (header) headerByColumn.set(column, header);
      });
      continue;
    }
    headers ??= checkHeaders();
    const cells = new Map<string, string>();
    for (const [column, header] of headerByColumn) {
      if (columns.known.includes(header)) cells.set(header, cellText(values[column]));
    }
    if ([...cells.values()].every((value) => value === '')) continue;
    rows.push({ row: number, cells });
    if (rows.length > maxRows) {
      throw badRequest(`一次最多导入 ${maxRows} 行，请分成多个文件`, undefined, 'too_many_rows');
    }
  }
  headers ??= checkHeaders();
  if (rows.length === 0) throw badRequest('文件中没有数据行（第 1 行为表头，数据从第 2 行开始）', undefined, 'empty_file');
  return { headers, rows };
}

/**
 * A one-sheet workbook with a bold, frozen header row; `textColumns` are formatted as text so long numbers keep every
 * digit. Every Excel export writes through here, each cell through `excelCellValue` (no formula injection).
 */
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
  for (const row of input.rows) sheet.addRow(row.map(excelCellValue));
  if (input.notes) {
    const notes = workbook.addWorksheet(input.notes.title);
    notes.getColumn(1).width = 100;
    for (const line of input.notes.lines) notes.addRow([excelCellValue(line)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 是/否 and the usual variants as a boolean; undefined when the text is none of them. */
export function parseYesNo(text: string): boolean | undefined {
  if (['', '否', 'N', 'n', 'no', 'No', 'false', 'FALSE', '0', '×'].includes(text)) return false;
  if (['是', 'Y', 'y', 'yes', 'Yes', 'true', 'TRUE', '1', '√'].includes(text)) return true;
  return undefined;
}
