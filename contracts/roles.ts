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
};

/** The administrator roles; the tenant may require a second factor for them. */
export const administratorRoles: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];

/** Roles that must never be held together by one account (三员分立). */
export const mutuallyExclusiveRoles: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];
