import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../contracts/roles.ts';
import { requiredLinks, separationProblem } from './user-rules.ts';

describe('separation of the three administrators', () => {
  it.each<[Role[], boolean]>([
    [[], false],
    [['system_admin'], false],
    [['proposal_office', 'member', 'leader'], false],
    [['system_admin', 'proposal_office'], true],
    [['auditor', 'member'], true],
    [['system_admin', 'security_admin'], true],
    [['security_admin', 'auditor'], true],
    [['system_admin', 'security_admin', 'auditor'], true],
  ])('%j → problem: %s', (roles, expected) => {
    expect(separationProblem(roles) !== null).toBe(expected);
  });

  it('names the roles that clash', () => {
    expect(separationProblem(['system_admin', 'auditor'])).toBe('三员分立：系统管理员、安全审计员不能由同一账户兼任');
    expect(separationProblem(['security_admin', 'member'])).toBe('三员分立：安全管理员不能兼任业务角色（委员）');
  });
});

describe('links a role set needs', () => {
  it.each<[Role[], { member: boolean; unit: boolean }]>([
    [['member'], { member: true, unit: false }],
    [['unit_handler'], { member: false, unit: true }],
    [['unit_leader', 'member'], { member: true, unit: true }],
    [['proposal_office'], { member: false, unit: false }],
  ])('%j', (roles, expected) => {
    expect(requiredLinks(roles)).toEqual(expected);
  });
});
