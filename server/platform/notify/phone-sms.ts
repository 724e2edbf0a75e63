import { mask } from '../crypto/field-cipher.ts';
import type { Executor } from '../db/database.ts';
import { enqueue } from '../jobs/enqueue.ts';
import type { JobHandler } from '../jobs/job-types.ts';
import { logFileChannel } from './notification-channel.ts';

/** The job type that sends one SMS to a phone number that belongs to no account. */
export const PHONE_SMS_JOB = 'notify.phone_sms';

/**
 * Enqueues, in the caller's transaction, an SMS to a bare phone number (a member of the public who left one). The
 * job's payload holds the number only as the sealed value the caller stored (field cipher), never in clear, so the
 * jobs table holds no readable number either; the job decrypts it when it sends.
 */
export async function enqueuePhoneSms(
  executor: Executor,
  input: { orgId: string; sealedPhone: string; title: string; body: string },
): Promise<void> {
  await enqueue(executor, {
    type: PHONE_SMS_JOB,
    orgId: input.orgId,
    payload: { sealedPhone: input.sealedPhone, title: input.title, body: input.body },
  });
}

/**
 * Sends the SMS through the configured channel (a log file by default, with the number masked; a real gateway
 * would send to the clear number it decrypts here). A value that no longer decrypts is dropped, not retried.
 */
const sendPhoneSms: JobHandler = async (job, deps) => {
  const sealed = typeof job.payload.sealedPhone === 'string' ? job.payload.sealedPhone : '';
  let phone: string;
  try {
    phone = deps.cipher.decrypt(sealed);
  } catch {
    return;
  }
  await logFileChannel(deps.config.notifyLogFile).send({
    kind: 'sms',
    orgId: job.orgId,
    userId: null,
    address: mask(phone) ?? '',
    title: String(job.payload.title ?? ''),
    body: String(job.payload.body ?? ''),
  });
};

/** The job handlers of bare-phone SMS; the notifications module registers them beside its own delivery job. */
export const phoneSmsJobs: Record<string, JobHandler> = { [PHONE_SMS_JOB]: sendPhoneSms };
