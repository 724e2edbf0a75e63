import { describe, expect, it } from 'vitest';
import { ACTIVE_WINDOW_MS, badgeText, isUserActive, notificationPath } from './notification-rules.ts';

describe('notification rules', () => {
  it('polls only while the user is active', () => {
    expect(isUserActive(1000, 1000 + ACTIVE_WINDOW_MS)).toBe(true);
    expect(isUserActive(1000, 1001 + ACTIVE_WINDOW_MS)).toBe(false);
  });

  it('shows the unread count, capped at 99+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });

  it('follows only links inside the app', () => {
    const origin = 'https://cppcc.example.cn';
    expect(notificationPath('/proposals/abc', origin)).toBe('/proposals/abc');
    expect(notificationPath('https://cppcc.example.cn/proposals/abc?x=1', origin)).toBe('/proposals/abc?x=1');
    expect(notificationPath('https://evil.example.com/x', origin)).toBeNull();
    expect(notificationPath('//evil.example.com/x', origin)).toBeNull();
    expect(notificationPath('javascript:alert(1)', origin)).toBeNull();
    expect(notificationPath(null, origin)).toBeNull();
  });
});
