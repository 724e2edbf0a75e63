import { useCallback, useRef, useState } from 'react';
import type { ImportKind, ImportRun } from '../../../../contracts/imports.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import type { ImportErrorRow } from '../../pages/admin/shared/import-errors.ts';
import { importRunErrorRows, useFollowedImport } from './import-runs.ts';

/** What an import screen shows once an import ended: how many rows it wrote, or why it was refused. */
export type ImportOutcome =
  | { kind: 'done'; imported: number }
  | { kind: 'rejected'; detail: string; rows: ImportErrorRow[] }
  | null;

/**
 * The state an import screen shares whatever it imports: its outcome, the background import it follows, and the
 * handlers of that import ending (`finished`) or being lost (`lost`). `onImported` runs when rows were written.
 */
export function useImportOutcome(kind: ImportKind, onImported: () => void) {
  const [outcome, setOutcome] = useState<ImportOutcome>(null);
  const [runId, follow] = useFollowedImport(kind);
  const imported = useRef(onImported);
  imported.current = onImported;
  const finished = useCallback(
    (run: ImportRun) => {
      follow(null);
      if (run.state === 'done') {
        setOutcome({ kind: 'done', imported: run.imported });
        imported.current();
      } else {
        setOutcome({ kind: 'rejected', detail: run.detail ?? '导入未完成', rows: importRunErrorRows(run) });
      }
    },
    [follow],
  );
  const lost = useCallback(
    (error: unknown) => {
      follow(null);
      setOutcome({ kind: 'rejected', detail: errorMessage(error), rows: [] });
    },
    [follow],
  );
  return { outcome, setOutcome, runId, follow, running: runId !== null && outcome === null, finished, lost };
}
