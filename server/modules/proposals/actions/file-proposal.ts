import type { Proposal } from '../../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { unprocessable } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { proposalNumberLabel, takeNextProposalNumber } from '../proposals.numbering.ts';
import { type CoSignerRow, type ProposalRow, presentProposalFor } from '../proposals.queries.ts';
import { indexProposal } from '../proposals.search.ts';
import { loadProposalCategory } from '../unit-suggestions.ts';
import { loadForDecision, notifyProposers, reasonSentence, storedDecision, writeDecision } from './review-decision.ts';

/** What the office may decide when filing: a note to the proposers, and the category (by default the proposer's). */
export type FilingChoices = { note?: string; categoryId?: string };

/**
 * Files (立案) a submitted proposal inside the caller's transaction: checks state, role and version, takes the next
 * number of its session from the locked counter, sets the category the office chose (an active one of the committee),
 * records the decision and the event, and notifies the proposers.
 * The bulk action calls this once per item, each in its own transaction.
 */
export async function fileProposalInTransaction(
  tx: Transaction,
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  choices: FilingChoices,
  context: RequestContext,
): Promise<{ proposal: ProposalRow; coSigners: CoSignerRow[] }> {
  const subject = await loadForDecision(tx, actor, id, version, 'file');
  const { proposal, coSigners } = subject;
  const categoryId = choices.categoryId ?? proposal.categoryId;
  if (choices.categoryId && choices.categoryId !== proposal.categoryId) {
    const category = await loadProposalCategory(tx, actor.orgId, choices.categoryId);
    if (!category.active) {
      throw unprocessable(
        '这个提案类别已停用，请选择其他类别',
        [{ field: 'categoryId', message: '类别已停用' }],
        'inactive_category',
      );
    }
  }
  const { sequence, number } = await takeNextProposalNumber(tx, actor.orgId, proposal.sessionId);
  const now = deps.now().toISOString();
  const reason = choices.note ?? null;
  const filed = await writeDecision(tx, subject, now, {
    number,
    sequence,
    filedAt: now,
    categoryId,
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
    before: { state: proposal.state, number: proposal.number, categoryId: proposal.categoryId, version: proposal.version },
    after: { state: filed.state, number, sequence, reason, categoryId, version: filed.version },
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
  choices: FilingChoices,
  context: RequestContext,
): Promise<Proposal> {
  return deps.database.orm.transaction(async (tx) => {
    const { proposal, coSigners } = await fileProposalInTransaction(tx, deps, actor, id, version, choices, context);
    return presentProposalFor(tx, deps, actor, proposal, coSigners);
  });
}
