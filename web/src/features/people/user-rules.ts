import { type Role, roleSetProblem } from '../../../../contracts/roles.ts';

/**
 * The 三员分立 problem of a role set (two of system, security and audit administrator, or one of them with a
 * business role), or null: the server's rule, shown in the form before saving.
 */
export function separationProblem(roles: readonly Role[]): string | null {
  return roleSetProblem(roles);
}

/** The links a role set needs: the member role a member, the unit roles a unit. */
export function requiredLinks(roles: readonly Role[]): { member: boolean; unit: boolean } {
  return {
    member: roles.includes('member'),
    unit: roles.includes('unit_handler') || roles.includes('unit_leader'),
  };
}

/** The tag color of a role: the three administrators stand out from business roles. */
export function roleColor(role: Role): string {
  switch (role) {
    case 'system_admin':
      return 'blue';
    case 'security_admin':
      return 'orange';
    case 'auditor':
      return 'purple';
    default:
      return 'default';
  }
}
