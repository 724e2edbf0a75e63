import { describe, expect, it } from 'vitest';
import type { MicroSuggestionAction } from '../../../contracts/micro-suggestions.ts';
import type { Role } from '../../../contracts/roles.ts';
import {
  canCreateMicroSuggestion,
  canReadMicroStatistics,
  canReadMicroSuggestion,
  canTakeMicroAction,
  fitsPublication,
  type MicroFacts,
  type MicroLinks,
} from './micro-suggestions.policy.ts';

const LEAD = 'member-lead';
const CO = 'member-co';
const STATION = 'station-1';

/** A fixture actor: roles, member and unit links. */
function who(roles: Role[], links: { memberId?: string; unitId?: string; stationId?: string; userId?: string } = {}) {
  return {
    userId: links.userId ?? 'user-x',
    roles,
    memberId: links.memberId ?? null,
    unitId: links.unitId ?? null,
    stationId: links.stationId ?? null,
  };
}

const actors = {
  lead: who(['member'], { memberId: LEAD }),
  coRaiser: who(['member'], { memberId: CO }),
  otherMember: who(['member'], { memberId: 'member-other' }),
  mergedMember: who(['member'], { memberId: 'member-merged' }),
  creator: who(['station_staff'], { userId: 'user-creator', stationId: STATION }),
  stationStaff: who(['station_staff'], { stationId: STATION }),
  otherStation: who(['station_staff'], { stationId: 'station-2' }),
  office: who(['proposal_office']),
  reviewer: who(['information_office']),
  supervisor: who(['supervisor']),
  leader: who(['leader']),
  unit: who(['unit_handler'], { unitId: 'unit-a' }),
  otherUnit: who(['unit_handler'], { unitId: 'unit-b' }),
  admin: who(['system_admin']),
};
type Who = keyof typeof actors;

const item = (state: string): MicroFacts => ({
  state,
  leadMemberId: LEAD,
  memberIds: [LEAD, CO],
  createdBy: 'user-creator',
  stationId: STATION,
});
const links: MicroLinks = { assignedUnitIds: ['unit-a'], mergedMemberIds: ['member-merged'] };
const reviewerRoles: Role[] = ['information_office'];

describe('who reads a micro-suggestion', () => {
  const readers: Record<'draft' | 'submitted', Who[]> = {
    draft: ['lead', 'coRaiser', 'creator'],
    submitted: [
      'lead',
      'coRaiser',
      'mergedMember',
      'creator',
      'stationStaff',
      'office',
      'reviewer',
      'supervisor',
      'leader',
      'unit',
    ],
  };
  const cases = (['draft', 'submitted'] as const).flatMap((state) =>
    (Object.keys(actors) as Who[]).map((name) => [state, name] as const),
  );
  it.each(cases)('%s read by %s', (state, name) => {
    expect(canReadMicroSuggestion(actors[name], item(state), reviewerRoles, links)).toBe(readers[state].includes(name));
  });

  it('does not let a role read as a reviewer unless the committee names it', () => {
    expect(canReadMicroSuggestion(actors.reviewer, item('submitted'), [], links)).toBe(false);
  });
});

describe('item-level checks', () => {
  const cases: [Who, MicroSuggestionAction, boolean][] = [
    ['lead', 'edit', true],
    ['coRaiser', 'edit', false],
    ['lead', 'submit', true],
    ['coRaiser', 'submit', false],
    ['lead', 'report_result', true],
    ['coRaiser', 'report_result', false],
    ['office', 'accept', true],
    ['office', 'record_reply', true],
    ['otherMember', 'reopen', true],
  ];
  it.each(cases)('%s %s → %s', (name, action, allowed) => {
    expect(canTakeMicroAction(actors[name], item('draft'), action)).toBe(allowed);
  });

  it('publishes only what is not public, unpublishes only what is', () => {
    expect(fitsPublication({ published: false }, 'publish')).toBe(true);
    expect(fitsPublication({ published: true }, 'publish')).toBe(false);
    expect(fitsPublication({ published: true }, 'unpublish')).toBe(true);
    expect(fitsPublication({ published: false }, 'unpublish')).toBe(false);
    expect(fitsPublication({ published: false }, 'accept')).toBe(true);
  });

  it.each([
    ['lead', true],
    ['office', false],
    ['unit', false],
    ['creator', false],
  ] as [Who, boolean][])('%s may write one: %s', (name, allowed) => {
    expect(canCreateMicroSuggestion(actors[name])).toBe(allowed);
  });

  it.each([
    ['office', true],
    ['reviewer', true],
    ['supervisor', true],
    ['leader', true],
    ['lead', false],
    ['unit', false],
    ['admin', false],
  ] as [Who, boolean][])('%s reads the statistics: %s', (name, allowed) => {
    expect(canReadMicroStatistics(actors[name], reviewerRoles)).toBe(allowed);
  });
});
