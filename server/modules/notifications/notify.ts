import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import { users } from '../people/people.tables.ts';
import { notifications } from './notifications.tables.ts';

/** The job type that sends the SMS / e-mail copy of a notice through the configured channel. */
export const DELIVER_NOTIFICATION_JOB = 'notifications.deliver';

/** A notice: a short title, the text with the reason, and what it is about. */
export type Notice = {
  title: string;
  body: string;
  subjectType?: string;
  subjectId?: string;
  link?: string;
};

/** Who receives a notice: users directly, the users linked to members, or the users of handling units. */
export type Recipients = { userIds?: readonly string[]; memberIds?: readonly string[]; unitIds?: readonly string[] };

/** Active users of the committee among the recipients, each once. */
async function recipientUserIds(executor: Executor, orgId: string, to: Recipients): Promise<string[]> {
  const ids = new Set(to.userIds ?? []);
  const memberIds = [...new Set(to.memberIds ?? [])];
  const unitIds = [...new Set(to.unitIds ?? [])];
  if (memberIds.length > 0) {
    const rows = await executor
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, orgId), inArray(users.memberId, memberIds), eq(users.state, 'active')));
    for (const row of rows) ids.add(row.id);
  }
  if (unitIds.length > 0) {
    const rows = await executor
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, orgId), inArray(users.unitId, unitIds), eq(users.state, 'active')));
    for (const row of rows) ids.add(row.id);
  }
  return [...ids];
}

/**
 * Notifies people in the caller's transaction: one in-app notice per user, and one delivery job that sends the
 * SMS / e-mail copies after the change commits. Returns the number of users notified.
 */
export async function notify(executor: Executor, orgId: string, to: Recipients, notice: Notice): Promise<number> {
  const userIds = await recipientUserIds(executor, orgId, to);
  if (userIds.length === 0) return 0;
  await executor.insert(notifications).values(
    userIds.map((userId) => ({
      orgId,
      userId,
      title: notice.title,
      body: notice.body,
      subjectType: notice.subjectType ?? null,
      subjectId: notice.subjectId ?? null,
      link: notice.link ?? null,
    })),
  );
  await enqueue(executor, {
    type: DELIVER_NOTIFICATION_JOB,
    orgId,
    payload: { userIds, title: notice.title, body: notice.body },
  });
  return userIds.length;
}
