import { type Role, roleNames } from '../../../../../contracts/roles.ts';
import { useText } from '../../../lib/i18n.tsx';

/** The text function of the admin screens: the shell's converter, so 繁體 mode shows every string converted. */
export function useT(): (text: string) => string {
  return useText();
}

/** The Chinese name of a role. */
export function roleName(role: Role): string {
  return roleNames[role] ?? role;
}
