import { describe, expect, it } from 'vitest';
import type { OrganizationLevel, SettingsPatch } from '../../../contracts/orgs.ts';
import { type Role, roles } from '../../../contracts/roles.ts';
import {
  canCreateChildOrganizations,
  canListChildOrganizations,
  canManageCalendar,
  canManageDictionaries,
  canManageTermsAndSessions,
  canReadCommitteeData,
  childLevelProblem,
  settingsChangeProblem,
  settingsPartsOf,
} from './orgs.policy.ts';

const as = (...held: Role[]) => ({ roles: held });
const writers: Role[] = ['system_admin', 'proposal_office'];

describe('who manages terms, sessions, dictionaries and the calendar', () => {
  it.each(roles.map((role) => [role, writers.includes(role)] as const))('%s may write: %s', (role, expected) => {
    expect(canManageTermsAndSessions(as(role))).toBe(expected);
    expect(canManageDictionaries(as(role))).toBe(expected);
    expect(canManageCalendar(as(role))).toBe(expected);
  });

  it.each(roles)('%s may read the committee data', (role) => {
    expect(canReadCommitteeData(as(role))).toBe(true);
  });

  it('an account without roles reads nothing', () => {
    expect(canReadCommitteeData(as())).toBe(false);
  });

  it.each([
    ['system_admin', true],
    ['proposal_office', true],
    ['leader', true],
    ['member', false],
    ['unit_handler', false],
    ['auditor', false],
  ] as const)('%s may list subordinate committees: %s', (role, expected) => {
    expect(canListChildOrganizations(as(role))).toBe(expected);
  });
});

describe('settings changes (三员分立)', () => {
  const security: SettingsPatch = { security: { lockoutMinutes: 30 } };
  const business: SettingsPatch = { proposals: { replyDueMonths: 2 } };
  const topLevel: SettingsPatch = { microSuggestionReplyWorkingDays: 10 };
  const both: SettingsPatch = { ...security, ...business };

  it.each([
    [security, ['security']],
    [business, ['business']],
    [topLevel, ['business']],
    [both, ['security', 'business']],
    [{}, []],
  ] as const)('%o touches %o', (patch, parts) => {
    expect(settingsPartsOf(patch)).toEqual(parts);
  });

  it.each([
    ['security_admin', security, null],
    ['system_admin', security, '安全设置（密码、锁定、超时、双因素）只能由安全管理员修改'],
    ['proposal_office', security, '安全设置（密码、锁定、超时、双因素）只能由安全管理员修改'],
    ['system_admin', business, null],
    ['system_admin', topLevel, null],
    ['security_admin', business, '业务设置（办理期限、字数限制等）只能由系统管理员修改'],
    ['proposal_office', business, '业务设置（办理期限、字数限制等）只能由系统管理员修改'],
    ['auditor', topLevel, '业务设置（办理期限、字数限制等）只能由系统管理员修改'],
    ['member', business, '业务设置（办理期限、字数限制等）只能由系统管理员修改'],
    ['system_admin', both, '安全设置（密码、锁定、超时、双因素）只能由安全管理员修改'],
    ['security_admin', both, '业务设置（办理期限、字数限制等）只能由系统管理员修改'],
    ['member', {}, null],
  ] as const)('%s changing %o → %s', (role, patch, expected) => {
    expect(settingsChangeProblem(as(role), patch)).toBe(expected);
  });
});

describe('creating subordinate committees', () => {
  it.each(roles.map((role) => [role, role === 'system_admin'] as const))('%s may create one: %s', (role, expected) => {
    expect(canCreateChildOrganizations(as(role))).toBe(expected);
  });

  it.each([
    ['city', 'county', null],
    ['province', 'city', null],
    ['province', 'county', null],
    ['national', 'province', null],
    ['city', 'city', '下级政协的级别应低于本级（市级政协），不能是市级政协'],
    ['city', 'province', '下级政协的级别应低于本级（市级政协），不能是省级政协'],
    ['county', 'county', '下级政协的级别应低于本级（县（区）级政协），不能是县（区）级政协'],
    ['province', 'national', '下级政协的级别应低于本级（省级政协），不能是全国政协'],
  ] as const)('a %s creating a %s → %s', (parent, child, expected) => {
    expect(childLevelProblem(parent as OrganizationLevel, child as OrganizationLevel)).toBe(expected);
  });
});
