/** Reading the answer of a bulk action (批量立案) item by item. */
import type { BulkResult } from '../../../../contracts/proposals.ts';

/** One line of the result list: the proposal, and its number or why it failed. */
export type BulkResultLine = { id: string; title: string; ok: boolean; number: string | null; detail: string | null };

/** The result lines in the order sent, with titles; failures keep the server's reason (or a generic one). */
export function bulkResultLines(result: BulkResult, titles: ReadonlyMap<string, string>): BulkResultLine[] {
  return result.items.map((item) => ({
    id: item.id,
    title: titles.get(item.id) ?? item.id,
    ok: item.ok,
    number: item.ok ? (item.number ?? null) : null,
    detail: item.ok ? null : item.detail || (item.status === 409 ? '状态已变化，请刷新后重试' : '操作失败'),
  }));
}

/** "已立案 3 件，失败 1 件". */
export function bulkSummary(lines: readonly BulkResultLine[]): string {
  const ok = lines.filter((line) => line.ok).length;
  const failed = lines.length - ok;
  return failed > 0 ? `已立案 ${ok} 件，失败 ${failed} 件` : `已立案 ${ok} 件`;
}
