/** Pure rules of the notification bell: polling, the badge, and where a notice's link leads. */

/** How often the bell asks for new notices. */
export const POLL_INTERVAL_MS = 60_000;
/** Polling stops when the user has not touched the page for this long (focus or a touch resumes it). */
export const ACTIVE_WINDOW_MS = 5 * 60_000;

/** True when the user used the page recently enough to keep polling. */
export function isUserActive(lastActivityAt: number, now: number): boolean {
  return now - lastActivityAt <= ACTIVE_WINDOW_MS;
}

/** The badge text: the count, "99+" past 99, nothing at zero. */
export function badgeText(unread: number): string {
  if (unread <= 0) return '';
  return unread > 99 ? '99+' : String(unread);
}

/**
 * The in-app path of a notice's link, or null when it has none or it points elsewhere: only paths inside this
 * app are followed ("/proposals/…"; an absolute URL of this origin is reduced to its path).
 */
export function notificationPath(link: string | null | undefined, origin: string): string | null {
  if (!link) return null;
  const text = link.trim();
  if (text.startsWith('/') && !text.startsWith('//')) return text;
  try {
    const url = new URL(text);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}
