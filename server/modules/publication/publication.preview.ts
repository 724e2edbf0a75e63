import type { PublicationDecision, PublicationPreview } from '../../../contracts/publication.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { loadVisibleProposal } from '../proposals/proposals.queries.ts';
import { canPublish, publicationRefusal } from './publication.policy.ts';
import { buildPublicText } from './publication.text.ts';

/** GET /proposals/{id}/publication-preview: what the portal would show, redacted, and whether it may be published. */
export async function previewPublication(deps: AppDependencies, actor: Actor, proposalId: string): Promise<PublicationPreview> {
  if (!canPublish(actor)) throw forbidden('只有提案委可以审核公开');
  const orm = deps.database.orm;
  const { proposal } = await loadVisibleProposal(orm, actor, proposalId);
  const built = await buildPublicText(orm, proposal);
  return {
    proposalId,
    version: proposal.version,
    refusal: publicationRefusal(proposal, 'published'),
    decision: (proposal.publicationDecision as PublicationDecision | null) ?? null,
    text: built.text,
    removed: Object.entries(built.removed).map(([kind, count]) => ({ kind, count })),
  };
}
