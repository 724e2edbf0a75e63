import type { ImportError } from '../../../contracts/people.ts';
import { historyImportColumns } from '../../../contracts/routing.ts';
import { readTableText, type TableReadOptions, type TableRow } from '../../platform/files/table-file.ts';
import { badRequest } from '../../platform/http/problem.ts';
import { looksLikeXlsx } from '../../platform/http/xlsx-transfer.ts';
import { importError, importProblem, readSheet, writeSheet } from '../people/people.excel.ts';

/**
 * Most rows one history file holds by default (a committee's last few years; the setting 历史数据导入行数上限);
 * larger histories come in several files.
 */
export const MAX_HISTORY_ROWS = 20_000;
/** Most bytes the parts of a history workbook may unpack to: about three times the largest upload (30 MB). */
export const MAX_HISTORY_UNPACKED_BYTES = 120 * 1024 * 1024;
const MAX_TITLE_LENGTH = 500;
const MAX_BODY_LENGTH = 50_000;

/** The column names a history file may use for each field: the template's Chinese ones, or the English ones. */
const COLUMN_NAMES: Record<'title' | 'body' | 'category' | 'unit' | 'date', string[]> = {
  title: ['标题', '题目', 'title'],
  body: ['正文', '内容', 'body'],
  category: ['类别', '分类', 'category', 'label'],
  unit: ['承办单位', '单位', 'unit', 'units'],
  date: ['日期', '提交日期', '时间', 'date', 'time'],
};
/** 2024-03-15, 2024/3/15 or 2024年3月15日, optionally with a time (10:30 or 10:30:15). */
const DATE_PATTERN = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const [TITLE, BODY, CATEGORY, UNIT, DATE] = historyImportColumns;
const KNOWN_COLUMNS = Object.values(COLUMN_NAMES).flat();
/** Several units in one cell: 、 , ， ; ； or a line break between them. */
const UNIT_SEPARATOR = /[、,，;；\n]+/;

/** One valid history row: its line in the file and what it says, categories and units resolved to ids. */
export type HistoryRecord = {
  row: number;
  title: string;
  body: string;
  categoryId: string | null;
  unitIds: string[];
  /** When the item was handed in, as a local time of the committee (YYYY-MM-DDTHH:MM:SS), if the file says. */
  localTime: string | null;
};

/** A history file's rows by field, whatever its format. */
export type HistoryRow = { row: number; title: string; body: string; category: string; unit: string; date: string };

/** The value of a field in a row, under the first column name the file uses for it. */
function field(cells: Map<string, string>, names: string[]): string {
  for (const name of names) {
    const value = cells.get(name);
    if (value !== undefined) return value.trim();
  }
  return '';
}

/** The 400 of a history file past the row limit. */
const tooManyRows = (maxRows: number) =>
  badRequest(`一次最多导入 ${maxRows} 条历史数据，请分成多个文件`, undefined, 'too_many_rows');

function toHistoryRows(rows: TableRow[], columns: string[], maxRows: number): HistoryRow[] {
  const has = (names: string[]) => names.some((name) => columns.includes(name));
  const missing: ImportError[] = [];
  if (!has(COLUMN_NAMES.title) && !has(COLUMN_NAMES.body)) {
    missing.push(importError(1, TITLE, `缺少「${TITLE}」或「${BODY}」列（英文列名 title、body 也可），请使用导入模板`));
  }
  if (!has(COLUMN_NAMES.category) && !has(COLUMN_NAMES.unit)) {
    missing.push(importError(1, CATEGORY, `缺少「${CATEGORY}」或「${UNIT}」列（英文列名 category/label、unit 也可）`));
  }
  if (missing.length > 0) throw importProblem(missing);
  if (rows.length === 0) throw badRequest('文件中没有数据行', undefined, 'empty_file');
  if (rows.length > maxRows) throw tooManyRows(maxRows);
  return rows.map(({ row, cells }) => ({
    row,
    title: field(cells, COLUMN_NAMES.title),
    body: field(cells, COLUMN_NAMES.body),
    category: field(cells, COLUMN_NAMES.category),
    unit: field(cells, COLUMN_NAMES.unit),
    date: field(cells, COLUMN_NAMES.date),
  }));
}

/**
 * The rows of an uploaded history file: Excel (.xlsx, by its bytes), JSON Lines (a line starting with `{`) or CSV
 * (UTF-8), read with turns of the event loop and stopping past `maxRows` (20,000 unless the committee set another).
 * A file that cannot be read at all, lacks the needed columns, holds too many rows, or would unpack past its limit is
 * a 4xx naming why.
 */
export async function readHistoryFile(buffer: Buffer, options: TableReadOptions = {}): Promise<HistoryRow[]> {
  const maxRows = options.maxRows ?? MAX_HISTORY_ROWS;
  if (looksLikeXlsx(buffer)) {
    const sheet = await readSheet(buffer, {
      known: KNOWN_COLUMNS,
      required: [],
      maxRows,
      maxUncompressedBytes: MAX_HISTORY_UNPACKED_BYTES,
      onProgress: options.onProgress,
    });
    return toHistoryRows(sheet.rows, sheet.headers, maxRows);
  }
  const text = buffer.toString('utf8');
  if (text.includes('\uFFFD')) {
    throw badRequest('文件不是 UTF-8 编码的文本，请上传 .xlsx，或另存为 UTF-8 编码的 CSV', undefined, 'unreadable_file');
  }
  const format = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{')
    ? 'jsonl'
    : 'csv';
  const file = await readTableText(text, format, { ...options, maxRows });
  if ('failure' in file) {
    if (file.code === 'too_many_rows') throw tooManyRows(maxRows);
    throw badRequest(`文件无法读取：${file.failure}`, undefined, 'unreadable_file');
  }
  return toHistoryRows(file.rows, file.columns, maxRows);
}

/** A date (and time) cell as YYYY-MM-DDTHH:MM:SS, or null when it is no valid date. */
function localTimeOf(text: string): string | null {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const two = (value: string) => value.padStart(2, '0');
  const local = `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}`;
  const check = new Date(`${local}Z`);
  const valid = !Number.isNaN(check.getTime()) && check.getUTCDate() === Number(day) && Number(hour) < 24 && Number(minute) < 60;
  return valid ? local : null;
}

/** What the rows are checked against: the committee's category and unit names (and unit codes). */
export type HistoryLookups = { categories: Map<string, string>; units: Map<string, string> };

/**
 * Checks every row: a title or a body, a known category or at least one known unit, lengths within limits. Returns
 * the valid records and every error (row, column, message), so that the import writes all rows or none.
 */
export function checkHistoryRows(rows: HistoryRow[], lookups: HistoryLookups) {
  const errors: ImportError[] = [];
  const records: HistoryRecord[] = [];
  for (const row of rows) {
    const before = errors.length;
    const fail = (column: string, message: string) => errors.push(importError(row.row, column, message));
    if (row.title === '' && row.body === '') fail(TITLE, '标题和正文不能都为空');
    if ([...row.title].length > MAX_TITLE_LENGTH) fail(TITLE, `标题不能超过 ${MAX_TITLE_LENGTH} 个字`);
    if (row.body.length > MAX_BODY_LENGTH) fail(BODY, `正文不能超过 ${MAX_BODY_LENGTH} 个字`);
    if (row.category === '' && row.unit === '') fail(CATEGORY, '类别和承办单位至少填写一项');
    const categoryId = row.category === '' ? null : (lookups.categories.get(row.category) ?? null);
    if (row.category !== '' && !categoryId) {
      fail(CATEGORY, `类别「${row.category}」不是本会的提案类别，请先在「字典管理」中添加，或改为已有类别`);
    }
    const unitIds: string[] = [];
    for (const name of row.unit.split(UNIT_SEPARATOR).map((part) => part.trim())) {
      if (name === '') continue;
      const unitId = lookups.units.get(name);
      if (!unitId) fail(UNIT, `承办单位「${name}」不存在，请填写单位全称或编码`);
      else if (!unitIds.includes(unitId)) unitIds.push(unitId);
    }
    const localTime = row.date === '' ? null : localTimeOf(row.date);
    if (row.date !== '' && !localTime) fail(DATE, `日期「${row.date}」无法识别，请写成 2024-03-15 或 2024/3/15 10:30`);
    if (errors.length === before) {
      records.push({ row: row.row, title: row.title, body: row.body, categoryId, unitIds, localTime });
    }
  }
  return { records, errors };
}

/** The history import template: the columns, an example row and how to fill them in (with the committee's row limit). */
export function historyTemplate(maxRows = MAX_HISTORY_ROWS): Promise<Buffer> {
  return writeSheet({
    sheetName: '历史数据',
    columns: historyImportColumns,
    rows: [
      [
        '关于加强老旧小区加装电梯工作的建议',
        '（提案正文，可只填标题或只填正文）',
        '城乡建设',
        '市住房和城乡建设局',
        '2024-01-15',
      ],
    ],
    widths: { [TITLE]: 40, [BODY]: 60, [CATEGORY]: 16, [UNIT]: 30, [DATE]: 14 },
    textColumns: [DATE],
    notes: {
      title: '填写说明',
      lines: [
        '第 1 行为表头，请勿修改；数据从第 2 行开始，一行一件历届提案（或社情民意、微建议）。',
        `「${TITLE}」和「${BODY}」至少填一项；「${CATEGORY}」和「${UNIT}」至少填一项。`,
        `「${CATEGORY}」填本会提案类别的名称或编码；「${UNIT}」填单位全称、简称或编码，多个单位用顿号分隔。`,
        `「${DATE}」可选：提交日期，如 2024-01-15 或 2024/1/15 10:30；留空时按导入时间。`,
        `也可上传 UTF-8 编码的 CSV，或 JSON Lines（每行一个对象，字段 title、body、category 或 label、unit）。`,
        `每个文件最多 ${maxRows} 条；整个文件检查通过后才导入，有错误时不导入任何数据，并逐行列出错误。`,
        '同一文件不会重复导入。导入后系统自动重新学习，几分钟内即可在审查和交办时看到建议。',
      ],
    },
  });
}
