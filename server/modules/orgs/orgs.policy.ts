import {
  type OrganizationLevel,
  organizationLevelNames,
  organizationLevels,
  type SettingsPatch,
} from '../../../contracts/orgs.ts';
import type { Role } from '../../../contracts/roles.ts';

/** What the orgs policies need to know about the current user. */
export type PolicyActor = { roles: readonly Role[] };

const has = (actor: PolicyActor, ...wanted: Role[]) => wanted.some((role) => actor.roles.includes(role));

/** Everyone logged in to a committee may read its profile, settings, terms, sessions, dictionaries and calendar. */
export function canReadCommitteeData(actor: PolicyActor): boolean {
  return actor.roles.length > 0;
}

/** May create, change and set current terms (届) and sessions (次会议). */
export function canManageTermsAndSessions(actor: PolicyActor): boolean {
  return has(actor, 'system_admin', 'proposal_office');
}

/** May add, rename, reorder and retire dictionary entries. */
export function canManageDictionaries(actor: PolicyActor): boolean {
  return has(actor, 'system_admin', 'proposal_office');
}

/** May mark holidays and make-up workdays and import the calendar (deadlines depend on it). */
export function canManageCalendar(actor: PolicyActor): boolean {
  return has(actor, 'system_admin', 'proposal_office');
}

/** May list the subordinate committees. */
export function canListChildOrganizations(actor: PolicyActor): boolean {
  return has(actor, 'system_admin', 'proposal_office', 'leader', 'supervisor', 'information_office');
}

/** The parts of the settings a change touches. */
export type SettingsPart = 'security' | 'business';

/** The parts of the settings a patch touches: `security`, and `business` for everything else. */
export function settingsPartsOf(patch: SettingsPatch): SettingsPart[] {
  const parts: SettingsPart[] = [];
  if (patch.security !== undefined) parts.push('security');
  if (Object.keys(patch).some((key) => key !== 'security' && patch[key as keyof SettingsPatch] !== undefined))
    parts.push('business');
  return parts;
}

/**
 * Why the actor may not make this settings change, or null. 三员分立: the security rules (passwords, lockout,
 * timeouts, second factor) are the security administrator's alone; proposal deadlines and limits are the
 * system administrator's. A change touching both parts needs both roles, which no account holds, so the UI
 * sends them separately.
 */
export function settingsChangeProblem(actor: PolicyActor, patch: SettingsPatch): string | null {
  for (const part of settingsPartsOf(patch)) {
    if (part === 'security' && !has(actor, 'security_admin')) return '安全设置（密码、锁定、超时、双因素）只能由安全管理员修改';
    if (part === 'business' && !has(actor, 'system_admin')) return '业务设置（办理期限、字数限制等）只能由系统管理员修改';
  }
  return null;
}

/** How far down the hierarchy a level is: national 0 … county 3. */
export function levelRank(level: OrganizationLevel): number {
  return organizationLevels.indexOf(level);
}

/** May create committees under their own (only the system administrator). */
export function canCreateChildOrganizations(actor: PolicyActor): boolean {
  return has(actor, 'system_admin');
}

/**
 * Why a committee of `childLevel` may not sit under one of `parentLevel`, or null. A child's level must be below
 * its parent's (a city under a province, a county under a city or a province); a county has no subordinates.
 */
export function childLevelProblem(parentLevel: OrganizationLevel, childLevel: OrganizationLevel): string | null {
  if (levelRank(childLevel) <= levelRank(parentLevel)) {
    return `下级政协的级别应低于本级（${organizationLevelNames[parentLevel]}），不能是${organizationLevelNames[childLevel]}`;
  }
  return null;
}
