import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../../../contracts/roles.ts';
import { canReadAuditLog } from './audit.policy.ts';

describe('audit policy', () => {
  const cases: { roles: Role[]; allowed: boolean }[] = [
    { roles: ['auditor'], allowed: true },
    { roles: ['auditor', 'member'], allowed: true },
    { roles: ['system_admin'], allowed: false },
    { roles: ['security_admin'], allowed: false },
    { roles: ['proposal_office'], allowed: false },
    { roles: ['leader'], allowed: false },
    { roles: [], allowed: false },
  ];
  it.each(cases)('roles $roles → $allowed', ({ roles: held, allowed }) => {
    expect(canReadAuditLog({ roles: held })).toBe(allowed);
  });

  it('admits exactly one role of all roles', () => {
    const admitted = roles.filter((role) => canReadAuditLog({ roles: [role] }));
    expect(admitted).toEqual(['auditor']);
  });
});
