import { describe, expect, it } from 'vitest';
import { hasRole } from './admin-me.ts';

describe('hasRole', () => {
  it('is true when the user holds one of the roles', () => {
    expect(hasRole({ roles: ['proposal_office'] }, 'system_admin', 'proposal_office')).toBe(true);
  });

  it('is false for other roles and while the user is unknown', () => {
    expect(hasRole({ roles: ['auditor'] }, 'system_admin', 'proposal_office')).toBe(false);
    expect(hasRole(undefined, 'system_admin')).toBe(false);
  });
});
