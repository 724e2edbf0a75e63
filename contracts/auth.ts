import { z } from 'zod';
import { organizationCodeSchema } from './orgs.ts';
import { roleSchema } from './roles.ts';
import type { TenantSettings } from './settings.ts';

// ───────────────────────────── login ─────────────────────────────

/** POST /api/v1/auth/login: `username` is the account name or the mobile number on the account. */
export const loginRequestSchema = z.object({
  username: z
    .string({ error: '请输入用户名或手机号' })
    .trim()
    .min(1, { error: '请输入用户名或手机号' })
    .max(64, { error: '用户名不能超过 64 个字符' }),
  password: z.string({ error: '请输入密码' }).min(1, { error: '请输入密码' }).max(128, { error: '密码不能超过 128 个字符' }),
  /**
   * The code of the committee whose login page this is (e.g. from the page's `?org=`). Optional: login names are
   * unique across the deployment. It only decides where a failed login with an unknown name is recorded.
   */
  org: organizationCodeSchema.optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/**
 * What the login still needs after the password:
 * - none: logged in;
 * - required: send the authenticator code to POST /auth/login/second-factor;
 * - enroll: the committee requires a second factor for administrators and this account has none yet: the session
 *   may only set up and enable TOTP (/auth/totp/setup, /auth/totp/enable), change the password, read /auth/me and log out.
 */
export const secondFactorStates = ['none', 'required', 'enroll'] as const;
export const secondFactorStateSchema = z.enum(secondFactorStates);
export type SecondFactorState = z.infer<typeof secondFactorStateSchema>;

/** The logged-in user, as GET /api/v1/auth/me returns it. */
export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  memberId: z.string().nullable(),
  unitId: z.string().nullable(),
  /** Set for station staff: the liaison station or member studio they keep. */
  stationId: z.string().nullable(),
  organization: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  /** While true every other route answers 403 password_change_required: show the change-password form. */
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  /** The committee requires TOTP for this administrator and it is not enabled yet (see secondFactor 'enroll'). */
  totpEnrollmentRequired: z.boolean(),
  security: z.object({
    idleTimeoutMinutes: z.number().int(),
    passwordMinLength: z.number().int(),
    passwordMinClasses: z.number().int(),
  }),
});
export type Me = z.infer<typeof meSchema>;

/**
 * The login answer. Cookies: `sid` (HttpOnly session) and `csrf` (readable by scripts; echo it in the
 * `x-csrf-token` header of every POST/PUT/PATCH/DELETE).
 * Failures: 401 invalid_credentials (unknown user or wrong password, same message and the same work), 429
 * login_delayed (too many failures on this login name, from this address or from everywhere: `retryAfterSeconds`;
 * the same for unknown names), 429 login_address_blocked (too many failures from this network address),
 * 403 account_disabled (only after the right password).
 */
export const loginResponseSchema = z.object({
  user: meSchema,
  mustChangePassword: z.boolean(),
  secondFactor: secondFactorStateSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** A six-digit authenticator code. */
export const totpCodeSchema = z
  .string({ error: '请输入 6 位动态验证码' })
  .trim()
  .regex(/^\d{6}$/, { error: '动态验证码应为 6 位数字' });

/** POST /api/v1/auth/login/second-factor: completes a login whose secondFactor was 'required'. Answers LoginResponse. */
export const secondFactorRequestSchema = z.object({ code: totpCodeSchema });
export type SecondFactorRequest = z.infer<typeof secondFactorRequestSchema>;

// ───────────────────────────── TOTP (动态验证码) ─────────────────────────────

/**
 * POST /api/v1/auth/totp/setup: a new secret (not active until enabled). Show `uri` as a QR code and `secret`
 * for manual entry; then POST /auth/totp/enable with a code from the app.
 */
export const totpSetupResponseSchema = z.object({ secret: z.string(), uri: z.string() });
export type TotpSetupResponse = z.infer<typeof totpSetupResponseSchema>;

/** POST /api/v1/auth/totp/enable. Answers Me. */
export const totpEnableRequestSchema = z.object({ code: totpCodeSchema });
export type TotpEnableRequest = z.infer<typeof totpEnableRequestSchema>;

/** POST /api/v1/auth/totp/disable: needs the password again. Answers Me. */
export const totpDisableRequestSchema = z.object({
  password: z.string({ error: '请输入密码' }).min(1, { error: '请输入密码' }).max(128),
});
export type TotpDisableRequest = z.infer<typeof totpDisableRequestSchema>;

// ───────────────────────────── password ─────────────────────────────

/**
 * POST /api/v1/auth/password. Answers Me; other sessions of the user are signed out.
 * 422 wrong_password when currentPassword is wrong, 422 weak_password with `errors` (field newPassword) otherwise.
 */
export const passwordChangeRequestSchema = z.object({
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, { error: '请输入当前密码' }).max(128),
  newPassword: z
    .string({ error: '请输入新密码' })
    .min(1, { error: '请输入新密码' })
    .max(128, { error: '密码不能超过 128 个字符' }),
});
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequestSchema>;

/** The password rules of a committee (contracts/settings.ts security). */
export type PasswordRules = Pick<TenantSettings['security'], 'passwordMinLength' | 'passwordMinClasses'>;

/** Which of the four character classes a password uses. */
export function passwordClasses(password: string): { lower: boolean; upper: boolean; digit: boolean; symbol: boolean } {
  return {
    lower: /[a-z]/.test(password),
    upper: /[A-Z]/.test(password),
    digit: /[0-9]/.test(password),
    symbol: /[^A-Za-z0-9]/.test(password),
  };
}

/**
 * Problems of a new password under the committee's rules, in Chinese; empty when it is acceptable. Shared by the
 * server (password change, accounts created with a password) and the web form (instant feedback).
 */
export function checkPasswordPolicy(
  password: string,
  rules: PasswordRules,
  context: { username?: string | null; currentPassword?: string | null } = {},
): string[] {
  const problems: string[] = [];
  if ([...password].length < rules.passwordMinLength) problems.push(`密码至少 ${rules.passwordMinLength} 位`);
  const used = Object.values(passwordClasses(password)).filter(Boolean).length;
  if (used < rules.passwordMinClasses) {
    problems.push(`密码须包含小写字母、大写字母、数字、符号中的至少 ${rules.passwordMinClasses} 类`);
  }
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && password.toLowerCase().includes(username)) {
    problems.push('密码不能包含用户名');
  }
  if (context.currentPassword && password === context.currentPassword) problems.push('新密码不能与当前密码相同');
  return problems;
}

// ───────────────────────────── sessions ─────────────────────────────

/** One of the user's own active login sessions (GET /api/v1/auth/sessions). */
export const loginSessionSchema = z.object({
  id: z.string(),
  /** The session making this request. */
  current: z.boolean(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
});
export type LoginSession = z.infer<typeof loginSessionSchema>;
export const loginSessionListSchema = z.object({ items: z.array(loginSessionSchema) });
export type LoginSessionList = z.infer<typeof loginSessionListSchema>;

/** Problem codes of the auth routes, for the web client to branch on. */
export const authProblemCodes = {
  invalidCredentials: 'invalid_credentials',
  loginDelayed: 'login_delayed',
  loginAddressBlocked: 'login_address_blocked',
  accountDisabled: 'account_disabled',
  passwordChangeRequired: 'password_change_required',
  totpEnrollmentRequired: 'totp_enrollment_required',
  secondFactorPending: 'session_second_factor_pending',
  csrfFailed: 'csrf_failed',
  rateLimited: 'rate_limited',
  wrongPassword: 'wrong_password',
  weakPassword: 'weak_password',
  invalidCode: 'invalid_totp_code',
} as const;

// ───────────────────────────── failed logins outside any committee ─────────────────────────────

/** GET /api/v1/auth/platform-login-failures: failed logins with unknown names that named no committee. */
export const platformLoginFailureQuerySchema = z.object({
  /** Opaque cursor from the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PlatformLoginFailureQuery = z.infer<typeof platformLoginFailureQuerySchema>;

/** One failed login with an unknown name, as the platform's auditor sees it (never the password). */
export const platformLoginFailureSchema = z.object({
  id: z.string(),
  sequence: z.number().int(),
  occurredAt: z.string(),
  /** The name tried (a mobile number masked). */
  loginName: z.string().nullable(),
  summary: z.string(),
  ip: z.string().nullable(),
});
export type PlatformLoginFailure = z.infer<typeof platformLoginFailureSchema>;
export const platformLoginFailurePageSchema = z.object({
  items: z.array(platformLoginFailureSchema),
  nextCursor: z.string().nullable(),
});
export type PlatformLoginFailurePage = z.infer<typeof platformLoginFailurePageSchema>;
