/** A data row of an uploaded table file, with its 1-based line (CSV: the header is line 1) and cells by column. */
export type TableRow = { row: number; cells: Map<string, string> };

/** A table file read whole: its columns and rows, or the reason it could not be read at all. */
export type TableFile = { columns: string[]; rows: TableRow[] } | { failure: string };

/** The cells of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks), row by row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character !== '"') field += character;
      else if (text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else quoted = false;
    } else if (character === '"' && field === '') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += character;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV file's header and data rows (blank lines skipped); a UTF-8 byte-order mark is ignored. */
export function readCsv(text: string): TableFile {
  const [header, ...data] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header || header.every((cell) => cell.trim() === '')) return { failure: '文件是空的，缺少表头' };
  const columns = header.map((cell) => cell.trim());
  const rows: TableRow[] = [];
  data.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    rows.push({ row: index + 2, cells: new Map(columns.map((column, at) => [column, (cells[at] ?? '').trim()])) });
  });
  return { columns, rows };
}

/** A JSON Lines file: one object per line; the columns are the keys seen. A line that is not an object fails the file. */
export function readJsonLines(text: string): TableFile {
  const rows: TableRow[] = [];
  const columns = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { failure: `第 ${index + 1} 行不是有效的 JSON` };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { failure: `第 ${index + 1} 行应为一个 JSON 对象` };
    }
    const cells = new Map<string, string>();
    for (const [key, cell] of Object.entries(value)) {
      columns.add(key);
      cells.set(key, cell === null || cell === undefined ? '' : String(cell).trim());
    }
    rows.push({ row: index + 1, cells });
  }
  if (rows.length === 0) return { failure: '文件是空的' };
  return { columns: [...columns], rows };
}
