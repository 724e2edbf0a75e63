import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import { mayOpen, routePath, screenLink, selectedMenuKey, visibleRoutes } from './navigation-rules.ts';
import { logoutNotice } from './session-reasons.ts';

describe('routePath and screenLink', () => {
  it.each([
    ['/admin/members', 'admin/members', '/admin/members'],
    ['admin/members', 'admin/members', '/admin/members'],
    ['/admin/units/', 'admin/units', '/admin/units'],
    ['/', '', '/'],
    ['', '', '/'],
  ])('%s → %s and %s', (input, path, link) => {
    expect(routePath(input)).toBe(path);
    expect(screenLink(input)).toBe(link);
  });
});

describe('who sees which screen', () => {
  const screens: { path: string; roles: readonly Role[] | 'all' }[] = [
    { path: '', roles: 'all' },
    { path: 'admin/members', roles: ['system_admin', 'proposal_office'] },
    { path: 'admin/audit', roles: ['auditor'] },
  ];
  it.each<[string, Role[], string[]]>([
    ['a member sees only the screens for everyone', ['member'], ['']],
    ['the proposal office sees the roster', ['proposal_office'], ['', 'admin/members']],
    ['the auditor sees the audit log, not the roster', ['auditor'], ['', 'admin/audit']],
    ['a user without roles sees the dashboard', [], ['']],
    ['several roles add up', ['system_admin', 'auditor'], ['', 'admin/members', 'admin/audit']],
  ])('%s', (_case, roles, expected) => {
    expect(visibleRoutes(screens, roles).map((screen) => screen.path)).toEqual(expected);
  });
  it('lists a screen in the menu only for its menu roles, while the others may still open it', () => {
    const detail = { path: 'micro-suggestions', roles: ['member', 'proposal_office'] as Role[], menuRoles: ['member'] as Role[] };
    expect(visibleRoutes([detail], ['member']).map((screen) => screen.path)).toEqual(['micro-suggestions']);
    expect(visibleRoutes([detail], ['proposal_office'])).toEqual([]);
    expect(mayOpen(detail, ['proposal_office'])).toBe(true);
  });
  it('mayOpen answers false for a role not listed', () => {
    expect(mayOpen({ roles: ['auditor'] }, ['member'])).toBe(false);
    expect(mayOpen({ roles: 'all' }, [])).toBe(true);
  });
});

describe('selectedMenuKey', () => {
  const links = ['/', '/admin/members', '/admin/members-archive', '/account'];
  it.each([
    ['/', '/'],
    ['/admin/members', '/admin/members'],
    ['/admin/members/123', '/admin/members'],
    ['/admin/members-archive', '/admin/members-archive'],
    ['/account/', '/account'],
    ['/nowhere', null],
  ])('%s highlights %s', (pathname, expected) => {
    expect(selectedMenuKey(pathname, links)).toBe(expected);
  });
});

describe('logoutNotice', () => {
  it('tells an idle logout in Chinese', () => {
    expect(logoutNotice('session_idle')?.text).toContain('长时间未操作，已自动退出');
  });
  it('says nothing on a first visit or an unknown code', () => {
    expect(logoutNotice(undefined)).toBeNull();
    expect(logoutNotice('unauthorized')).toBeNull();
  });
  it('confirms a deliberate logout', () => {
    expect(logoutNotice('logged_out')).toEqual({ type: 'success', text: '您已安全退出' });
  });
});
