import { type ConversionTarget, conversionTargetNames, type Proposal } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { presentProposalFor } from '../proposals.queries.ts';
import { indexProposal } from '../proposals.search.ts';
import { loadForDecision, notifyProposers, reasonSentence, storedDecision, writeDecision } from './review-decision.ts';

/** What the office sends to convert a proposal: the new form, the proposer's recorded consent, a reason. */
export type ConvertInput = { to: ConversionTarget; consent: { given: true; note: string }; reason?: string };

/**
 * POST /proposals/{id}/actions/convert (转): turns a submitted proposal into an opinion report or a letter, with
 * the proposer's consent (the contract refuses a body without it); how consent was obtained and who recorded it
 * are stored with the decision.
 */
export async function convertProposal(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: ConvertInput,
  context: RequestContext,
): Promise<Proposal> {
  return deps.database.orm.transaction(async (tx) => {
    const subject = await loadForDecision(tx, actor, id, version, 'convert');
    const { proposal, coSigners } = subject;
    const now = deps.now().toISOString();
    const reason = input.reason ?? null;
    const consent = { note: input.consent.note, recordedBy: actor.userId };
    const converted = await writeDecision(tx, subject, now, {
      convertedTo: input.to,
      decision: storedDecision('convert', actor, now, { reason, convertedTo: input.to, consent }),
    });
    const form = conversionTargetNames[input.to];
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal.converted',
      summary: `转为${form}：提案“${proposal.title}”（提案人同意：${consent.note}）${reason ? `，理由：${reason}` : ''}`,
      actor,
      subjectType: 'proposal',
      subjectId: id,
      before: { state: proposal.state, version: proposal.version },
      after: { state: converted.state, convertedTo: input.to, consent, reason, version: converted.version },
      context,
    });
    await notifyProposers(tx, converted, coSigners, {
      title: `提案已转为${form}`,
      body: `经您同意，您的提案“${proposal.title}”已转为${form}处理。${reasonSentence(reason)}`,
    });
    await indexProposal(tx, actor.orgId, id);
    return presentProposalFor(tx, deps, actor, converted, coSigners);
  });
}
