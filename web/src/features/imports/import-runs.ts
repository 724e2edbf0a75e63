import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { type ImportKind, type ImportRun, importRoutes } from '../../../../contracts/imports.ts';
import { api } from '../../lib/api.ts';
import type { ImportErrorRow } from '../../pages/admin/shared/import-errors.ts';

/** How often a running import is asked for its progress. */
const POLL_INTERVAL_MS = 1000;

/** True when the import has ended, well or not. */
export function isFinished(run: Pick<ImportRun, 'state'> | undefined): boolean {
  return run?.state === 'done' || run?.state === 'failed';
}

/** A background import, asked for every second until it ends. */
export function useImportRun(id: string | null) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => api.get<ImportRun>(importRoutes.run(id!)),
    enabled: Boolean(id),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : POLL_INTERVAL_MS),
    retry: false,
  });
}

/** The rows of the import error table from a failed run's errors, by sheet row. */
export function importRunErrorRows(run: ImportRun): ImportErrorRow[] {
  return run.errors
    .map((error, index) => ({
      key: String(index),
      row: error.row > 1 ? error.row : null,
      column: error.column,
      message: error.message,
    }))
    .sort((left, right) => (left.row ?? 0) - (right.row ?? 0));
}

/** What a running or ended import shows under its bar. */
export function importRunStatus(run: ImportRun): string {
  if (run.state === 'queued') return '已转入后台，排队等待导入…';
  if (run.state === 'done') return `导入完成，共导入 ${run.imported} 条`;
  if (run.state === 'failed') return run.detail ?? '导入未完成';
  if (run.phase === 'writing') return `已读取 ${run.rowsRead} 行，正在校验并写入…`;
  return `正在读取文件，已读取 ${run.rowsRead} 行…`;
}

const storageKey = (kind: ImportKind) => `import-run:${kind}`;

/**
 * The background import of a kind this browser tab follows: kept in session storage, so closing the dialog (or
 * reloading the page) and opening it again shows the same import's progress or result.
 */
export function useFollowedImport(kind: ImportKind): [string | null, (id: string | null) => void] {
  const [id, setId] = useState<string | null>(() => sessionStorage.getItem(storageKey(kind)));
  const follow = useCallback(
    (next: string | null) => {
      if (next) sessionStorage.setItem(storageKey(kind), next);
      else sessionStorage.removeItem(storageKey(kind));
      setId(next);
    },
    [kind],
  );
  return [id, follow];
}
