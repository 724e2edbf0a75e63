import { z } from 'zod';

/** Roles a user may hold in their committee (三员分立: system, security and audit admins are separate people). */
export const roles = [
  'system_admin',
  'security_admin',
  'auditor',
  'proposal_office',
  'member',
  'unit_handler',
  'unit_leader',
  'supervisor',
  'information_office',
  'leader',
  'station_staff',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Chinese names of the roles, for the UI and messages. */
export const roleNames: Record<Role, string> = {
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  auditor: '安全审计员',
  proposal_office: '提案委（提案办）',
  member: '委员',
  unit_handler: '承办单位经办人',
  unit_leader: '承办单位分管领导',
  supervisor: '督办领导',
  information_office: '信息室',
  leader: '党政领导',
  station_staff: '联络站工作人员',
};

/** The administrator roles; the tenant may require a second factor for them. */
export const administratorRoles: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];

/** Roles that must never be held together by one account (三员分立). */
export const mutuallyExclusiveRoles: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];

/**
 * Why a set of roles may not be held by one account, or null (三员分立): no two of the three administrator roles,
 * and an administrator holds no business role (else the system administrator could read members' drafts or the
 * auditor handle proposals). Checked on creation and on every role change; the web form shows the same message.
 */
export function roleSetProblem(held: readonly Role[]): string | null {
  const administrator = held.filter((role) => mutuallyExclusiveRoles.includes(role));
  if (new Set(administrator).size > 1) {
    return `三员分立：${administrator.map((role) => roleNames[role]).join('、')}不能由同一账户兼任`;
  }
  const business = held.filter((role) => !mutuallyExclusiveRoles.includes(role));
  if (administrator.length > 0 && business.length > 0) {
    return `三员分立：${roleNames[administrator[0]]}不能兼任业务角色（${[...new Set(business)].map((role) => roleNames[role]).join('、')}）`;
  }
  return null;
}
