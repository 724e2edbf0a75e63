import type { PublicationDecision } from '../../../contracts/publication.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';

/** States after the reply, in which the office decides on publication (also once archived from one of them). */
export const repliedStates: readonly string[] = ['replied', 'rehandling', 'closed'];

/** Who decides on publication and the secret flag: the proposal office. */
export function canPublish(actor: Pick<Actor, 'roles'>): boolean {
  return hasAnyRole(actor, 'proposal_office');
}

/** The facts of a proposal publication depends on. */
export type PublicationFacts = {
  state: string;
  isSecret: boolean;
  agreesToPublish: boolean;
  publicationRefusalReason: string | null;
  /** For an archived proposal: the state it was archived in. */
  stateBeforeArchive?: string | null;
};

/** Whether the proposal has been replied to: in a replied state, or archived from one. */
export function isReplied(facts: Pick<PublicationFacts, 'state' | 'stateBeforeArchive'>): boolean {
  const state = facts.state === 'archived' ? facts.stateBeforeArchive : facts.state;
  return typeof state === 'string' && repliedStates.includes(state);
}

/**
 * Why a proposal may not be published (fully or partly), or null: only after a reply, never a secret one, never
 * against its proposer's refusal. Deciding not to publish is always possible.
 */
export function publicationRefusal(
  facts: PublicationFacts,
  decision: PublicationDecision,
): { code: string; detail: string } | null {
  if (decision === 'not_published') return null;
  if (!isReplied(facts)) return { code: 'not_replied', detail: '提案答复后才能决定公开' };
  if (facts.isSecret) return { code: 'secret', detail: '涉密提案不得公开' };
  if (!facts.agreesToPublish) {
    const reason = facts.publicationRefusalReason ? `（理由：${facts.publicationRefusalReason}）` : '';
    return { code: 'proposer_declined', detail: `提案人不同意公开${reason}，不能公开` };
  }
  return null;
}
