import { and, eq, inArray } from 'drizzle-orm';
import { mask } from '../../platform/crypto/field-cipher.ts';
import type { JobHandler } from '../../platform/jobs/job-types.ts';
import { logFileChannel } from '../../platform/notify/notification-channel.ts';
import { users } from '../people/people.tables.ts';
import { DELIVER_NOTIFICATION_JOB } from './notify.ts';

/**
 * Sends the SMS copy of a notice to every recipient with a mobile number, through the configured channel (a log
 * file by default). Runs after the change that caused it has committed; a failure is retried by the job runner.
 */
const deliverNotification: JobHandler = async (job, deps) => {
  const userIds = (job.payload.userIds as string[] | undefined) ?? [];
  if (userIds.length === 0 || !job.orgId) return;
  const channel = logFileChannel(deps.config.notifyLogFile);
  const rows = await deps.database.orm
    .select({ id: users.id, mobileEncrypted: users.mobileEncrypted })
    .from(users)
    .where(and(eq(users.orgId, job.orgId), inArray(users.id, userIds)));
  for (const row of rows) {
    if (!row.mobileEncrypted) continue;
    await channel.send({
      kind: 'sms',
      orgId: job.orgId,
      userId: row.id,
      // The log never holds the full number; a real SMS gateway would decrypt it here.
      address: mask(deps.cipher.decrypt(row.mobileEncrypted)) ?? '',
      title: String(job.payload.title ?? ''),
      body: String(job.payload.body ?? ''),
    });
  }
};

/** The notification module's job handlers. */
export const notificationJobs = { [DELIVER_NOTIFICATION_JOB]: deliverNotification };
