import type { z } from 'zod';
import type { KeyProposal, keyProposalRecommendSchema } from '../../../../contracts/key-proposals.ts';
import { recommenderKindNames } from '../../../../contracts/key-proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { loadVisibleProposal } from '../../proposals/proposals.queries.ts';
import { canManageKeyProposals, nominatableStates } from '../key-proposals.policy.ts';
import { presentKeyProposals } from '../key-proposals.queries.ts';
import { keyProposals } from '../key-proposals.tables.ts';

/** POST /key-proposals (推荐重点提案): the office records a recommendation by staff, a party or a committee. */
export async function recommendKeyProposal(
  deps: AppDependencies,
  actor: Actor,
  input: z.output<typeof keyProposalRecommendSchema>,
  context: RequestContext,
): Promise<KeyProposal> {
  if (!canManageKeyProposals(actor)) throw forbidden('只有提案委可以登记重点提案推荐');
  return deps.database.orm.transaction(async (tx) => {
    const { proposal } = await loadVisibleProposal(tx, actor, input.proposalId, true);
    if (!nominatableStates.includes(proposal.state)) throw conflict('只有已立案、未归档的提案可以推荐为重点提案', 'not_filed');
    const recommenderName = input.recommenderName?.trim() || (input.recommenderKind === 'staff' ? actor.displayName : '');
    if (!recommenderName) throw conflict('请填写推荐的党派团体或专门委员会名称', 'recommender_required');
    const [row] = await tx
      .insert(keyProposals)
      .values({
        orgId: actor.orgId,
        proposalId: proposal.id,
        sessionId: proposal.sessionId,
        recommenderKind: input.recommenderKind,
        recommenderName,
        reason: input.reason,
        recommendedBy: actor.userId,
      })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw conflict('这件提案已被推荐过', 'already_recommended');
        throw error;
      });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'key_proposal.recommended',
      summary: `${recommenderKindNames[input.recommenderKind]}${recommenderName}推荐重点提案：“${proposal.title}”`,
      actor,
      subjectType: 'key_proposal',
      subjectId: row.id,
      after: { state: row.state, proposalId: proposal.id, recommenderKind: row.recommenderKind, recommenderName },
      context,
    });
    const [view] = await presentKeyProposals(tx, actor, [row]);
    return view;
  });
}
