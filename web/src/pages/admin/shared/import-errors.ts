import { AdminApiError } from './admin-api.ts';

/** One line of the import error table: 第 N 行 / 列 / 问题. */
export type ImportErrorRow = { key: string; row: number | null; column: string; message: string };

/** The row number of a field like "第 5 行「界别」", when the error has no `row`. */
function rowFromField(field: string | undefined): number | null {
  const match = field ? /第\s*(\d+)\s*行/.exec(field) : null;
  return match ? Number(match[1]) : null;
}

/** The column of a field like "第 5 行「界别」" or "第3行.date", when the error has no `column`. */
function columnFromField(field: string | undefined): string {
  if (!field) return '';
  const quoted = /「([^」]+)」/.exec(field);
  if (quoted) return quoted[1];
  const dotted = /^第\s*\d+\s*行\.(.+)$/.exec(field);
  return dotted ? dotted[1] : '';
}

/**
 * The rows of the import error table from a rejected upload, ordered by sheet row (errors of the whole file
 * first); empty when the error carries no field errors.
 */
export function importErrorRows(error: unknown): ImportErrorRow[] {
  if (!(error instanceof AdminApiError)) return [];
  return error.errors
    .map((item, index) => ({
      key: String(index),
      row: typeof item.row === 'number' ? item.row : rowFromField(item.field),
      column: item.column ?? columnFromField(item.field),
      message: item.message,
    }))
    .sort((left, right) => (left.row ?? 0) - (right.row ?? 0));
}

/**
 * The message above the error table: when the table lists the errors, only the server message's first sentence
 * (e.g. "导入文件有 5 处错误，未导入任何数据。") and a pointer to the table, so the errors are not shown twice.
 */
export function importSummary(detail: string, rowCount: number): string {
  if (rowCount === 0) return detail;
  const end = detail.search(/[。：:]/);
  const first = end > 0 ? detail.slice(0, end) : detail;
  return `${first}。请按下表逐项修改后重新上传。`;
}
