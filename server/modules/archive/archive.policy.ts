import type { ProposalState } from '../../../contracts/proposals.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';

/** States in which a proposal's story is over: archiving it changes nothing but makes it read-only. */
export const finishedStates: readonly ProposalState[] = ['closed', 'rejected', 'merged', 'converted', 'withdrawn', 'archived'];

/** Who archives a session and downloads its package: the proposal office. */
export function canArchive(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'proposal_office');
}

/** Why a session may not be archived now, or null: the current session stays open, an archived one stays closed. */
export function archiveRefusal(session: { isCurrent: boolean; archivedAt: string | null; name: string }): string | null {
  if (session.archivedAt) return `${session.name}已归档`;
  if (session.isCurrent) return `${session.name}是当前会议，请先将下一次会议设为当前会议再归档`;
  return null;
}
