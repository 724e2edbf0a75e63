/** Which screens a user may open, and how their paths are written: pure functions the menu and router share. */
import type { Role } from '../../../contracts/roles.ts';

/** A screen of the app as the menu and the router know it. */
export type ScreenRoute<Extra = unknown> = {
  path: string;
  label: string;
  /** Roles that may open it; 'all' for every logged-in user. */
  roles: readonly Role[] | 'all';
  /** Roles whose menu and shortcuts list it (default: `roles`); the others may still open it from a link. */
  menuRoles?: readonly Role[];
  group?: string;
} & Extra;

/** The router path of a screen ("/admin/members" and "admin/members" → "admin/members"; "/" → ""). */
export function routePath(path: string): string {
  return path.trim().replace(/^\/+/, '').replace(/\/+$/, '');
}

/** The link of a screen ("admin/members" → "/admin/members"). */
export function screenLink(path: string): string {
  return `/${routePath(path)}`;
}

/** Whether a user with these roles may open the screen. */
export function mayOpen(route: Pick<ScreenRoute, 'roles'>, roles: readonly Role[]): boolean {
  return route.roles === 'all' || route.roles.some((role) => roles.includes(role));
}

/** The screens the menu and the shortcuts list for a user with these roles, in order. */
export function visibleRoutes<R extends Pick<ScreenRoute, 'roles' | 'menuRoles'>>(
  routes: readonly R[],
  roles: readonly Role[],
): R[] {
  return routes.filter((route) => mayOpen({ roles: route.menuRoles ?? route.roles }, roles) && mayOpen(route, roles));
}

/** The menu key to highlight for a location: the longest screen link the pathname starts with. */
export function selectedMenuKey(pathname: string, links: readonly string[]): string | null {
  const path = pathname.replace(/\/+$/, '') || '/';
  let best: string | null = null;
  for (const link of links) {
    const matches = link === '/' ? path === '/' : path === link || path.startsWith(`${link}/`);
    if (matches && (best === null || link.length > best.length)) best = link;
  }
  return best;
}
