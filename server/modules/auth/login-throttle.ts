import { and, eq, inArray, isNull, like, lt, notLike, or, sql } from 'drizzle-orm';
import type { TenantSettings } from '../../../contracts/settings.ts';
import { blindIndex } from '../../platform/crypto/hashing.ts';
import type { Executor, Transaction } from '../../platform/db/database.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { users } from '../people/people.tables.ts';
import {
  addressKey,
  counterAfterFailure,
  counterAfterRelease,
  emptyCounter,
  type FailureCounter,
  heldUntil,
  isTrustedAddress,
  loginCounterRules,
} from './auth.policy.ts';
import { loginCounters } from './login-security.tables.ts';

/** Who a login attempt is about: a known account, or a name no account has (counted alike, so neither shows). */
export type LoginSubject = { kind: 'account'; orgId: string; userId: string } | { kind: 'name'; loginName: string };

/** The counters an attempt is counted under, in the order they are locked (always this order: no deadlocks). */
type CounterKind = 'address' | 'pair' | 'account';
type ReservedCounter = { kind: CounterKind; key: string; before: FailureCounter; reserved: FailureCounter };

/** A failure counted before the password is checked; given back when it was right. */
export type Reservation = { subject: LoginSubject; address: string; counters: ReservedCounter[]; at: Date };

/** The attempt may be checked (its failure reserved), or must wait: the address's budget or the name's. */
export type ThrottleOutcome = { ok: true; reservation: Reservation } | { ok: false; scope: 'address' | 'account'; retryAt: Date };

type Security = TenantSettings['security'];

/** The counter key of the account or unknown name; an unknown name is stored only as a keyed hash. */
function subjectKey(secret: string, subject: LoginSubject): string {
  if (subject.kind === 'account') return `account:${subject.userId}`;
  return `name:${blindIndex(secret, `login-name:${subject.loginName.trim()}`)}`;
}

/** The key of the row that remembers the last successful login of the account from the address. */
function knownKey(userId: string, address: string): string {
  return `known:${userId}|${address}`;
}

/** A counter row as the policy sees it. */
function toCounter(row: typeof loginCounters.$inferSelect | undefined): FailureCounter {
  if (!row) return emptyCounter;
  const instant = (value: string | null) => (value ? new Date(value) : null);
  return {
    failures: row.failures,
    windowStartedAt: instant(row.windowStartedAt),
    heldUntil: instant(row.heldUntil),
    updatedAt: instant(row.updatedAt),
  };
}

/**
 * Locks the counter row for the rest of the transaction and reads it, in one statement: the upsert creates a new
 * row or touches an existing one (which locks it) and returns it.
 */
async function lockCounter(tx: Transaction, key: string): Promise<FailureCounter> {
  const [row] = await tx
    .insert(loginCounters)
    .values({ key, failures: 0 })
    .onConflictDoUpdate({ target: loginCounters.key, set: { key: sql`excluded.key` } })
    .returning();
  const counter = toCounter(row);
  // A new row has no failure yet: its creation instant is not a last failure.
  return counter.failures === 0 && !counter.heldUntil && !counter.windowStartedAt ? emptyCounter : counter;
}

/** Writes a counter; an account's is mirrored on the user row, where the security administrator sees and clears it. */
async function writeCounter(
  tx: Transaction,
  entry: { kind: CounterKind; key: string },
  counter: FailureCounter,
  subject: LoginSubject,
) {
  await tx
    .update(loginCounters)
    .set({
      failures: counter.failures,
      windowStartedAt: counter.windowStartedAt?.toISOString() ?? null,
      heldUntil: counter.heldUntil?.toISOString() ?? null,
      updatedAt: (counter.updatedAt ?? new Date(0)).toISOString(),
    })
    .where(eq(loginCounters.key, entry.key));
  if (entry.kind === 'account' && subject.kind === 'account') {
    await tx
      .update(users)
      .set({ failedLoginCount: counter.failures, lockedUntil: counter.heldUntil?.toISOString() ?? null })
      .where(and(eq(users.orgId, subject.orgId), eq(users.id, subject.userId)));
  }
}

/**
 * The account counter, unless an administrator cleared the account meanwhile (unlock or password reset zero the
 * mirrored columns on the user row): then the account starts afresh.
 */
async function accountCounter(tx: Transaction, key: string, subject: LoginSubject): Promise<FailureCounter> {
  const counter = await lockCounter(tx, key);
  if (subject.kind !== 'account' || counter.failures === 0) return counter;
  const [row] = await tx
    .select({ failedLoginCount: users.failedLoginCount, lockedUntil: users.lockedUntil })
    .from(users)
    .where(and(eq(users.orgId, subject.orgId), eq(users.id, subject.userId)));
  return row && row.failedLoginCount === 0 && row.lockedUntil === null ? emptyCounter : counter;
}

/** When the account last logged in from the address, or null. */
async function lastLoginFrom(executor: Executor, userId: string, address: string): Promise<Date | null> {
  const [row] = await executor
    .select({ updatedAt: loginCounters.updatedAt })
    .from(loginCounters)
    .where(eq(loginCounters.key, knownKey(userId, address)));
  return row ? new Date(row.updatedAt) : null;
}

/**
 * Counts a login attempt as a failure before its password (or code) is checked, in one short transaction with the
 * three counter rows locked: the address's budget (deployment-wide), the address on this name, and the name from
 * everywhere (skipped from an address the account recently logged in from). A held counter refuses the attempt
 * unchecked and counts nothing. Because the reservation is written before the check, parallel guesses and guesses
 * through other app nodes cannot get past the limits.
 */
export async function reserveLoginAttempt(
  dependencies: AppDependencies,
  input: { ip: string; subject: LoginSubject; security: Security },
): Promise<ThrottleOutcome> {
  const now = dependencies.now();
  const { config } = dependencies;
  const address = addressKey(input.ip);
  const rules = loginCounterRules(input.security, {
    budget: config.loginAddressFailureBudget,
    windowMinutes: config.loginAddressWindowMinutes,
  });
  const subject = subjectKey(config.sessionSecret, input.subject);
  const trusted =
    input.subject.kind === 'account' &&
    isTrustedAddress(
      await lastLoginFrom(dependencies.database.orm, input.subject.userId, address),
      input.security.trustedAddressDays,
      now,
    );
  return dependencies.database.orm.transaction(async (tx): Promise<ThrottleOutcome> => {
    const addressEntry = { kind: 'address' as const, key: `address:${address}` };
    const pairEntry = { kind: 'pair' as const, key: `pair:${address}|${subject}` };
    const accountEntry = { kind: 'account' as const, key: subject };
    const addressCounter = await lockCounter(tx, addressEntry.key);
    const addressHold = heldUntil(addressCounter, now);
    if (addressHold) return { ok: false, scope: 'address', retryAt: addressHold };
    const pairCounter = await lockCounter(tx, pairEntry.key);
    const account = await accountCounter(tx, accountEntry.key, input.subject);
    const holds = [heldUntil(pairCounter, now), trusted ? null : heldUntil(account, now)].filter(
      (hold): hold is Date => hold !== null,
    );
    if (holds.length > 0) {
      return { ok: false, scope: 'account', retryAt: new Date(Math.max(...holds.map((hold) => hold.getTime()))) };
    }
    const counters: ReservedCounter[] = [
      { ...addressEntry, before: addressCounter, reserved: counterAfterFailure(addressCounter, rules.address, now) },
      { ...pairEntry, before: pairCounter, reserved: counterAfterFailure(pairCounter, rules.pair, now) },
      { ...accountEntry, before: account, reserved: counterAfterFailure(account, rules.account, now) },
    ];
    for (const entry of counters) await writeCounter(tx, entry, entry.reserved, input.subject);
    return { ok: true, reservation: { subject: input.subject, address, counters, at: now } };
  });
}

/** Gives the reserved failures back: the password was right (successful logins do not count against anyone). */
async function releaseCounters(tx: Transaction, reservation: Reservation, kinds: readonly CounterKind[]): Promise<void> {
  for (const entry of reservation.counters.filter((item) => kinds.includes(item.kind))) {
    const current = await lockCounter(tx, entry.key);
    await writeCounter(tx, entry, counterAfterRelease(current, entry.before, entry.reserved), reservation.subject);
  }
}

/** The password was right but the login waits for its authenticator code: the attempt does not count as a failure. */
export async function giveBackLoginAttempt(dependencies: AppDependencies, reservation: Reservation): Promise<void> {
  await dependencies.database.orm.transaction((tx) => releaseCounters(tx, reservation, ['address', 'pair', 'account']));
}

/**
 * A login is complete: the address gets its reserved failure back, the name's counters start afresh (from this
 * address and from everywhere), and the address is remembered as one the account logs in from. In the caller's
 * transaction, with the session it opens.
 */
export async function settleSuccessfulLogin(tx: Transaction, reservation: Reservation, now: Date): Promise<void> {
  await releaseCounters(tx, reservation, ['address']);
  // The user row's mirror is cleared by the session's opening (openSession), in the same transaction.
  const keys = reservation.counters.filter((item) => item.kind !== 'address').map((item) => item.key);
  await tx
    .update(loginCounters)
    .set({ failures: 0, windowStartedAt: null, heldUntil: null, updatedAt: now.toISOString() })
    .where(inArray(loginCounters.key, keys));
  if (reservation.subject.kind === 'account') {
    await tx
      .insert(loginCounters)
      .values({ key: knownKey(reservation.subject.userId, reservation.address), updatedAt: now.toISOString() })
      .onConflictDoUpdate({ target: loginCounters.key, set: { updatedAt: now.toISOString() } });
  }
}

/** The holds the confirmed failure of this reservation started (for the event log): which counter, and until when. */
export function holdsStarted(reservation: Reservation): { kind: CounterKind; until: Date }[] {
  return reservation.counters.flatMap((entry) => {
    const until = heldUntil(entry.reserved, reservation.at);
    return until && !heldUntil(entry.before, reservation.at) ? [{ kind: entry.kind, until }] : [];
  });
}

/** Counter rows quiet this long are deleted (longer than any committee's failure memory, 7 days at most). */
const COUNTER_KEPT_DAYS = 8;
/** Remembered login addresses are deleted after this long (longer than the largest trustedAddressDays, 365). */
const KNOWN_ADDRESS_KEPT_DAYS = 366;

/** Deletes counters that no longer hold or count anything, and login addresses too old to be trusted. */
export async function purgeLoginCounters(executor: Executor, now: Date): Promise<void> {
  const day = 24 * 60 * 60_000;
  const counterCutoff = new Date(now.getTime() - COUNTER_KEPT_DAYS * day).toISOString();
  const knownCutoff = new Date(now.getTime() - KNOWN_ADDRESS_KEPT_DAYS * day).toISOString();
  await executor
    .delete(loginCounters)
    .where(
      or(
        and(
          notLike(loginCounters.key, 'known:%'),
          lt(loginCounters.updatedAt, counterCutoff),
          or(isNull(loginCounters.heldUntil), lt(loginCounters.heldUntil, now.toISOString())),
        ),
        and(like(loginCounters.key, 'known:%'), lt(loginCounters.updatedAt, knownCutoff)),
      ),
    );
}
