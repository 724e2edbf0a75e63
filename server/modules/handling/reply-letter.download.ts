import type { Actor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { loadVisibleProposal } from '../proposals/proposals.queries.ts';
import { loadHandlingRules, type ReplyRow } from './handling.queries.ts';
import { presentRepliesFor } from './handling.view.ts';
import { loadReplyLetterData, loadReplyRow } from './reply-letter.data.ts';
import { replyLetterDocument, replyLetterTitle } from './reply-letter.ts';

/**
 * A reply the actor may read (the same rule as the replies list: the unit and the office always, proposers,
 * supervisors and leaders once sent); 404 for anyone else.
 */
export async function loadReadableReply(deps: AppDependencies, actor: Actor, replyId: string): Promise<ReplyRow> {
  const orm = deps.database.orm;
  const reply = await loadReplyRow(orm, actor.orgId, replyId);
  const { proposal } = await loadVisibleProposal(orm, actor, reply.itemId);
  const readable = await presentRepliesFor(orm, actor, proposal, await loadHandlingRules(orm, deps, actor.orgId));
  if (!readable.some((item) => item.id === replyId)) throw notFound('答复');
  return reply;
}

/** GET /replies/{id}/letter.docx: the reply letter for whoever may read the reply. */
export async function replyLetterFor(
  deps: AppDependencies,
  actor: Actor,
  replyId: string,
): Promise<{ title: string; content: Buffer }> {
  const reply = await loadReadableReply(deps, actor, replyId);
  const data = await loadReplyLetterData(deps.database.orm, reply);
  return { title: replyLetterTitle(data), content: await replyLetterDocument(data) };
}
