import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import { canManageRouting, canSeeRoutingSuggestions } from './routing.policy.ts';

const table: [Role, boolean][] = [
  ['proposal_office', true],
  ['member', false],
  ['unit_handler', false],
  ['unit_leader', false],
  ['leader', false],
  ['supervisor', false],
];

describe('routing policy', () => {
  it.each(table)('%s may manage routing and see suggestions: %s', (role, allowed) => {
    expect(canManageRouting({ roles: [role] })).toBe(allowed);
    expect(canSeeRoutingSuggestions({ roles: [role] })).toBe(allowed);
  });
});
