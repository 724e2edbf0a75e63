import { setImmediate as nextTurn } from 'node:timers/promises';

/** A data row of an uploaded table file, with its 1-based line (CSV: the header is line 1) and cells by column. */
export type TableRow = { row: number; cells: Map<string, string> };

/**
 * A table file read whole: its columns and rows, or the reason it could not be read at all (`too_many_rows` when it
 * holds more data rows than allowed: reading stopped there).
 */
export type TableFile = { columns: string[]; rows: TableRow[] } | { failure: string; code?: 'too_many_rows' };

/** Limits and progress of a read. */
export type TableReadOptions = {
  /** Most data rows; reading stops at the next one. */
  maxRows?: number;
  /** Called now and then with the share of the text read (0–1) and the data rows so far. */
  onProgress?: (progress: { fraction: number; rowsRead: number }) => void;
};

/** Rows between two progress reports (and, when read with turns, two turns of the event loop). */
const ROWS_PER_STEP = 500;
const DELIMITER = /[,\r\n]/g;
const QUOTE = 34;
const COMMA = 44;
const CARRIAGE_RETURN = 13;
const LINE_FEED = 10;

/**
 * The records of a CSV text one by one (RFC 4180: quoted fields may hold commas, quotes and line breaks), found with
 * indexOf and slices rather than character by character, so a large file reads in a fraction of a second.
 * `cursor.at` follows the position reached.
 */
export function* csvRecords(text: string, cursor: { at: number } = { at: 0 }): Generator<string[]> {
  const length = text.length;
  let at = 0;
  while (at < length) {
    cursor.at = at;
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text.charCodeAt(at) === QUOTE) {
        let from = at + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) {
            field += text.slice(from);
            from = length;
            break;
          }
          field += text.slice(from, quote);
          if (text.charCodeAt(quote + 1) !== QUOTE) {
            from = quote + 1;
            break;
          }
          field += '"';
          from = quote + 2;
        }
        at = from;
      }
      // Unquoted text, or what follows a closing quote, runs to the next comma or line break.
      DELIMITER.lastIndex = at;
      const end = DELIMITER.exec(text)?.index ?? length;
      field += text.slice(at, end);
      at = end;
      record.push(field);
      if (at >= length) {
        yield record;
        return;
      }
      const delimiter = text.charCodeAt(at);
      at += 1;
      if (delimiter === COMMA) continue;
      if (delimiter === CARRIAGE_RETURN && text.charCodeAt(at) === LINE_FEED) at += 1;
      yield record;
      break;
    }
  }
}

/** The cells of a CSV text, row by row. */
export function parseCsv(text: string): string[][] {
  return [...csvRecords(text)];
}

/** The failure of a file with more data rows than allowed. */
const tooManyRows = (maxRows: number): TableFile => ({ failure: `超过 ${maxRows} 行`, code: 'too_many_rows' });

/**
 * Reads a CSV file's header and data rows (blank lines skipped; a UTF-8 byte-order mark is ignored), pausing (a
 * `yield`) every few hundred rows; returns the table.
 */
/**
 * The failure of a text holding a NUL character (U+0000), which no text column can store (a UTF-16 file read as
 * UTF-8 is full of them), naming its line; null for a clean text.
 */
function nulCharacterFailure(text: string): TableFile | null {
  const at = text.indexOf('\u0000');
  if (at < 0) return null;
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < at; index = text.indexOf('\n', index + 1)) line += 1;
  return { failure: `文件第 ${line} 行含有空字符（U+0000），请另存为 UTF-8 编码的文本后再上传` };
}

function* csvSteps(text: string, options: TableReadOptions): Generator<void, TableFile> {
  const refused = nulCharacterFailure(text);
  if (refused) return refused;
  const body = text.replace(/^\uFEFF/, '');
  const cursor = { at: 0 };
  const records = csvRecords(body, cursor);
  const header = records.next();
  if (header.done || header.value.every((cell) => cell.trim() === '')) return { failure: '文件是空的，缺少表头' };
  const columns = header.value.map((cell) => cell.trim());
  const rows: TableRow[] = [];
  let line = 1;
  for (const cells of records) {
    line += 1;
    if (line % ROWS_PER_STEP === 0) {
      options.onProgress?.({ fraction: cursor.at / body.length, rowsRead: rows.length });
      yield;
    }
    if (cells.every((cell) => cell.trim() === '')) continue;
    rows.push({ row: line, cells: new Map(columns.map((column, at) => [column, (cells[at] ?? '').trim()])) });
    if (options.maxRows !== undefined && rows.length > options.maxRows) return tooManyRows(options.maxRows);
  }
  return { columns, rows };
}

/**
 * Reads a JSON Lines file: one object per line; the columns are the keys seen. A line that is not an object fails
 * the file. Pauses (a `yield`) every few hundred lines.
 */
function* jsonLinesSteps(text: string, options: TableReadOptions): Generator<void, TableFile> {
  const refused = nulCharacterFailure(text);
  if (refused) return refused;
  const rows: TableRow[] = [];
  const columns = new Set<string>();
  const body = text.replace(/^\uFEFF/, '');
  let start = 0;
  for (let line = 1; start <= body.length; line += 1) {
    const next = body.indexOf('\n', start);
    const end = next === -1 ? body.length : next;
    const content = body.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (line % ROWS_PER_STEP === 0) {
      options.onProgress?.({ fraction: Math.min(1, start / body.length), rowsRead: rows.length });
      yield;
    }
    if (content.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch {
      return { failure: `第 ${line} 行不是有效的 JSON` };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { failure: `第 ${line} 行应为一个 JSON 对象` };
    }
    const cells = new Map<string, string>();
    for (const [key, cell] of Object.entries(value)) {
      columns.add(key);
      cells.set(key, cell === null || cell === undefined ? '' : String(cell).trim());
    }
    rows.push({ row: line, cells });
    if (options.maxRows !== undefined && rows.length > options.maxRows) return tooManyRows(options.maxRows);
  }
  if (rows.length === 0) return { failure: '文件是空的' };
  return { columns: [...columns], rows };
}

/** Runs the steps of a read to the end at once. */
function drain(steps: Generator<void, TableFile>): TableFile {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A CSV file's header and data rows (blank lines skipped); a UTF-8 byte-order mark is ignored. */
export function readCsv(text: string, options: TableReadOptions = {}): TableFile {
  return drain(csvSteps(text, options));
}

/** A JSON Lines file: one object per line; the columns are the keys seen. A line that is not an object fails the file. */
export function readJsonLines(text: string, options: TableReadOptions = {}): TableFile {
  return drain(jsonLinesSteps(text, options));
}

/**
 * Reads an uploaded CSV or JSON Lines text as `readCsv` or `readJsonLines` do, giving the event loop a turn every
 * few hundred rows and stopping past `maxRows`: a large upload neither blocks other requests nor fills memory.
 */
export async function readTableText(text: string, format: 'csv' | 'jsonl', options: TableReadOptions): Promise<TableFile> {
  const steps = format === 'csv' ? csvSteps(text, options) : jsonLinesSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      options.onProgress?.({ fraction: 1, rowsRead: 'rows' in step.value ? step.value.rows.length : 0 });
      return step.value;
    }
    await nextTurn();
  }
}
