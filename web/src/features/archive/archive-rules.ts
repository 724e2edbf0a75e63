/** Pure rules of the archive screen: which sessions may be archived and how sizes read. */
import type { Session } from '../../../../contracts/orgs.ts';

/** Why a session cannot be archived now, or null (the server says the same: archive.policy.ts). */
export function archiveBlocker(session: Pick<Session, 'isCurrent' | 'archivedAt'>): string | null {
  if (session.archivedAt) return '已归档';
  if (session.isCurrent) return '当前会议不能归档：请先将下一次会议设为当前会议';
  return null;
}

/** A byte count as people read it (KB, MB). */
export function sizeText(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
