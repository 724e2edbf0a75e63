import type { z } from 'zod';
import type { convertSchema, MicroSuggestion } from '../../../../contracts/micro-suggestions.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { createProposalDraftInTransaction } from '../../proposals/actions/create-proposal.ts';
import { notifyRaisers, reasonSentence } from '../micro-suggestions.notices.ts';
import { presentMicroFor } from '../micro-suggestions.presenter.ts';
import { indexMicroSuggestion } from '../micro-suggestions.search.ts';
import { loadForAction, storedDecision, writeMicro } from './micro-action.ts';

/**
 * POST /micro-suggestions/{id}/actions/convert: the office turns a micro-suggestion that is really a policy matter into
 * a proposal draft of its lead member (转为提案), through the proposals module's create function in the same
 * transaction: title as it is, place and problem as the background, the suggestion as the suggestions, its category.
 * The member completes and submits the draft like any other.
 */
export async function convertMicroSuggestion(
  deps: AppDependencies,
  actor: Actor,
  id: string,
  version: number,
  input: z.output<typeof convertSchema>,
  context: RequestContext,
): Promise<MicroSuggestion> {
  return deps.database.orm.transaction(async (tx) => {
    const { row, settings, transition } = await loadForAction(tx, deps, actor, id, version, 'convert');
    const proposal = await createProposalDraftInTransaction(
      tx,
      deps,
      actor,
      {
        title: row.title,
        background: [row.place ? `地点：${row.place}` : '', row.problem].filter((part) => part !== '').join('\n'),
        suggestions: row.suggestion,
        categoryId: row.categoryId,
        keywords: [],
        agreesToPublish: true,
        publicationRefusalReason: null,
      },
      context,
      { leadMemberId: row.leadMemberId },
    );
    const now = deps.now().toISOString();
    const updated = await writeMicro(tx, deps, row, {
      state: transition.to,
      convertedProposalId: proposal.id,
      decision: storedDecision('convert', actor, now, input.reason),
    });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'micro_suggestion.converted',
      summary: `微建议“${row.title}”转为提案草稿${input.reason ? `，说明：${input.reason}` : ''}`,
      actor,
      subjectType: 'micro_suggestion',
      subjectId: id,
      before: { state: row.state },
      after: { state: updated.state, proposalId: proposal.id, reason: input.reason ?? null },
      context,
    });
    await notifyRaisers(tx, updated, {
      title: '微建议已转为提案草稿',
      body: `您的微建议“${row.title}”涉及面较广，提案委已将其转为您的提案草稿，请在“我的提案”中完善后提交。${reasonSentence(input.reason, '说明')}`,
    });
    await indexMicroSuggestion(tx, actor.orgId, id);
    return presentMicroFor(tx, actor, updated, settings);
  });
}
