import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ProposalReplies, ratingCreateSchema } from '../../../../contracts/handling.ts';
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
import {
  loadHandlingRules,
  loadLiveAssignmentRows,
  loadProposalRow,
  loadRaters,
  loadRatings,
  loadReplies,
} from '../handling.queries.ts';
import { throwIfRefused } from '../handling.refusals.ts';
import { itemReplies, replyRatings } from '../handling.tables.ts';
import { presentRepliesFor, raterFor } from '../handling.view.ts';
import { moveProposal } from './reply-sent.ts';

/**
 * POST /replies/{id}/ratings (满意度测评): a proposer rates a current reply, once. Dissatisfied reopens handling
 * for that unit (up to the committee's limit, default once) with a new deadline (default 1 month); when every
 * proposer has rated every current reply, the proposal is closed (办结).
 */
export async function rateReply(
  deps: AppDependencies,
  actor: Actor,
  replyId: string,
  input: z.output<typeof ratingCreateSchema>,
  context: RequestContext,
): Promise<ProposalReplies> {
  return deps.database.orm.transaction(async (tx) => {
    const [peek] = await tx
      .select({ proposalId: itemReplies.itemId })
      .from(itemReplies)
      .where(and(eq(itemReplies.orgId, actor.orgId), eq(itemReplies.id, replyId)));
    if (!peek) throw notFound('答复');
    const proposal = await loadProposalRow(tx, actor.orgId, peek.proposalId, true);
    const raters = await loadRaters(tx, proposal);
    const rater = raterFor(actor, proposal, raters);
    const replies = await loadReplies(tx, actor.orgId, proposal.id);
    const reply = replies.find((row) => row.id === replyId);
    if (!reply || (!rater && reply.state !== 'sent')) throw notFound('答复');
    const live = await loadLiveAssignmentRows(tx, actor.orgId, proposal.id);
    const replyingIds = live.filter((row) => repliesToProposers(row.role)).map((row) => row.id);
    const current = currentReplies(replyingIds, replies);
    const ratings = await loadRatings(tx, actor.orgId, proposal.id);
    throwIfRefused(
      ratingRefusal({
        raterFound: rater !== null,
        replyKind: reply.kind as 'reply' | 'follow_up',
        replyState: reply.state,
        replyIsCurrent: current.some((row) => row.id === replyId),
        proposalState: proposal.state,
        alreadyRated: ratings.some((row) => row.replyId === replyId && row.memberId === (rater?.memberId ?? null)),
      }),
    );
    if (!rater) throw notFound('答复');
    const [rating] = await tx
      .insert(replyRatings)
      .values({
        orgId: actor.orgId,
        replyId,
        itemId: proposal.id,
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
      summary: `${rater.name}评价答复为“${ratingNames[input.rating]}”：提案“${proposal.title}”`,
      actor,
      subjectType: 'proposal_reply',
      subjectId: replyId,
      after: { ratingId: rating.id, rating: input.rating, memberId: rater.memberId, round: reply.round },
      context,
    });
    const rules = await loadHandlingRules(tx, deps, actor.orgId);
    const next = afterRating({
      rating: input.rating,
      rehandlingCount: proposal.rehandlingCount,
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
      const dueOn = rules.calendar.dueDate(rules.today, { months: rules.rehandlingDueMonths });
      await tx
        .update(itemReplies)
        .set({ reopenedAt: now, updatedAt: now, version: reply.version + 1 })
        .where(and(eq(itemReplies.orgId, actor.orgId), eq(itemReplies.id, replyId)));
      await tx
        .update(itemAssignments)
        .set({ dueOn, repliedAt: null, version: assignment.version + 1, updatedAt: now })
        .where(and(eq(itemAssignments.orgId, actor.orgId), eq(itemAssignments.id, assignment.id)));
      await moveProposal(
        tx,
        deps,
        proposal,
        'reopen',
        { rehandlingCount: proposal.rehandlingCount + 1, ratingDueOn: null },
        { actor, roles: actor.roles, context, summary: `提案人对答复不满意，提案“${proposal.title}”二次办理，期限 ${dueOn}` },
      );
      await notify(
        tx,
        actor.orgId,
        { unitIds: [reply.unitId] },
        {
          title: `二次办理：${proposal.title}`,
          body: `提案人对贵单位关于提案“${proposal.title}”的答复不满意${input.comment ? `（意见：${input.comment}）` : ''}，请重新办理，并于 ${dueOn} 前再次答复。`,
          subjectType: 'proposal_assignment',
          subjectId: assignment.id,
          link: `/handling/${assignment.id}`,
        },
      );
    } else if (next === 'close') {
      await moveProposal(
        tx,
        deps,
        proposal,
        'close',
        { closedAt: now },
        {
          actor,
          roles: actor.roles,
          context,
          summary: `提案“${proposal.title}”的答复均已评价，办结`,
        },
      );
    }
    const after = await loadProposalRow(tx, actor.orgId, proposal.id);
    return {
      proposalId: after.id,
      state: after.state,
      ratingDueOn: after.ratingDueOn,
      items: await presentRepliesFor(tx, actor, after, rules),
    };
  });
}
