import type { Me } from '../../../../../contracts/auth.ts';
import type { Role } from '../../../../../contracts/roles.ts';
import { useMe } from '../../../features/auth/auth-api.ts';

/** The logged-in user (roles decide which buttons a screen shows; the server checks again). */
export function useAdminMe() {
  return useMe();
}

/** True when the user holds one of the roles. */
export function hasRole(me: Pick<Me, 'roles'> | undefined, ...roles: Role[]): boolean {
  return Boolean(me && roles.some((role) => me.roles.includes(role)));
}
