import { Problem } from '../../platform/http/problem.ts';

/** 401 for an unknown login name and for a wrong password alike, so nobody can probe which accounts exist. */
export function invalidCredentials(): Problem {
  return new Problem(401, 'invalid_credentials', '用户名或密码错误');
}

/** 423 naming the instant the lock ends, in the committee's time zone and as ISO in `lockedUntil`. */
export function accountLocked(lockedUntil: Date, timeZone: string): Problem {
  const when = new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(lockedUntil);
  return new Problem(423, 'account_locked', `登录失败次数过多，账户已锁定，将于 ${when} 自动解锁`, undefined, {
    lockedUntil: lockedUntil.toISOString(),
  });
}

/** 403 for a disabled account (said only after the right password, so it reveals nothing to a guesser). */
export function accountDisabled(): Problem {
  return new Problem(403, 'account_disabled', '账户已停用，请联系管理员');
}

/** 401 for a wrong authenticator code during login. */
export function invalidLoginCode(): Problem {
  return new Problem(401, 'invalid_totp_code', '动态验证码不正确或已过期');
}
