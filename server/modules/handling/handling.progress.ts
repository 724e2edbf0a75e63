/**
 * Where a proposal's handling stands, computed from its replying units, their replies and the ratings (pure; the
 * actions load the rows and apply the answer through the proposal workflow).
 */

/** The fields of a reply the progress looks at. */
export type ReplyFacts = {
  id: string;
  assignmentId: string;
  kind: string;
  round: number;
  state: string;
  reopenedAt: string | null;
};

/** A rating as far as progress goes: which reply, by whom (null: the collective author). */
export type RatingFacts = { replyId: string; memberId: string | null };

/** The latest reply (not follow-up report) of each assignment, by round. */
export function latestReplies<Reply extends ReplyFacts>(replies: readonly Reply[]): Map<string, Reply> {
  const latest = new Map<string, Reply>();
  for (const reply of replies) {
    if (reply.kind !== 'reply') continue;
    const known = latest.get(reply.assignmentId);
    if (!known || reply.round > known.round) latest.set(reply.assignmentId, reply);
  }
  return latest;
}

/** The replies the proposers rate now: each replying unit's latest reply, sent and not reopened. */
export function currentReplies<Reply extends ReplyFacts>(
  replyingAssignmentIds: readonly string[],
  replies: readonly Reply[],
): Reply[] {
  const latest = latestReplies(replies);
  return replyingAssignmentIds.flatMap((id) => {
    const reply = latest.get(id);
    return reply && reply.state === 'sent' && reply.reopenedAt === null ? [reply] : [];
  });
}

/** The replying assignments that still owe a reply: none yet, not yet sent, or the last one was reopened. */
export function assignmentsOwingReply(replyingAssignmentIds: readonly string[], replies: readonly ReplyFacts[]): string[] {
  const latest = latestReplies(replies);
  return replyingAssignmentIds.filter((id) => {
    const reply = latest.get(id);
    if (!reply) return true;
    return reply.state !== 'sent' || reply.reopenedAt !== null;
  });
}

/** The round a unit's next reply belongs to: 1, or one past its latest reopened reply. */
export function nextRound(assignmentId: string, replies: readonly ReplyFacts[]): number {
  const latest = latestReplies(replies).get(assignmentId);
  if (!latest) return 1;
  return latest.reopenedAt !== null ? latest.round + 1 : latest.round;
}

/** How many (current reply, rater) pairs have no rating yet. */
export function missingRatings(
  current: readonly Pick<ReplyFacts, 'id'>[],
  raterIds: readonly (string | null)[],
  ratings: readonly RatingFacts[],
): number {
  const rated = new Set(ratings.map((rating) => `${rating.replyId}:${rating.memberId ?? ''}`));
  let missing = 0;
  for (const reply of current) {
    for (const rater of raterIds) if (!rated.has(`${reply.id}:${rater ?? ''}`)) missing += 1;
  }
  return missing;
}
