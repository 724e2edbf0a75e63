import { isBusinessDate } from './business-date.ts';
import type { CalendarDayRow } from './calendar.ts';

/** A row-level problem of a calendar file: the file's line number (header = 1), the column and a Chinese message. */
export type CalendarCsvError = { line: number; column: 'date' | 'kind' | 'name' | 'header'; message: string };

/** Everything read from a calendar file: the rows, or (when any row is wrong) the errors. */
export type CalendarCsvResult = { rows: CalendarDayRow[]; errors: CalendarCsvError[] };

/** The longest holiday name accepted. */
const NAME_MAX = 50;

/** Accepted spellings of the kind column. */
const kindAliases: Record<string, CalendarDayRow['kind']> = {
  holiday: 'holiday',
  放假: 'holiday',
  休: 'holiday',
  workday: 'workday',
  上班: 'workday',
  班: 'workday',
  调休上班: 'workday',
};

/** Accepted spellings of the header columns (English as exported, or Chinese as people write it). */
const headerAliases: Record<string, 'date' | 'kind' | 'name'> = {
  date: 'date',
  日期: 'date',
  kind: 'kind',
  类型: 'kind',
  name: 'name',
  名称: 'name',
  说明: 'name',
};

/** Splits one CSV line into fields; double quotes may wrap a field and "" is a quote inside one. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index];
    if (quoted) {
      if (character === '"' && line[index + 1] === '"') {
        current += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else current += character;
    } else if (character === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (character === ',' || character === '，') {
      fields.push(current);
      current = '';
    } else current += character;
  }
  fields.push(current);
  return fields.map((field) => field.trim());
}

/** The message of an error as people read it: 第 3 行「date」：日期格式应为 YYYY-MM-DD. */
export function formatCalendarCsvError(error: CalendarCsvError): string {
  return error.column === 'header'
    ? `第 ${error.line} 行（表头）：${error.message}`
    : `第 ${error.line} 行「${error.column}」：${error.message}`;
}

/**
 * Reads a calendar file with the header `date,kind,name` (Chinese 日期,类型,名称 also accepted). Every row is
 * checked; when any is wrong, `errors` lists each problem by line and column and `rows` is empty, so a caller
 * writes all rows or none. Blank lines are skipped; a date may appear once.
 */
export function parseCalendarCsv(text: string): CalendarCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const errors: CalendarCsvError[] = [];
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex === -1)
    return { rows: [], errors: [{ line: 1, column: 'header', message: '文件为空，应有表头 date,kind,name' }] };

  const header = splitCsvLine(lines[headerIndex]).map((cell) => headerAliases[cell.toLowerCase()]);
  const position = { date: header.indexOf('date'), kind: header.indexOf('kind'), name: header.indexOf('name') };
  if (position.date === -1 || position.kind === -1) {
    return {
      rows: [],
      errors: [{ line: headerIndex + 1, column: 'header', message: '表头应为 date,kind,name（日期,类型,名称）' }],
    };
  }

  const rows: CalendarDayRow[] = [];
  const seen = new Map<string, number>();
  for (let index = headerIndex + 1; index < lines.length; index += 1) {
    if (lines[index].trim() === '') continue;
    const line = index + 1;
    const cells = splitCsvLine(lines[index]);
    const day = cells[position.date] ?? '';
    const kindText = cells[position.kind] ?? '';
    const name = position.name === -1 ? '' : (cells[position.name] ?? '');
    const rowErrors: CalendarCsvError[] = [];
    if (!isBusinessDate(day)) {
      rowErrors.push({
        line,
        column: 'date',
        message: day === '' ? '日期不能为空' : /^\d{4}-\d{2}-\d{2}$/.test(day) ? `没有这一天：${day}` : '日期格式应为 YYYY-MM-DD',
      });
    } else if (seen.has(day)) {
      rowErrors.push({ line, column: 'date', message: `日期与第 ${seen.get(day)} 行重复` });
    }
    const kind = kindAliases[kindText.toLowerCase()];
    if (!kind) rowErrors.push({ line, column: 'kind', message: '类型应为 holiday（放假）或 workday（调休上班）' });
    if (name.length > NAME_MAX) rowErrors.push({ line, column: 'name', message: `名称不能超过 ${NAME_MAX} 个字符` });
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    seen.set(day, line);
    rows.push({ day, kind, name });
  }
  if (errors.length === 0 && rows.length === 0) {
    errors.push({ line: headerIndex + 2, column: 'date', message: '文件中没有数据行' });
  }
  return errors.length > 0 ? { rows: [], errors } : { rows, errors };
}
