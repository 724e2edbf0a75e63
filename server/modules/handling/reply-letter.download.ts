import type { Actor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { loadVisibleProposal } from '../proposals/proposals.queries.ts';
import { loadHandlingRules } from './handling.queries.ts';
import { presentRepliesFor } from './handling.view.ts';
import { loadReplyLetterData, loadReplyRow } from './reply-letter.data.ts';
import { replyLetterDocument, replyLetterTitle } from './reply-letter.ts';

/**
 * GET /replies/{id}/letter.docx: the reply letter for whoever may read the reply (the same rule as the replies
 * list: the unit and the office always, proposers, supervisors and leaders once sent; 404 for anyone else).
 */
export async function replyLetterFor(
  deps: AppDependencies,
  actor: Actor,
  replyId: string,
): Promise<{ title: string; content: Buffer }> {
  const orm = deps.database.orm;
  const reply = await loadReplyRow(orm, actor.orgId, replyId);
  const { proposal } = await loadVisibleProposal(orm, actor, reply.proposalId);
  const readable = await presentRepliesFor(orm, actor, proposal, await loadHandlingRules(orm, deps, actor.orgId));
  if (!readable.some((item) => item.id === replyId)) throw notFound('答复');
  const data = await loadReplyLetterData(orm, reply);
  return { title: replyLetterTitle(data), content: await replyLetterDocument(data) };
}
