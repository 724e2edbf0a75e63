import type { SessionArchive } from '../../../contracts/archive.ts';
import { type ArchiveState, archiveStateNames } from '../../../contracts/archive.ts';
import type { sessionArchives } from './archive.tables.ts';

export type ArchiveRow = typeof sessionArchives.$inferSelect;

/** The view of a session's archive. */
export function presentArchive(row: ArchiveRow, sessionName: string): SessionArchive {
  const state = row.state as ArchiveState;
  return {
    id: row.id,
    sessionId: row.sessionId,
    sessionName,
    state,
    stateName: archiveStateNames[state] ?? row.state,
    proposalCount: row.proposalCount,
    fileCount: row.fileCount,
    size: row.size,
    sha256: row.sha256,
    archivedAt: new Date(row.archivedAt).toISOString(),
    archivedByName: row.archivedByName,
    readyAt: row.readyAt ? new Date(row.readyAt).toISOString() : null,
    error: row.error,
  };
}
