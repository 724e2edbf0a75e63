/** Why the login screen is shown again: the message for each way a session ends. */

/** Messages for the codes a lost session answers with (and for a deliberate logout). */
const reasonMessages: Record<string, { type: 'info' | 'warning' | 'success'; text: string }> = {
  session_idle: { type: 'warning', text: '长时间未操作，已自动退出，请重新登录' },
  session_expired: { type: 'warning', text: '登录已超过最长有效期，请重新登录' },
  session_revoked: { type: 'warning', text: '登录已在其他地方退出或被注销，请重新登录' },
  session_disabled: { type: 'warning', text: '账户已停用，请联系管理员' },
  logged_out: { type: 'success', text: '您已安全退出' },
  password_changed: { type: 'success', text: '密码已修改，请用新密码登录' },
};

/** The notice to show on the login screen for a reason code, or null (a first visit shows nothing). */
export function logoutNotice(reason: string | null | undefined): { type: 'info' | 'warning' | 'success'; text: string } | null {
  if (!reason) return null;
  return reasonMessages[reason] ?? null;
}

/** What the router passes to the login screen. */
export type LoginLocationState = { from?: string; reason?: string } | null;
