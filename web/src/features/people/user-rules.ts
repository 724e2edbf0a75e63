import { mutuallyExclusiveRoles, type Role, roleNames } from '../../../../contracts/roles.ts';

/** The 三员分立 problem of a role set (two of system, security and audit administrator), or null. */
export function separationProblem(roles: readonly Role[]): string | null {
  const held = roles.filter((role) => mutuallyExclusiveRoles.includes(role));
  if (held.length <= 1) return null;
  return `三员分立：${held.map((role) => roleNames[role]).join('、')}不能由同一账户兼任`;
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
