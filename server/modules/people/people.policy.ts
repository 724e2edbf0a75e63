import type { PasswordResetAction, UserAction } from '../../../contracts/people.ts';
import { mutuallyExclusiveRoles, type Role, roleNames, roleSetProblem, roles } from '../../../contracts/roles.ts';

/** What the people policies need to know about the current user. */
export type PolicyActor = { userId: string; roles: readonly Role[]; unitId: string | null };

/** What the people policies need to know about a target account. */
export type PolicyAccount = { id: string; roles: readonly Role[] };

/** Roles that are not one of the three administrators (三员). */
export const businessRoles: readonly Role[] = roles.filter((role) => !mutuallyExclusiveRoles.includes(role));

const has = (actor: Pick<PolicyActor, 'roles'>, ...wanted: Role[]) => wanted.some((role) => actor.roles.includes(role));
const isAdministrativeRole = (role: Role) => mutuallyExclusiveRoles.includes(role);
/** True when the account holds one of the three administrator roles. */
export const holdsAdministrativeRole = (account: PolicyAccount) => account.roles.some(isAdministrativeRole);

/** Roles that work with the member roster: everyone except the security administrator and the auditor. */
const rosterReaders: Role[] = businessRoles.concat(['system_admin']) as Role[];

/** May list and read members (masked sensitive fields). */
export function canReadMembers(actor: PolicyActor): boolean {
  return has(actor, ...rosterReaders);
}

/** May create, update, deactivate and import members. */
export function canManageMembers(actor: PolicyActor): boolean {
  return has(actor, 'system_admin', 'proposal_office');
}

/**
 * May see a member's party, ethnicity, birth year and masked ID number and mobile: the office and the system
 * administrator, who keep the roster. Other readers see names, sectors and groups.
 */
export function canSeeMemberDetails(actor: Pick<PolicyActor, 'roles'>): boolean {
  return has(actor, 'system_admin', 'proposal_office');
}

/** May see a member's clear ID number and mobile. */
export function canRevealMemberSensitive(actor: PolicyActor): boolean {
  return has(actor, 'system_admin', 'proposal_office');
}

/** May list and read handling units. */
export function canReadUnits(actor: PolicyActor): boolean {
  return has(actor, ...rosterReaders);
}

/** May create, restructure, deactivate and import handling units. */
export function canManageUnits(actor: PolicyActor): boolean {
  return has(actor, 'system_admin', 'proposal_office');
}

/** Fields of a unit its own handlers and leaders may keep up to date. */
export const unitContactFields = ['contactName', 'contactPhone', 'address'] as const;

/**
 * May change these fields of the unit: managers any field; a unit's own handler or leader only its contact
 * fields; nobody else anything.
 */
export function canUpdateUnit(actor: PolicyActor, unitId: string, fields: readonly string[]): boolean {
  if (canManageUnits(actor)) return true;
  if (!has(actor, 'unit_handler', 'unit_leader') || actor.unitId !== unitId) return false;
  return fields.every((field) => (unitContactFields as readonly string[]).includes(field));
}

/** May list and read accounts (the administrators who manage them; anyone may read their own). */
export function canReadUser(actor: PolicyActor, target?: PolicyAccount): boolean {
  if (target && target.id === actor.userId) return true;
  return has(actor, 'system_admin', 'security_admin');
}

/** May create accounts (the system administrator; the roles given are checked by roleChangeProblem). */
export function canCreateUsers(actor: PolicyActor): boolean {
  return has(actor, 'system_admin');
}

/** May change an account's display name, mobile and links to a member or unit. */
export function canEditUserProfile(actor: PolicyActor, _target: PolicyAccount): boolean {
  return has(actor, 'system_admin');
}

/**
 * Why the actor may not change the target's roles from `target.roles` to `next`, or null when allowed.
 * 三员分立: the system administrator assigns business roles; the security administrator assigns the three
 * administrator roles; no account holds two of them, nor one of them with a business role (roleSetProblem);
 * nobody changes their own roles. While a committee has no security administrator yet, its system administrator
 * may appoint one (the bootstrap of a new committee). Creation is a change from no roles.
 */
export function roleChangeProblem(
  actor: PolicyActor,
  target: PolicyAccount,
  next: readonly Role[],
  context: { securityAdminExists: boolean },
): string | null {
  const added = next.filter((role) => !target.roles.includes(role));
  const removed = target.roles.filter((role) => !next.includes(role));
  const changed = [...added, ...removed];
  if (changed.length === 0) return null;
  if (target.id === actor.userId) return '不能修改自己的角色';
  const setProblem = roleSetProblem(next);
  if (setProblem) return setProblem;
  for (const role of changed) {
    if (isAdministrativeRole(role)) {
      const bootstrap =
        role === 'security_admin' && added.includes(role) && has(actor, 'system_admin') && !context.securityAdminExists;
      if (!has(actor, 'security_admin') && !bootstrap) return `只有安全管理员可以分配或撤销“${roleNames[role]}”角色`;
    } else if (!has(actor, 'system_admin')) {
      return `只有系统管理员可以分配或撤销“${roleNames[role]}”角色`;
    }
  }
  return null;
}

/**
 * May take the account workflow action on the target (the workflow table already limits the roles; this adds
 * the item-level rules): nobody acts on their own account; accounts holding an administrator role are
 * disabled and enabled by the security administrator, other accounts by the system administrator; unlock is
 * the security administrator's. A password is reset directly only on a business account (by the security
 * administrator); an administrator's needs a request (by the security administrator, or by the system
 * administrator for a security administrator, who cannot reset their own) that another administrator approves.
 */
export function canTakeUserAction(actor: PolicyActor, target: PolicyAccount, action: UserAction): boolean {
  if (target.id === actor.userId) return false;
  switch (action) {
    case 'disable':
    case 'enable':
      return holdsAdministrativeRole(target) ? has(actor, 'security_admin') : has(actor, 'system_admin');
    case 'unlock':
      return has(actor, 'security_admin');
    case 'reset_password':
      return !holdsAdministrativeRole(target) && has(actor, 'security_admin');
    case 'request_password_reset':
      if (!holdsAdministrativeRole(target)) return false;
      return has(actor, 'security_admin') || (has(actor, 'system_admin') && target.roles.includes('security_admin'));
  }
}

/** What the decision rules need to know about a password reset request. */
export type ResetRequestFacts = { userId: string; requestedBy: string };

/**
 * May take the action on a pending administrator password reset request: a second administrator (any of the
 * three, but neither the requester nor the account's owner) approves or rejects; only the requester cancels.
 */
export function canDecidePasswordReset(actor: PolicyActor, request: ResetRequestFacts, action: PasswordResetAction): boolean {
  if (action === 'cancel') return actor.userId === request.requestedBy;
  if (actor.userId === request.requestedBy || actor.userId === request.userId) return false;
  return actor.roles.some(isAdministrativeRole);
}

/** May list administrator password reset requests: the three administrators. */
export function canReadPasswordResets(actor: PolicyActor): boolean {
  return actor.roles.some(isAdministrativeRole);
}

/**
 * Roles a linked record must back: the member role needs a member, unit roles need a unit, the station staff role a
 * liaison station or member studio.
 */
export function missingLinks(next: {
  roles: readonly Role[];
  memberId: string | null;
  unitId: string | null;
  stationId?: string | null;
}): string[] {
  const problems: string[] = [];
  if (next.roles.includes('member') && !next.memberId) problems.push('memberId');
  if ((next.roles.includes('unit_handler') || next.roles.includes('unit_leader')) && !next.unitId) problems.push('unitId');
  if (next.roles.includes('station_staff') && !next.stationId) problems.push('stationId');
  return problems;
}
