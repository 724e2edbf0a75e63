import type { HandledKind } from '../../../contracts/handling.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { loadHandledSubject, loadHandlingRules, type ReplyRow } from './handling.queries.ts';
import { assertCanReadItem, presentRepliesFor } from './handling.view.ts';
import { loadReplyLetterData, loadReplyRow } from './reply-letter.data.ts';
import { replyLetterDocument, replyLetterTitle } from './reply-letter.ts';

/**
 * A reply the actor may read (the same rule as the replies list: the unit and the office always, the raters,
 * supervisors and leaders once sent), with its item's kind; 404 for anyone else.
 */
export async function loadReadableReply(deps: AppDependencies, actor: Actor, replyId: string): Promise<ReplyRow> {
  const orm = deps.database.orm;
  const reply = await loadReplyRow(orm, actor.orgId, replyId);
  const subject = await loadHandledSubject(orm, actor.orgId, reply.itemId);
  await assertCanReadItem(orm, actor, subject);
  const rules = await loadHandlingRules(orm, deps, actor.orgId, subject.item.kind as HandledKind);
  const readable = await presentRepliesFor(orm, actor, subject, rules);
  if (!readable.some((item) => item.id === replyId)) throw notFound('答复');
  return reply;
}

/** GET /replies/{id}/letter.docx: the reply letter (a proposal's 答复函) for whoever may read the reply. */
export async function replyLetterFor(
  deps: AppDependencies,
  actor: Actor,
  replyId: string,
): Promise<{ title: string; content: Buffer }> {
  const reply = await loadReadableReply(deps, actor, replyId);
  const subject = await loadHandledSubject(deps.database.orm, actor.orgId, reply.itemId);
  // The reply letter is the proposal's official document; other kinds answer in the reply itself.
  if (subject.item.kind !== 'proposal') throw notFound('答复函');
  const data = await loadReplyLetterData(deps.database.orm, reply);
  return { title: replyLetterTitle(data), content: await replyLetterDocument(data) };
}
