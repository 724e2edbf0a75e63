import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One SMS or e-mail to send. Addresses are already masked or resolved by the caller's channel. */
export type OutgoingMessage = {
  kind: 'sms' | 'email';
  orgId: string | null;
  /** The account it goes to; null for a bare phone number of someone without one (a visitor to a station). */
  userId: string | null;
  /** Where it goes, masked for the log (138****5678); a real gateway gets the full address. */
  address: string;
  title: string;
  body: string;
};

/** A way to send SMS and e-mail: a gateway in production, a log file by default. */
export type NotificationChannel = { send: (message: OutgoingMessage) => Promise<void> };

/**
 * The default channel: appends one JSON line per message to a file, so a deployment without an SMS or mail
 * gateway still shows what would have been sent (and tests can read it).
 */
export function logFileChannel(path: string): NotificationChannel {
  return {
    send: async (message) => {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${JSON.stringify({ at: new Date().toISOString(), ...message })}\n`, { mode: 0o600 });
    },
  };
}
