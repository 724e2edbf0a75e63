import type { Proposal } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { presentProposalFor } from '../proposals.queries.ts';
import { indexProposal } from '../proposals.search.ts';
import { assertDictionaryEntry } from '../proposals.validation.ts';
import { loadForDecision, notifyProposers, reasonSentence, storedDecision, writeDecision } from './review-decision.ts';

/** What the office sends to reject a proposal: a reason code of the committee's list and the explanation. */
export type RejectInput = { reasonCodeId: string; reason: string };

/**
 * POST /proposals/{id}/actions/reject (不予立案): the reason code must be an active rejection_reason entry of the
 * committee's dictionary (422 otherwise); code, name and text are stored and sent to the proposers.
 */
export async function rejectProposal(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: RejectInput,
  context: RequestContext,
): Promise<Proposal> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadForDecision(tx, actor, id, version, 'reject');
    const { proposal, coSigners } = subject;
    const reasonCodeName = await assertDictionaryEntry(
      tx,
      actor.orgId,
      input.reasonCodeId,
      ['rejection_reason'],
      'reasonCodeId',
      '不予立案理由',
    );
    const now = deps.now().toISOString();
    const rejected = await writeDecision(tx, subject, now, {
      decision: storedDecision('reject', actor, now, {
        reason: input.reason,
        reasonCodeId: input.reasonCodeId,
        reasonCodeName,
      }),
    });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal.rejected',
      summary: `不予立案：提案“${proposal.title}”（${reasonCodeName}），理由：${input.reason}`,
      actor,
      subjectType: 'proposal',
      subjectId: id,
      before: { state: proposal.state, version: proposal.version },
      after: {
        state: rejected.state,
        reasonCodeId: input.reasonCodeId,
        reasonCodeName,
        reason: input.reason,
        version: rejected.version,
      },
      context,
    });
    await notifyProposers(tx, rejected, coSigners, {
      title: `提案不予立案（${reasonCodeName}）`,
      body: `您的提案“${proposal.title}”经审查不予立案。${reasonSentence(reasonCodeName, '原因')}${reasonSentence(input.reason, '说明')}`,
    });
    await indexProposal(tx, actor.orgId, id);
    return presentProposalFor(tx, deps, actor, rejected, coSigners);
  });
}
