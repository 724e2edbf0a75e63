import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import { canUseStaffSearch, staffSearchScope } from './search.policy.ts';

const orgId = '01900000-0000-7000-8000-000000000001';

describe('canUseStaffSearch', () => {
  it.each<[Role[], boolean]>([
    [['proposal_office'], true],
    [['supervisor'], true],
    [['leader'], true],
    [['member'], false],
    [['unit_handler'], false],
    [['unit_leader'], false],
    [['system_admin'], false],
    [['security_admin'], false],
    [['auditor'], false],
    [['information_office'], false],
    [['member', 'leader'], true],
    [[], false],
  ])('%j → %s', (roles, allowed) => {
    expect(canUseStaffSearch({ roles })).toBe(allowed);
  });
});

describe('staffSearchScope', () => {
  it.each<[Role[], string, boolean]>([
    // [roles, state, excluded]
    [['proposal_office'], 'draft', true],
    [['proposal_office'], 'co_signing', true],
    [['proposal_office'], 'submitted', false],
    [['proposal_office'], 'withdrawn', false],
    [['proposal_office'], 'filed', false],
    [['supervisor'], 'submitted', true],
    [['supervisor'], 'draft', true],
    [['supervisor'], 'rejected', true],
    [['supervisor'], 'filed', false],
    [['leader'], 'assigned', false],
    [['leader', 'proposal_office'], 'submitted', false],
  ])('%j, state %s excluded: %s', (roles, state, excluded) => {
    const scope = staffSearchScope({ roles, orgId });
    expect(scope?.orgId).toBe(orgId);
    expect(scope?.excludeStates?.includes(state)).toBe(excluded);
  });

  it('is null for members and units', () => {
    expect(staffSearchScope({ roles: ['member'], orgId })).toBeNull();
    expect(staffSearchScope({ roles: ['unit_handler'], orgId })).toBeNull();
  });
});
