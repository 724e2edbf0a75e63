import { checkPasswordPolicy, type SecondFactorState } from '../../../contracts/auth.ts';
import { isValidMobile } from '../../../contracts/people.ts';
import { administratorRoles, type Role } from '../../../contracts/roles.ts';
import type { TenantSettings } from '../../../contracts/settings.ts';

export { checkPasswordPolicy };

type SecuritySettings = TenantSettings['security'];

/** What the login rules need to know about an account. */
export type LoginAccount = { state: string; lockedUntil: string | Date | null };

/** Whether the account may log in now, and if not, why (a lock is reported before a disabled state). */
export type LoginCheck = { ok: true } | { ok: false; reason: 'locked'; lockedUntil: Date } | { ok: false; reason: 'disabled' };

/**
 * Steps a session still has to take before it may use the whole API, in the order the user takes them:
 * the authenticator code, then a forced password change, then the enrolment of a second factor.
 */
export type PendingStep = 'second_factor' | 'password_change' | 'totp_enrollment';

/** True when the account is locked after too many failed logins at this instant. */
export function isLocked(account: Pick<LoginAccount, 'lockedUntil'>, now: Date): boolean {
  return account.lockedUntil !== null && new Date(account.lockedUntil).getTime() > now.getTime();
}

/** May the account log in now: not locked, not disabled. */
export function canLogin(account: LoginAccount, now: Date): LoginCheck {
  if (isLocked(account, now)) return { ok: false, reason: 'locked', lockedUntil: new Date(account.lockedUntil as string) };
  if (account.state !== 'active') return { ok: false, reason: 'disabled' };
  return { ok: true };
}

/**
 * The failure counter and lock after one more failed attempt: at the committee's threshold the account is locked
 * for lockoutMinutes and the counter starts again, so after the lock ends the user has the full number of tries.
 */
export function afterFailedLogin(
  failedLoginCount: number,
  security: Pick<SecuritySettings, 'lockoutThreshold' | 'lockoutMinutes'>,
  now: Date,
): { failedLoginCount: number; lockedUntil: Date | null } {
  const count = failedLoginCount + 1;
  if (count >= security.lockoutThreshold) {
    return { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + security.lockoutMinutes * 60_000) };
  }
  return { failedLoginCount: count, lockedUntil: null };
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

/** The login name as the audit log may show it: a mobile number is masked, anything else is cut to 64 characters. */
export function loginNameForLog(loginName: string): string {
  const trimmed = loginName.trim();
  if (isValidMobile(trimmed)) return `${trimmed.slice(0, 3)}****${trimmed.slice(-4)}`;
  return trimmed.slice(0, 64);
}
