import type { Proposal } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { proposalNumberLabel, takeNextProposalNumber } from '../proposals.numbering.ts';
import { type CoSignerRow, type ProposalRow, presentProposalFor } from '../proposals.queries.ts';
import { indexProposal } from '../proposals.search.ts';
import { loadForDecision, notifyProposers, reasonSentence, storedDecision, writeDecision } from './review-decision.ts';

/**
 * Files (立案) a submitted proposal inside the caller's transaction: checks state, role and version, takes the next
 * number of its session from the locked counter, records the decision and the event, and notifies the proposers.
 * The bulk action calls this once per item, each in its own transaction.
 */
export async function fileProposalInTransaction(
  tx: Transaction,
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  note: string | undefined,
  context: RequestContext,
): Promise<{ proposal: ProposalRow; coSigners: CoSignerRow[] }> {
  const subject = await loadForDecision(tx, actor, id, version, 'file');
  const { proposal, coSigners } = subject;
  const { sequence, number } = await takeNextProposalNumber(tx, actor.orgId, proposal.sessionId);
  const now = deps.now().toISOString();
  const reason = note ?? null;
  const filed = await writeDecision(tx, subject, now, {
    number,
    sequence,
    filedAt: now,
    decision: storedDecision('file', actor, now, { reason }),
  });
  const label = proposalNumberLabel(number);
  await recordEvent(tx, deps.config.auditHash, {
    orgId: actor.orgId,
    type: 'proposal.filed',
    summary: `立案：提案“${proposal.title}”，提案号${label}${reason ? `，说明：${reason}` : ''}`,
    actor,
    subjectType: 'proposal',
    subjectId: id,
    before: { state: proposal.state, number: proposal.number, version: proposal.version },
    after: { state: filed.state, number, sequence, reason, version: filed.version },
    context,
  });
  await notifyProposers(tx, filed, coSigners, {
    title: `提案已立案（${label}）`,
    body: `您的提案“${proposal.title}”已经审查立案，提案号为${label}，将交有关单位办理。${reasonSentence(reason, '说明')}`,
  });
  await indexProposal(tx, actor.orgId, id);
  return { proposal: filed, coSigners };
}

/** POST /proposals/{id}/actions/file: the office files a submitted proposal and gives it its session number. */
export async function fileProposal(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  note: string | undefined,
  context: RequestContext,
): Promise<Proposal> {
  return deps.database.orm.transaction(async (tx) => {
    const { proposal, coSigners } = await fileProposalInTransaction(tx, deps, actor, id, version, note, context);
    return presentProposalFor(tx, deps, actor, proposal, coSigners);
  });
}
