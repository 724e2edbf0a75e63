import type { Role } from '../../../contracts/roles.ts';

/** What the audit policy needs to know about the current user. */
export type AuditPolicyActor = { roles: readonly Role[] };

/**
 * May read the audit log and verify its chain: the auditor only (三员分立). The system and security
 * administrators are audited, so they must not be the ones who read or judge the record of their own actions.
 */
export function canReadAuditLog(actor: AuditPolicyActor): boolean {
  return actor.roles.includes('auditor');
}

/** The refusal message for everyone else. */
export const auditOnlyMessage = '审计日志仅限安全审计员查看（三员分立）';
