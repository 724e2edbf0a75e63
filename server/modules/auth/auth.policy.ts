import { checkPasswordPolicy, type SecondFactorState } from '../../../contracts/auth.ts';
import { isValidMobile } from '../../../contracts/people.ts';
import { administratorRoles, type Role } from '../../../contracts/roles.ts';
import type { TenantSettings } from '../../../contracts/settings.ts';

export { checkPasswordPolicy };

type SecuritySettings = TenantSettings['security'];

/** Whether the account may log in once its password was right: not while it is disabled. */
export type LoginCheck = { ok: true } | { ok: false; reason: 'disabled' };

/**
 * Steps a session still has to take before it may use the whole API, in the order the user takes them:
 * the authenticator code, then a forced password change, then the enrolment of a second factor.
 */
export type PendingStep = 'second_factor' | 'password_change' | 'totp_enrollment';

/** May the account log in (its password being right): an active account may; holds are the counters' business. */
export function canLogin(account: { state: string }): LoginCheck {
  return account.state === 'active' ? { ok: true } : { ok: false, reason: 'disabled' };
}

// ───────────────────────────── failed-login counters ─────────────────────────────

/** A failure counter (a row of login_counters): failures in its window, and the instant before which nothing is checked. */
export type FailureCounter = {
  failures: number;
  windowStartedAt: Date | null;
  heldUntil: Date | null;
  /** The last failure counted (for an account counter, its failures are forgotten after a quiet spell). */
  updatedAt: Date | null;
};

/** A counter before its first failure. */
export const emptyCounter: FailureCounter = { failures: 0, windowStartedAt: null, heldUntil: null, updatedAt: null };

/**
 * How a counter counts:
 * - budget (a network address): `limit` failures per fixed window; the last one holds the address to the window's end;
 * - lock (an address on one account): `limit` failures within `windowMinutes` lock the pair for `lockMinutes`;
 * - delay (an account from every address, or an unknown name): after `freeFailures` each further try waits
 *   `delaySeconds`, doubling up to `maxDelaySeconds`; failures are forgotten after `memoryHours` without one.
 */
export type CounterRule =
  | { kind: 'budget'; limit: number; windowMinutes: number }
  | { kind: 'lock'; limit: number; windowMinutes: number; lockMinutes: number }
  | { kind: 'delay'; freeFailures: number; delaySeconds: number; maxDelaySeconds: number; memoryHours: number };

/** The three rules a login attempt is counted under, from the committee's settings and the deployment's address budget. */
export function loginCounterRules(
  security: Pick<
    SecuritySettings,
    | 'lockoutThreshold'
    | 'lockoutMinutes'
    | 'accountDelayAfterFailures'
    | 'accountDelaySeconds'
    | 'accountMaxDelaySeconds'
    | 'accountFailureMemoryHours'
  >,
  address: { budget: number; windowMinutes: number },
): { address: CounterRule; pair: CounterRule; account: CounterRule } {
  return {
    address: { kind: 'budget', limit: address.budget, windowMinutes: address.windowMinutes },
    pair: {
      kind: 'lock',
      limit: security.lockoutThreshold,
      windowMinutes: security.lockoutMinutes,
      lockMinutes: security.lockoutMinutes,
    },
    account: {
      kind: 'delay',
      freeFailures: security.accountDelayAfterFailures,
      delaySeconds: security.accountDelaySeconds,
      maxDelaySeconds: Math.max(security.accountMaxDelaySeconds, security.accountDelaySeconds),
      memoryHours: security.accountFailureMemoryHours,
    },
  };
}

const MINUTE = 60_000;

/** The instant before which the counter lets no attempt be checked, or null when it lets one through now. */
export function heldUntil(counter: Pick<FailureCounter, 'heldUntil'>, now: Date): Date | null {
  return counter.heldUntil && counter.heldUntil.getTime() > now.getTime() ? counter.heldUntil : null;
}

/** The wait a delay rule imposes after this many failures: none before `freeFailures`, then doubling to the cap. */
export function delayAfterFailures(failures: number, rule: Extract<CounterRule, { kind: 'delay' }>): number {
  if (failures < rule.freeFailures) return 0;
  const doublings = Math.min(failures - rule.freeFailures, 30);
  return Math.min(rule.delaySeconds * 2 ** doublings, rule.maxDelaySeconds);
}

/** The failures that still count at `now`: none once the window is over or (for a delay) the quiet spell has passed. */
function countedFailures(counter: FailureCounter, rule: CounterRule, now: Date): number {
  const at = now.getTime();
  if (rule.kind === 'delay') {
    const forgotten = counter.updatedAt === null || at - counter.updatedAt.getTime() >= rule.memoryHours * 60 * MINUTE;
    return forgotten ? 0 : counter.failures;
  }
  const windowOver = counter.windowStartedAt === null || at >= counter.windowStartedAt.getTime() + rule.windowMinutes * MINUTE;
  return windowOver ? 0 : counter.failures;
}

/** How many failures the counter allows from now before it holds or makes the next try wait (its budget left). */
export function failuresLeft(counter: FailureCounter, rule: CounterRule, now: Date): number {
  if (heldUntil(counter, now)) return 0;
  const limit = rule.kind === 'delay' ? rule.freeFailures : rule.limit;
  return Math.max(limit - countedFailures(counter, rule, now), 0);
}

/**
 * The counter after one more failure at `now` (the caller has checked it was not held). Counted before the password
 * is checked, so parallel guesses cannot slip past the limit; a right password gives it back (counterAfterRelease).
 */
export function counterAfterFailure(counter: FailureCounter, rule: CounterRule, now: Date): FailureCounter {
  const at = now.getTime();
  const failures = countedFailures(counter, rule, now) + 1;
  if (rule.kind === 'delay') {
    const wait = delayAfterFailures(failures, rule);
    const previous = heldUntil(counter, now);
    const held = wait > 0 ? new Date(Math.max(at + wait * 1000, previous?.getTime() ?? 0)) : previous;
    return { failures, windowStartedAt: null, heldUntil: held, updatedAt: now };
  }
  const windowStartedAt = failures === 1 ? now : (counter.windowStartedAt as Date);
  if (failures < rule.limit) return { failures, windowStartedAt, heldUntil: null, updatedAt: now };
  if (rule.kind === 'budget') {
    const windowEnd = new Date(windowStartedAt.getTime() + rule.windowMinutes * MINUTE);
    return { failures, windowStartedAt, heldUntil: windowEnd, updatedAt: now };
  }
  return { failures: 0, windowStartedAt: null, heldUntil: new Date(at + rule.lockMinutes * MINUTE), updatedAt: now };
}

/** True when two counters hold the same values. */
function sameCounter(left: FailureCounter, right: FailureCounter): boolean {
  const time = (value: Date | null) => value?.getTime() ?? null;
  return (
    left.failures === right.failures &&
    time(left.windowStartedAt) === time(right.windowStartedAt) &&
    time(left.heldUntil) === time(right.heldUntil) &&
    time(left.updatedAt) === time(right.updatedAt)
  );
}

/**
 * The counter once a reserved failure is given back (the password was right): unchanged since the reservation, it
 * returns to what it was; otherwise one failure less, and a hold only this reservation set is lifted.
 */
export function counterAfterRelease(current: FailureCounter, before: FailureCounter, reserved: FailureCounter): FailureCounter {
  if (sameCounter(current, reserved)) return before;
  const time = (value: Date | null) => value?.getTime() ?? null;
  const ourHold = time(reserved.heldUntil) !== time(before.heldUntil) && time(current.heldUntil) === time(reserved.heldUntil);
  return { ...current, failures: Math.max(current.failures - 1, 0), heldUntil: ourHold ? before.heldUntil : current.heldUntil };
}

/** True when the account logged in from the address recently enough (the committee's days) to skip the account's wait. */
export function isTrustedAddress(lastLoginFromThere: Date | null, trustedAddressDays: number, now: Date): boolean {
  if (!lastLoginFromThere || trustedAddressDays <= 0) return false;
  return now.getTime() - lastLoginFromThere.getTime() < trustedAddressDays * 24 * 60 * MINUTE;
}

/**
 * The key a client address is counted under: IPv4 as it is (also when written as ::ffff:a.b.c.d), IPv6 by its /64
 * (one subscriber gets a whole /64, so single IPv6 addresses would give a guesser endless budgets).
 */
export function addressKey(ip: string): string {
  const address = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') && tail ? tail.split(':') : [];
  const missing = Math.max(8 - headGroups.length - tailGroups.length, 0);
  const groups = [...headGroups, ...Array(missing).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** True when the roles include one of the three administrators (system, security, audit). */
export function isAdministrator(roles: readonly Role[]): boolean {
  return roles.some((role) => administratorRoles.includes(role));
}

/** What the login needs after the password: the code of an enabled authenticator, an enrolment the committee requires, or nothing. */
export function secondFactorFor(
  account: { roles: readonly Role[]; totpEnabled: boolean },
  security: Pick<SecuritySettings, 'requireTotpForAdministrators'>,
): SecondFactorState {
  if (account.totpEnabled) return 'required';
  if (security.requireTotpForAdministrators && isAdministrator(account.roles)) return 'enroll';
  return 'none';
}

/** The steps a session has not taken yet (see PendingStep); empty when it may use every route its roles allow. */
export function pendingSteps(
  session: { fullyAuthenticated: boolean; mustChangePassword: boolean; totpEnabled: boolean; roles: readonly Role[] },
  security: Pick<SecuritySettings, 'requireTotpForAdministrators'>,
): PendingStep[] {
  const steps: PendingStep[] = [];
  if (!session.fullyAuthenticated) steps.push('second_factor');
  if (session.mustChangePassword) steps.push('password_change');
  if (secondFactorFor(session, security) === 'enroll') steps.push('totp_enrollment');
  return steps;
}

/** The first pending step a route does not allow, or null when the session may use the route. */
export function blockingStep(pending: readonly PendingStep[], allowed: readonly PendingStep[]): PendingStep | null {
  return pending.find((step) => !allowed.includes(step)) ?? null;
}

/** May the user turn their authenticator off: not while the committee requires one for their administrator role. */
export function canDisableTotp(
  roles: readonly Role[],
  security: Pick<SecuritySettings, 'requireTotpForAdministrators'>,
): boolean {
  return !(security.requireTotpForAdministrators && isAdministrator(roles));
}

/**
 * May read the platform's record of failed logins that named no committee: the auditor (三员分立) of a top-level
 * committee, the one that runs the deployment; a subordinate committee's auditor sees only their own chain.
 */
export function canReadPlatformLoginFailures(actor: { roles: readonly Role[] }, committee: { parentId: string | null }): boolean {
  return actor.roles.includes('auditor') && committee.parentId === null;
}

/** The login name as the audit log may show it: a mobile number is masked, anything else is cut to 64 characters. */
export function loginNameForLog(loginName: string): string {
  const trimmed = loginName.trim();
  if (isValidMobile(trimmed)) return `${trimmed.slice(0, 3)}****${trimmed.slice(-4)}`;
  return trimmed.slice(0, 64);
}
