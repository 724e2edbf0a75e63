import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { HandledKind, ItemReplies, ratingCreateSchema } from '../../../../contracts/handling.ts';
import { ratingNames } from '../../../../contracts/handling.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { conflict, notFound } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { notify } from '../../notifications/notify.ts';
import { itemAssignments } from '../handled-items.tables.ts';
import { afterRating, ratingRefusal, repliesToProposers } from '../handling.policy.ts';
import { currentReplies, missingRatings } from '../handling.progress.ts';
import { loadHandledSubject, loadHandlingRules, loadLiveAssignmentRows, loadRatings, loadReplies } from '../handling.queries.ts';
import { throwIfRefused } from '../handling.refusals.ts';
import { itemReplies, replyRatings } from '../handling.tables.ts';
import { presentItemReplies, raterFor } from '../handling.view.ts';
import { itemWords, ratersWord } from './reply-action.ts';

/**
 * POST /replies/{id}/ratings (满意度测评): a rater (a proposer; a member who raised a micro-suggestion) rates a
 * current reply, once. Dissatisfied reopens handling for that unit (up to the kind's limit, default once) with a
 * new deadline (proposals: 1 month); when every rater has rated every current reply, the item is closed (办结).
 */
export async function rateReply(
  deps: AppDependencies,
  actor: Actor,
  replyId: string,
  input: z.output<typeof ratingCreateSchema>,
  context: RequestContext,
): Promise<ItemReplies> {
  return deps.database.orm.transaction(async (tx) => {
    const [peek] = await tx
      .select({ itemId: itemReplies.itemId })
      .from(itemReplies)
      .where(and(eq(itemReplies.orgId, actor.orgId), eq(itemReplies.id, replyId)));
    if (!peek) throw notFound('答复');
    const subject = await loadHandledSubject(tx, actor.orgId, peek.itemId, true);
    const { owner, adapter } = subject;
    const rules = await loadHandlingRules(tx, deps, actor.orgId, subject.item.kind as HandledKind);
    const raters = await adapter.raters(tx, owner);
    const rater = raterFor(actor, subject, raters);
    const replies = await loadReplies(tx, actor.orgId, owner.id);
    const reply = replies.find((row) => row.id === replyId);
    if (!reply || (!rater && reply.state !== 'sent')) throw notFound('答复');
    const live = await loadLiveAssignmentRows(tx, actor.orgId, owner.id);
    const replyingIds = live.filter((row) => repliesToProposers(row.role)).map((row) => row.id);
    const current = currentReplies(replyingIds, replies);
    const ratings = await loadRatings(tx, actor.orgId, owner.id);
    throwIfRefused(
      ratingRefusal({
        raterFound: rater !== null,
        replyKind: reply.kind as 'reply' | 'follow_up',
        replyState: reply.state,
        replyIsCurrent: current.some((row) => row.id === replyId),
        proposalState: owner.phase,
        alreadyRated: ratings.some((row) => row.replyId === replyId && row.memberId === (rater?.memberId ?? null)),
      }),
      rules.kindName,
      'rating',
    );
    if (!rater) throw notFound('答复');
    const [rating] = await tx
      .insert(replyRatings)
      .values({
        orgId: actor.orgId,
        replyId,
        itemId: owner.id,
        memberId: rater.memberId,
        ratedBy: actor.userId,
        rating: input.rating,
        contacted: input.contacted ?? null,
        addressed: input.addressed ?? null,
        comment: input.comment ?? null,
      })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw conflict('您已评价过这份答复，评价不能修改', 'already_rated');
        throw error;
      });
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'handling.reply_rated',
      summary: `${rater.name}评价答复为“${ratingNames[input.rating]}”：${itemWords(rules, owner.title)}`,
      actor,
      subjectType: 'proposal_reply',
      subjectId: replyId,
      after: { ratingId: rating.id, rating: input.rating, memberId: rater.memberId, round: reply.round },
      context,
    });
    const next = afterRating({
      rating: input.rating,
      rehandlingCount: owner.rehandlingCount,
      rehandlingLimit: rules.rehandlingLimit,
      missingRatings: missingRatings(
        current,
        raters.map((person) => person.memberId),
        [...ratings, rating],
      ),
    });
    const now = deps.now().toISOString();
    if (next === 'reopen') {
      const assignment = live.find((row) => row.id === reply.assignmentId);
      if (!assignment) throw notFound('交办件');
      const dueOn = rules.calendar.dueDate(rules.today, rules.rehandlingDue);
      await tx
        .update(itemReplies)
        .set({ reopenedAt: now, updatedAt: now, version: reply.version + 1 })
        .where(and(eq(itemReplies.orgId, actor.orgId), eq(itemReplies.id, replyId)));
      await tx
        .update(itemAssignments)
        .set({ dueOn, repliedAt: null, version: assignment.version + 1, updatedAt: now })
        .where(and(eq(itemAssignments.orgId, actor.orgId), eq(itemAssignments.id, assignment.id)));
      await adapter.move(
        tx,
        deps,
        owner,
        'reopen',
        { rehandlingCount: owner.rehandlingCount + 1, ratingDueOn: null },
        {
          actor,
          roles: actor.roles,
          context,
          summary: `${ratersWord(rules)}对答复不满意，${itemWords(rules, owner.title)}二次办理，期限 ${dueOn}`,
        },
      );
      await notify(
        tx,
        actor.orgId,
        { unitIds: [reply.unitId] },
        {
          title: `二次办理：${owner.title}`,
          body: `${ratersWord(rules)}对贵单位关于${itemWords(rules, owner.title)}的答复不满意${input.comment ? `（意见：${input.comment}）` : ''}，请重新办理，并于 ${dueOn} 前再次答复。`,
          subjectType: 'proposal_assignment',
          subjectId: assignment.id,
          link: `/handling/${assignment.id}`,
        },
      );
    } else if (next === 'close') {
      await adapter.move(
        tx,
        deps,
        owner,
        'close',
        { closedAt: now },
        {
          actor,
          roles: actor.roles,
          context,
          summary: `${itemWords(rules, owner.title)}的答复均已评价，办结`,
        },
      );
    }
    const after = await loadHandledSubject(tx, actor.orgId, owner.id);
    return presentItemReplies(tx, actor, after, rules);
  });
}
