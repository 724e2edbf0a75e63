import { Problem } from '../../platform/http/problem.ts';

/** 401 for an unknown login name and for a wrong password alike, so nobody can probe which accounts exist. */
export function invalidCredentials(): Problem {
  return new Problem(401, 'invalid_credentials', '用户名或密码错误');
}

/** "N 秒" or "N 分钟": how long until the instant, rounded up. */
function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

/** Seconds from now until the instant, at least 1. */
function secondsUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
}

/**
 * 429 for a login name that must wait after too many failures (from this address, or from everywhere). Unknown
 * names are counted the same way, so this answer reveals nothing about which accounts exist.
 */
export function loginDelayed(retryAt: Date, now: Date): Problem {
  const seconds = secondsUntil(retryAt, now);
  return new Problem(429, 'login_delayed', `登录失败次数过多，请 ${waitText(seconds)}后再试`, undefined, {
    retryAfterSeconds: seconds,
  });
}

/** 429 for a network address that has used up its failed-login budget (a password spray is stopped here). */
export function loginAddressBlocked(retryAt: Date, now: Date): Problem {
  const seconds = secondsUntil(retryAt, now);
  return new Problem(
    429,
    'login_address_blocked',
    `当前网络地址登录失败次数过多，请 ${waitText(seconds)}后再试；如在会场等共用网络，请联系工作人员`,
    undefined,
    { retryAfterSeconds: seconds },
  );
}

/** The 429 of an attempt the counters held back: the address's budget, or the name's. */
export function loginHeld(refusal: { scope: 'address' | 'account'; retryAt: Date }, now: Date): Problem {
  return refusal.scope === 'address' ? loginAddressBlocked(refusal.retryAt, now) : loginDelayed(refusal.retryAt, now);
}

/** 403 for a disabled account (said only after the right password, so it reveals nothing to a guesser). */
export function accountDisabled(): Problem {
  return new Problem(403, 'account_disabled', '账户已停用，请联系管理员');
}

/** 401 for a wrong authenticator code during login. */
export function invalidLoginCode(): Problem {
  return new Problem(401, 'invalid_totp_code', '动态验证码不正确或已过期');
}
